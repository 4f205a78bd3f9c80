// The cache file of one folder (node/analysis-cache.ts): what is saved loads back equal; a file
// that is absent, damaged, truncated or written for another rule set, size limit or folder
// loads as nothing, with the reason, and never throws; writing never leaves a partial file.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SavedFile } from '../../server/src/core/service/program';
import { AnalysisCache, userCacheDir } from '../../server/src/node/analysis-cache';

const ROOT = '/work/acme';
const LIMIT = 2 * 1024 * 1024;
const noYield = async () => undefined;

const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
/** Enough files for several groups of lines, written one at a time. */
const FILES: SavedFile[] = Array.from({ length: 1200 }, (_, i): SavedFile => (i % 100 === 7
  ? { path: `${ROOT}/other-${i}.yaml`, hash: `h${i}` }
  : {
    path: `${ROOT}/incidents/INC-${i}.yaml`,
    hash: `h${i}`,
    planKey: 'zone=UTC\u0000',
    facts: { path: `${ROOT}/incidents/INC-${i}.yaml`, kind: 'Incident', id: `INC-${i}`, anchor: range, references: [], mentions: [], waivers: [] },
    findings: [{ rule: 'pir-deadline', severity: 'error', path: `${ROOT}/incidents/INC-${i}.yaml`, range, message: `due\n${i} h ago "quoted"` }],
    ...(i % 2 ? { validUntil: 1_790_000_000_000 + i } : {}),
  }));

describe('AnalysisCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc7-cache-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads back what it saved, and leaves one file behind', async () => {
    const cache = new AnalysisCache(dir, ROOT, LIMIT);
    assert.equal(await cache.save(FILES, noYield), undefined);
    assert.deepEqual(readdirSync(dir), [path.basename(cache.file)]);
    assert.match(path.basename(cache.file), /^acme-[\w-]+\.jsonl$/);
    const { saved, problem } = cache.load();
    assert.equal(problem, undefined);
    assert.deepEqual([...saved.values()], FILES);
    assert.deepEqual(new AnalysisCache(dir, ROOT, LIMIT).load().saved.size, FILES.length, 'another instance, the same file');
  });

  it('an absent file is no problem', () => {
    assert.deepEqual(new AnalysisCache(dir, ROOT, LIMIT).load(), { saved: new Map() });
  });

  it('a file for another folder or size limit, or of another rule set or build, is not used', async () => {
    const cache = new AnalysisCache(dir, ROOT, LIMIT);
    await cache.save(FILES, noYield);
    const otherLimit = new AnalysisCache(dir, ROOT, 1024).load();
    assert.equal(otherLimit.saved.size, 0);
    assert.match(otherLimit.problem!, /written for maxFileBytes 2097152, not 1024$/);
    assert.notEqual(new AnalysisCache(dir, '/work/other/acme', LIMIT).file, cache.file, 'each folder its own file');
    const [header, ...rest] = readFileSync(cache.file, 'utf8').split('\n');
    writeFileSync(cache.file, [JSON.stringify({ ...JSON.parse(header!), root: '/elsewhere' }), ...rest].join('\n'));
    assert.match(cache.load().problem!, /written for root "\/elsewhere"/);
    writeFileSync(cache.file, [JSON.stringify({ ...JSON.parse(header!), ruleSet: '0.0.0+x' }), ...rest].join('\n'));
    assert.match(cache.load().problem!, /written for ruleSet "0\.0\.0\+x"/);
    writeFileSync(cache.file, [JSON.stringify({ ...JSON.parse(header!), code: 'another-build' }), ...rest].join('\n'));
    assert.match(cache.load().problem!, /written for code "another-build"/);
  });

  it('a damaged or truncated file loads as nothing, saying why, and never throws', async () => {
    const cache = new AnalysisCache(dir, ROOT, LIMIT);
    await cache.save(FILES, noYield);
    const text = readFileSync(cache.file, 'utf8');
    const lines = text.split('\n');
    const cases: [string, string, RegExp][] = [
      ['one character changed in a message', text.replace('7 h ago', '8 h ago'), /checksum does not match/],
      ['a line dropped', [...lines.slice(0, 5), ...lines.slice(6)].join('\n'), /checksum does not match/],
      ['cut in the middle of a line', text.slice(0, Math.floor(text.length / 2)), /truncated/],
      ['cut after a line', lines.slice(0, 9).join('\n') + '\n', /truncated/],
      ['the trailer counting another number of files', text.replace(/"files":\d+/, '"files":1'), /holds 1200 files of 1$/],
      ['the header alone, cut', text.slice(0, 20), /truncated|JSON/],
      ['not JSON', 'garbage\n{]', /JSON/],
      ['empty', '', /truncated/],
      ['binary', '\u0000\u0001\u0002\n\u0003', /JSON/],
    ];
    for (const [what, content, reason] of cases) {
      writeFileSync(cache.file, content);
      const loaded = cache.load();
      assert.equal(loaded.saved.size, 0, what);
      assert.match(loaded.problem ?? '', reason, what);
    }
  });

  it('a write that fails says why and leaves no temporary file', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const problem = await new AnalysisCache(blocker, ROOT, LIMIT).save(FILES, noYield);
    assert.match(problem!, /^could not write the analysis cache /);
    assert.deepEqual(readdirSync(dir), ['not-a-folder']);
  });

  it('the CLI keeps it under $XDG_CACHE_HOME/cc7, by default ~/.cache/cc7', () => {
    assert.equal(userCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), '/var/cache/me/cc7');
    assert.equal(userCacheDir({}), path.join(homedir(), '.cache', 'cc7'));
    // The XDG spec: a relative path is invalid and ignored.
    assert.equal(userCacheDir({ XDG_CACHE_HOME: 'relative/cache' }), path.join(homedir(), '.cache', 'cc7'));
  });
});
