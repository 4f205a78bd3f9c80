/**
 * A second real LSP client: Neovim's built-in one (0.7.2 on Debian 12), headless, as a real
 * process. test/neovim/check-diagnostics.lua starts the BUILT server (`npm run build` first)
 * with `vim.lsp.start_client`, opens the incident, waits for its diagnostics, edits the buffer
 * to fix one of them, waits for that one to go, hovers over the incident's severity, asks for
 * completion on a new last line, and writes what it saw as JSON.
 *
 * The fixture (test/fixtures/neovim/) is the clean baseline plus one incident with exactly two
 * findings at DEFAULT_NOW: a misspelt key (unknown-key, warning) and a wrong enum value
 * (schema, error). `npx cc7 check test/fixtures/neovim` shows the same two.
 *
 * Without `nvim` on PATH the test is skipped, unless CI=true: CI installs Neovim, so there a
 * missing nvim fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CompletionItemKind, type Range } from 'vscode-languageserver-types';
import { DEFAULT_NOW, rangeOfSnippet } from '../support/fixtures';
import { SERVER_JS } from '../support/lsp-client';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'neovim');
const SCRIPT = path.join(__dirname, 'check-diagnostics.lua');
const INCIDENT = 'incidents/INC-2026-001.yaml';
/** The edit the script makes in the buffer: it fixes the misspelt key. */
const FIX = { from: 'reproted_by', to: 'reported_by' };
/** How long each wait inside Neovim may last, and the whole process. */
const WAIT_MS = 10_000;
const PROCESS_TIMEOUT_MS = 40_000;

/** A diagnostic as the Lua script writes it: 0-based lines, byte columns, Neovim's severity names. */
interface SeenDiagnostic {
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  severity: 'ERROR' | 'WARN' | 'INFO' | 'HINT';
  code: string | null;
  source: string;
  message: string;
}

interface NeovimResult {
  nvim: string;
  before: SeenDiagnostic[];
  after: SeenDiagnostic[];
  hover?: { kind: string; value: string; range: Range } | null;
  /** The completion items, in the order of their sortText. */
  completion?: { label: string; kind: number; detail: string | null }[];
  server_exit?: { code: number; signal: number };
  failure?: string;
}

interface Expected {
  code: string;
  severity: SeenDiagnostic['severity'];
  /** The diagnostic's range: the [[marked]] part of a snippet occurring once in the text. */
  at: string;
  message: RegExp;
}

const UNKNOWN_KEY: Expected = { code: 'unknown-key', severity: 'WARN', at: '[[reproted_by]]: soc', message: /"reproted_by".*did you mean "reported_by"\?/ };
/** Where the script hovers: the severity, whose plan entry (SEV2, "Medium" in this plan) the hover shows. */
const HOVER_AT = 'severity: [[SEV2]]';
const SEV2_HOVER = '**SEV2 — Medium**\n\nContained event with no customer impact\n\n'
  + '- Escalate within: not set\n- Post-incident review: not required\n- Remediation due: 90 days';
/** Completion at a new top-level line of the incident (in identification): the keys not written yet, in schema order. */
const NEW_KEYS = ['runbook', 'description', 'triage', 'containment', 'investigation', 'notifications', 'remediation',
  'remediation_not_required', 'recovery', 'resolved_at', 'post_incident_review', 'closed_at', 'waivers'];

const WRONG_ENUM: Expected = { code: 'schema', severity: 'ERROR', at: 'detection_source: [[siem]]\n', message: /"detection_source" must be one of: siem-alert/ };

/** The nvim version line, or undefined when there is no nvim on PATH. */
function findNeovim(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  if (probe.error) throw probe.error;
  return probe.stdout.split('\n')[0];
}

/** Expected diagnostics in the shape the script writes, their ranges found by text in `text`. */
function expectedDiagnostics(text: string, expected: readonly Expected[]) {
  return expected.map((item) => {
    const range = rangeOfSnippet(text, item.at, `${INCIDENT} (${item.code})`);
    return {
      line: range.start.line,
      col: range.start.character,
      end_line: range.end.line,
      end_col: range.end.character,
      severity: item.severity,
      code: item.code,
      source: 'cc7',
    };
  });
}

function assertDiagnostics(seen: readonly SeenDiagnostic[], text: string, expected: readonly Expected[], phase: string, context: string): void {
  const withoutMessages = seen.map(({ message: _message, ...rest }) => rest);
  assert.deepEqual(withoutMessages, expectedDiagnostics(text, expected), `${phase}: diagnostics in Neovim${context}`);
  expected.forEach((item, i) => assert.match(seen[i]!.message, item.message, `${phase}: message of the ${item.code} diagnostic`));
}

