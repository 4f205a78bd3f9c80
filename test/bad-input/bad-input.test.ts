/**
 * Broken and hostile files (test/support/bad-input.ts), each through the running language
 * server and through the `cc7` command line as real processes: a finding or silence as the
 * case requires, never a crash or a hang, memory bounded, and the server still at work.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { DEFAULT_NOW } from '../support/fixtures';
import { assertBadFindings, BAD_INPUTS, oversized, type BadInput, type SeenFinding } from '../support/bad-input';
import { copyWorkspace, fileUri, FileChangeType, LSP_FIXTURES, LspClient, textOf, withCode } from '../support/lsp-client';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cc7.js');
/** A clean SecurityEvent of the `clean` fixture, edited to show that the server still checks. */
const GOOD = 'events/EVT-2026-0002.yaml';
/** What the server may hold, at its peak, after any of the inputs (RSS, /proc/<pid>/status). */
const MAX_SERVER_BYTES = 300 * 1024 * 1024;
/** The CLI runs with a V8 heap this small: expanding an alias bomb or a huge file would crash it. */
const CLI_HEAP_MB = 256;
/** A smaller call stack than Node's default (984 kB): the output must not depend on it. */
const SMALL_STACK_KB = 400;

const SEVERITY_WORDS = ['', 'error', 'warning', 'info', 'hint'];

function fromDiagnostic(diagnostic: Diagnostic): SeenFinding {
  return { rule: String(diagnostic.code), severity: SEVERITY_WORDS[diagnostic.severity ?? 0], range: diagnostic.range, message: textOf(diagnostic.message) };
}

function writeInput(root: string, input: BadInput): { file: string; content: Buffer } {
  const file = path.join(root, input.file);
  const content = input.content();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return { file, content };
}

interface CliReport {
  filesChecked: number;
  findings: { file: string; rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/** The CLI's 1-based positions back to LSP's 0-based ones. */
function fromCliFinding(finding: CliReport['findings'][number]): SeenFinding {
  const { line, column, endLine, endColumn } = finding;
  return {
    rule: finding.rule,
    severity: finding.severity,
    range: { start: { line: line - 1, character: column - 1 }, end: { line: endLine - 1, character: endColumn - 1 } },
    message: finding.message,
  };
}

/** `node [options] bin/cc7.js args`, as a real process with a small heap; never rejects. */
function runCli(nodeOptions: string[], args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const options = { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CC7_NOW: DEFAULT_NOW } };
  return new Promise((resolve) => {
    execFile(process.execPath, [`--max-old-space-size=${CLI_HEAP_MB}`, ...nodeOptions, CLI, ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('bad input', () => {
  describe('over the language server', () => {
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspClient;

    before(async () => {
      workspace = copyWorkspace('clean');
      server = await LspClient.start({ workspace: workspace.root });
      await server.waitForDiagnostics(fileUri(path.join(workspace.root, GOOD)), (list) => list.length === 0);
    });
    after(() => {
      server.dispose();
      workspace.remove();
    });

    /** The process lives, stays within its memory bound, and still publishes for an edited good file. */
    async function assertStillChecking(): Promise<void> {
      assert.ok(server.alive, 'the server process exited');
      const { peak } = server.memory();
      assert.ok(peak < MAX_SERVER_BYTES, `server peak RSS ${(peak / 2 ** 20).toFixed(0)} MB is over ${MAX_SERVER_BYTES / 2 ** 20} MB`);
      const good = path.join(workspace.root, GOOD);
      const original = readFileSync(good, 'utf8');
      writeFileSync(good, original.replace('assessed_by', 'assesed_by'));
      await server.filesChanged({ file: good, type: FileChangeType.Changed });
      await server.waitForDiagnostics(fileUri(good), (list) => withCode(list, 'unknown-key').length === 1);
      writeFileSync(good, original);
      await server.filesChanged({ file: good, type: FileChangeType.Changed });
      await server.waitForDiagnostics(fileUri(good), (list) => list.length === 0);
    }

    for (const input of BAD_INPUTS) {
      it(input.name, async function () {
        this.timeout(input.timeoutMs);
        const { file, content } = writeInput(workspace.root, input);
        const uri = fileUri(file);
        await server.filesChanged({ file, type: FileChangeType.Created });
        if (input.expect) {
          const diagnostics = await server.waitForDiagnostics(uri, (list) => list.length > 0, input.timeoutMs);
          assertBadFindings(input, diagnostics.map(fromDiagnostic), content);
        } else {
          await server.roundTrip();
          assertBadFindings(input, (server.latest(uri) ?? []).map(fromDiagnostic), content);
        }
        await assertStillChecking();

        rmSync(file);
        await server.filesChanged({ file, type: FileChangeType.Deleted });
        if (input.expect) await server.waitForDiagnostics(uri, (list) => list.length === 0);
      });
    }

    it('a 20 MB CC7 document opened in the editor: file-too-large, memory bounded', async function () {
      this.timeout(30_000);
      const file = path.join(workspace.root, 'bad/opened-huge.yaml');
      const uri = await server.open(file, oversized(20 * 1024 * 1024));
      const diagnostics = await server.waitForDiagnostics(uri, (list) => list.length > 0, 20_000);
      assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
      await server.close(uri);
      await server.waitForDiagnostics(uri, (list) => list.length === 0);
      await assertStillChecking();
    });

    it('still shuts down with exit code 0 after all of it', async () => {
      assert.equal(await server.stop(), 0);
    });
  });

  describe('through the CLI', () => {
    /** Every file of the clean fixture is a CC7 document without findings. */
    const cleanFiles = readdirSync(path.join(LSP_FIXTURES, 'clean'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml')).length;

    for (const input of BAD_INPUTS) {
      it(input.name, async function () {
        this.timeout(input.timeoutMs);
        const workspace = copyWorkspace('clean');
        try {
          const { content } = writeInput(workspace.root, input);
          const args = ['check', workspace.root, '--format', 'json'];
          const [run, smallStack] = await Promise.all([
            runCli([], args, input.timeoutMs - 1000),
            runCli([`--stack-size=${SMALL_STACK_KB}`], args, input.timeoutMs - 1000),
          ]);
          assert.equal(run.stderr, '', 'stderr');
          assert.equal(run.code, input.expect?.exitCode ?? 0, `exit code; stdout:\n${run.stdout.slice(0, 2000)}`);
          const report = JSON.parse(run.stdout) as CliReport;
          assert.equal(report.filesChecked, cleanFiles + (input.expect ? 1 : 0), 'filesChecked');
          assert.deepEqual(report.findings.filter((f) => f.file !== input.file), [], 'findings in the clean files');
          assertBadFindings(input, report.findings.map(fromCliFinding), content);

          const where = `with a ${SMALL_STACK_KB} kB call stack`;
          assert.deepEqual([smallStack.code, smallStack.stderr], [run.code, ''], `exit code and stderr ${where}`);
          assert.deepEqual(JSON.parse(smallStack.stdout), report, `the report changes ${where}`);
        } finally {
          workspace.remove();
        }
      });
    }
  });
});
