/**
 * The persistent analysis cache over real JSON-RPC: the server is started twice on a copy of
 * examples/acme with a cache folder in initializationOptions (as the VS Code client passes its
 * storage folder), and the second start must publish exactly what a cold start publishes. The
 * server runs with CC7_DEBUG_STATS=1 and answers cc7/debug/stats: how often it read each file
 * and how many documents it analysed or restored.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DebugStats } from '../../server/src/protocol';
import { REPO_ROOT } from '../support/cli';
import { describeDiagnostic, fileUri, LspClient } from '../support/lsp-client';

const ACME = path.join(REPO_ROOT, 'examples', 'acme');
/** The as-of time examples/acme/EXPECTED.md is written for. */
const AS_OF = '2026-11-26T12:00:00Z';

interface Run {
  /** Each file's diagnostics, one line each, by path relative to the workspace. */
  diagnostics: Record<string, string[]>;
  stats: DebugStats;
  log: string[];
}

/** The YAML files of a folder, relative, in order. */
function yamlFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(root, full);
    return entry.name.endsWith('.yaml') ? [path.relative(root, full)] : [];
  }).sort();
}

/** Resolves with the cache file once one is in the folder (renamed into place whole); rejects after `timeoutMs`. */
function cacheWritten(dir: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      watcher.close();
      settle();
    };
    const check = () => {
      const name = readdirSync(dir).find((file) => file.endsWith('.jsonl'));
      if (name) done(() => resolve(path.join(dir, name)));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no cache file in ${dir} within ${timeoutMs} ms`))), timeoutMs);
    watcher.on('change', check);
    check();
  });
}

describe('language server over stdio: the persistent analysis cache', function () {
  this.timeout(60_000);
  let root: string;
  let cacheDir: string;
  let files: string[];

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-cache-ws-')));
    cpSync(ACME, root, { recursive: true });
    cacheDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-cache-dir-')));
    files = yamlFiles(root);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Starts a server (with the cache folder unless `cache` is false), waits for every file's diagnostics, stops it. */
  async function start(options: { now?: string; cache?: boolean } = {}): Promise<Run> {
    const client = await LspClient.start({
      workspace: root,
      initializationOptions: options.cache === false ? {} : { cacheDir },
      env: { CC7_NOW: options.now ?? AS_OF, CC7_DEBUG_STATS: '1' },
    });
    try {
      await client.waitForPublishedUris(files.length);
      await client.roundTrip();
      const diagnostics = Object.fromEntries(files.map((file) => [file, (client.latest(fileUri(path.join(root, file))) ?? []).map(describeDiagnostic)]));
      const stats = await client.debugStats();
      assert.equal(await client.stop(), 0, 'exit code');
      return { diagnostics, stats, log: client.log };
    } finally {
      client.dispose();
    }
  }

  /** The cache file of the workspace: the one file in the cache folder. */
  function cacheFile(): string {
    const names = readdirSync(cacheDir);
    assert.equal(names.length, 1, `one cache file in the cache folder, not ${names.join(', ')}`);
    return path.join(cacheDir, names[0]!);
  }

  /** Every file read once by the server's main thread (whole or in part), none more. */
  function assertReadOnce(stats: DebugStats): void {
    assert.deepEqual(stats.reads, Object.fromEntries(files.map((file) => [path.join(root, file), 1])));
  }

  it('a restart reads each file once, analyses nothing and publishes what a cold start publishes', async () => {
    const cold = await start();
    assert.equal(cold.stats.analysed, files.length, 'the cold start analyses every document');
    assert.ok(Object.values(cold.diagnostics).flat().length >= 6, 'examples/acme has findings');
    assert.ok(existsSync(cacheFile()), 'written at shutdown');

    const warm = await start();
    assert.deepEqual(warm.diagnostics, cold.diagnostics);
    assert.deepEqual([warm.stats.analysed, warm.stats.restored], [0, files.length]);
    assertReadOnce(warm.stats);
    assert.ok(warm.log.some((line) => line.includes(`${files.length} files checked, ${files.length} of them from the analysis cache, 0 analysed`)), warm.log.join('\n'));
  });

  it('a cold start reads each file once too (a small workspace)', async () => {
    assertReadOnce((await start()).stats);
  });

  it('a corrupt or truncated cache file is ignored, and rewritten', async () => {
    const cold = await start();
    const file = cacheFile();
    const text = readFileSync(file, 'utf8');
    const damaged = [
      // Valid JSON with one word of a message changed: only the checksum tells.
      text.replace('was due', 'was dux'),
      text.slice(0, Math.floor(text.length / 2)),
      'not a cache file at all',
      '',
    ];
    for (const content of damaged) {
      writeFileSync(file, content);
      const run = await start();
      assert.deepEqual(run.diagnostics, cold.diagnostics);
      assert.equal(run.stats.analysed, files.length, 'every document analysed again');
      if (content !== '') assert.ok(run.log.some((line) => line.includes('ignored the analysis cache')), run.log.join('\n'));
    }
    // The last run rewrote it: the next start restores everything.
    assert.equal((await start()).stats.analysed, 0);
  });

  it('a cache written by another version of the rules is ignored', async () => {
    const cold = await start();
    const file = cacheFile();
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    const foreign = JSON.parse(header!) as { ruleSet: string };
    writeFileSync(file, [JSON.stringify({ ...foreign, ruleSet: `0.0.1+${foreign.ruleSet.split('+')[1]}` }), ...rest].join('\n'));
    const run = await start();
    assert.deepEqual(run.diagnostics, cold.diagnostics);
    assert.equal(run.stats.analysed, files.length);
    assert.ok(run.log.some((line) => /ignored the analysis cache .*: it was written for ruleSet "0\.0\.1\+/.test(line)), run.log.join('\n'));
  });

  it('a file changed while the server was down is analysed again, and only it', async () => {
    await start();
    // INC-2026-009's REM-2 gets its ticket: remediation-untracked goes away.
    const changed = 'incidents/INC-2026-009.yaml';
    const text = readFileSync(path.join(root, changed), 'utf8');
    const fixed = text.replace(/(- id: REM-2\n)/, '$1    ticket: SEC-999\n');
    assert.notEqual(fixed, text);
    writeFileSync(path.join(root, changed), fixed);

    const warm = await start();
    const cold = await start({ cache: false });
    assert.deepEqual(warm.diagnostics, cold.diagnostics);
    assert.ok(!warm.diagnostics[changed]!.some((line) => line.includes('remediation-untracked')), warm.diagnostics[changed]!.join('\n'));
    assert.deepEqual([warm.stats.analysed, warm.stats.restored], [1, files.length - 1]);
    assertReadOnce(warm.stats);
  });

  it('a deadline that passed while the server was down is reported at the new now', async () => {
    // At 08:00 the GDPR notice of INC-2026-011 (due 09:30) is approaching; at 12:00 it is 2 h late.
    const before = await start({ now: '2026-11-26T08:00:00Z' });
    const incident = 'incidents/INC-2026-011.yaml';
    assert.ok(before.diagnostics[incident]!.some((line) => line.includes('is due 2026-11-26 09:30 UTC, in 1 h')), before.diagnostics[incident]!.join('\n'));

    const after = await start({ now: AS_OF });
    const cold = await start({ now: AS_OF, cache: false });
    assert.deepEqual(after.diagnostics, cold.diagnostics);
    assert.ok(after.diagnostics[incident]!.some((line) => line.includes('was due 2026-11-26 09:30 UTC, 2 h ago')), after.diagnostics[incident]!.join('\n'));
    // Only the analyses whose time had come were redone.
    assert.ok(after.stats.analysed > 0 && after.stats.analysed < files.length, `${after.stats.analysed} analysed`);
    assert.equal(after.stats.analysed + after.stats.restored, files.length);
    assertReadOnce(after.stats);
  });

  it('is written once the scan has settled, before any shutdown', async () => {
    const client = await LspClient.start({ workspace: root, initializationOptions: { cacheDir } });
    try {
      const written = cacheWritten(cacheDir, 15_000);
      await client.waitForPublishedUris(files.length);
      // The trailer, the last line, counts the files.
      const trailer = JSON.parse(readFileSync(await written, 'utf8').trimEnd().split('\n').pop()!) as { files: number };
      assert.equal(trailer.files, files.length);
    } finally {
      await client.stop();
      client.dispose();
    }
  });

  it('without a cache folder the server writes nothing', async () => {
    await start({ cache: false });
    assert.deepEqual(readdirSync(cacheDir), []);
  });
});