describe('Neovim as an LSP client (headless nvim, real process)', function () {
  this.timeout(PROCESS_TIMEOUT_MS + 20_000);

  let version: string | undefined;
  let workspace: string | undefined;
  let scratch: string | undefined;

  before(() => {
    version = findNeovim();
  });
  afterEach(() => {
    for (const dir of [workspace, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
    workspace = scratch = undefined;
  });

  it('shows the incident\'s diagnostics, follows a buffer edit that fixes one, answers hover and completion, and shuts the server down', function () {
    if (version === undefined) {
      if (process.env.CI === 'true') assert.fail('nvim is not on PATH, and CI=true: CI must install Neovim (apt-get install -y neovim)');
      this.test!.title += ' (SKIPPED: nvim is not on PATH; apt-get install -y neovim to run it)';
      this.skip();
    }
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "npm run build" first`);

    workspace = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-nvim-ws-')));
    scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-nvim-home-')));
    cpSync(FIXTURE, workspace, { recursive: true });
    const incident = path.join(workspace, INCIDENT);
    const onDisk = readFileSync(incident, 'utf8');
    // Neovim columns are bytes, LSP's are UTF-16 code units: equal only for ASCII.
    assert.match(onDisk, /^[\x00-\x7f]*$/, 'the incident fixture must stay ASCII');
    const resultFile = path.join(scratch, 'result.json');
    const hoverRange = rangeOfSnippet(onDisk, HOVER_AT, INCIDENT);
    const hoverAt = hoverRange.start;

    const started = Date.now();
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${SCRIPT}`], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: PROCESS_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CC7_NOW: DEFAULT_NOW,
        // Neovim's log, lsp.log and state go to the scratch folder, not the user's home.
        XDG_CONFIG_HOME: path.join(scratch, 'config'),
        XDG_CACHE_HOME: path.join(scratch, 'cache'),
        XDG_STATE_HOME: path.join(scratch, 'state'),
        XDG_DATA_HOME: path.join(scratch, 'data'),
        CC7_NVIM_NODE: process.execPath,
        CC7_NVIM_SERVER: SERVER_JS,
        CC7_NVIM_WORKSPACE: workspace,
        CC7_NVIM_FILE: incident,
        CC7_NVIM_EXPECT: [UNKNOWN_KEY.code, WRONG_ENUM.code].join(','),
        CC7_NVIM_FIX_FROM: FIX.from,
        CC7_NVIM_FIX_TO: FIX.to,
        CC7_NVIM_EXPECT_AFTER: WRONG_ENUM.code,
        CC7_NVIM_HOVER: `${hoverAt.line},${hoverAt.character}`,
        CC7_NVIM_RESULT: resultFile,
        CC7_NVIM_TIMEOUT_MS: String(WAIT_MS),
      },
    });
    const elapsed = Date.now() - started;
    if (run.error && (run.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw run.error;

    const lspLog = path.join(scratch, 'cache', 'nvim', 'lsp.log');
    const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult : undefined;
    const context = `\n  ${version}, ${elapsed} ms, exit ${String(run.status)}${run.signal ? ` (${run.signal})` : ''}`
      + `\n  result: ${result ? JSON.stringify(result, null, 2) : 'none written'}`
      + `\n  nvim stdout: ${run.stdout}\n  nvim stderr: ${run.stderr}`
      + `\n  lsp.log: ${existsSync(lspLog) ? readFileSync(lspLog, 'utf8').slice(-4000) : 'none'}`;

    assert.equal(run.signal, null, `nvim was killed after ${PROCESS_TIMEOUT_MS} ms${context}`);
    assert.ok(result, `the script wrote no result${context}`);
    assert.equal(result.failure, undefined, `the script failed${context}`);
    assert.equal(run.status, 0, `nvim's exit code${context}`);

    assertDiagnostics(result.before, onDisk, [WRONG_ENUM, UNKNOWN_KEY], 'on opening', context);
    assertDiagnostics(result.after, onDisk.replace(FIX.from, FIX.to), [WRONG_ENUM], 'after the edit', context);
    assert.deepEqual(result.hover, { kind: 'markdown', value: SEV2_HOVER, range: hoverRange }, `hover over the severity${context}`);
    assert.deepEqual(result.completion?.map((item) => item.label), NEW_KEYS, `completion at a new top-level line${context}`);
    assert.deepEqual(result.completion?.find((item) => item.label === 'triage'), { label: 'triage', kind: CompletionItemKind.Property, detail: 'CC7.3' }, `the triage item${context}`);
    assert.deepEqual(result.server_exit, { code: 0, signal: 0 }, `the server's exit after shutdown${context}`);
    assert.equal(readFileSync(incident, 'utf8'), onDisk, 'the edit stayed in the buffer: the file on disk is untouched');
  });
});
