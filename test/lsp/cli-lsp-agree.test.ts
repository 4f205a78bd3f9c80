/**
 * The command line and the language server give IDENTICAL findings for the same workspace at
 * the same "now": `cc7 check` run as a real process (`--format json` for the findings,
 * `--format sarif` for their related locations, the only CLI output that carries them) and
 * the built server spawned over stdio, asked nothing but to start on the workspace folder.
 *
 * Compared per file: rule (LSP `code`), severity, start and end line/column, message, and the
 * related locations (file, start line/column, message). Both sides are brought to the CLI's
 * form: paths relative to the workspace with `/`, 1-based lines and columns (LSP positions
 * are 0-based; both count columns in UTF-16 code units).
 *
 * Workspaces: examples/acme at its documented as-of time, and test/fixtures/agree, built to
 * hold findings of many rules in several files, cross-file ones with related locations
 * (duplicate-id, unknown-reference, escalation-link, plan-missing), plan-level ones, a
 * waived finding (info), a file that does not parse, and a YAML file that is not CC7.
 */
import assert from 'node:assert/strict';
import { readdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { REPO_ROOT, runCli } from '../support/cli';
import { DEFAULT_NOW } from '../support/fixtures';
import { fileUri, LspClient, textOf } from '../support/lsp-client';

const ACME = realpathSync(path.join(REPO_ROOT, 'examples', 'acme'));
const AGREE = realpathSync(path.join(__dirname, '..', 'fixtures', 'agree'));
/** The as-of time examples/acme/EXPECTED.md is written for. */
const ACME_NOW = '2026-11-26T12:00:00Z';
/** How long the server may take to publish a whole workspace (it spawns analysis workers). */
const PUBLISH_TIMEOUT_MS = 30_000;

/** A related location as the CLI gives it: 1-based start, path relative to the workspace. */
interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One finding in the CLI's terms (SPEC 7): 1-based positions, relative `/` path. */
interface Finding {
  file: string;
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related: RelatedLocation[];
}

/** Severity numbers as words: the test's own oracle, independent of the server's mapping. */
const SEVERITY_WORD: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface CliSide {
  filesChecked: number;
  findings: Finding[];
}

/** Runs `cc7 check <root>` in json and in sarif format and joins them into findings with related locations. */
function checkWithCli(root: string, now: string): CliSide {
  const run = (format: 'json' | 'sarif') => {
    const result = runCli(['check', root, '--format', format], { cwd: REPO_ROOT, now });
    assert.equal(result.stderr, '', `cc7 check --format ${format}: stderr`);
    assert.ok(result.status === 0 || result.status === 1, `cc7 check --format ${format}: exit code ${result.status}`);
    return JSON.parse(result.stdout) as unknown;
  };
  const json = run('json') as { filesChecked: number; findings: Omit<Finding, 'related'>[] };
  const sarif = run('sarif') as Sarif.Log;
  const results = sarif.runs[0].results ?? [];
  assert.equal(results.length, json.findings.length, 'the sarif and json outputs hold the same number of findings');
  const findings = json.findings.map((finding, i): Finding => {
    const result = results[i];
    const region = result.locations?.[0]?.physicalLocation?.region;
    assert.deepEqual(
      [result.ruleId, region?.startLine, region?.startColumn, result.message.text],
      [finding.rule, finding.line, finding.column, finding.message],
      `sarif result ${i} is json finding ${i}`,
    );
    const related = (result.relatedLocations ?? []).map((location): RelatedLocation => ({
      file: sarifPath(location.physicalLocation?.artifactLocation?.uri),
      line: location.physicalLocation?.region?.startLine ?? NaN,
      column: location.physicalLocation?.region?.startColumn ?? NaN,
      message: location.message?.text ?? '',
    }));
    return { ...finding, related };
  });
  return { filesChecked: json.filesChecked, findings };
}

/** A SARIF artifact URI (relative to SRCROOT, each segment escaped) as a `/` path. */
function sarifPath(uri: string | undefined): string {
  return (uri ?? '').split('/').map(decodeURIComponent).join('/');
}

interface LspSide {
  /** Every YAML file below the workspace that got a publication, relative. */
  published: string[];
  findings: Finding[];
}

/**
 * Starts the server on the workspace, waits until it has published diagnostics for as many
 * files as the CLI checked (it publishes every CC7 file on start, clean ones as empty lists),
 * then for everything it sent meanwhile, and reads the latest publication of each file.
 */
async function checkWithServer(root: string, now: string, files: number): Promise<LspSide> {
  const client = await LspClient.start({ workspace: root, env: { CC7_NOW: now } });
  try {
    await client.waitForPublishedUris(files, PUBLISH_TIMEOUT_MS);
    await client.roundTrip();
    const relative = (uri: string) => path.relative(root, URI.parse(uri).fsPath).split(path.sep).join('/');
    const published = yamlFiles(root).filter((file) => client.diagnosticsHistory(fileUri(file)).length > 0);
    const findings = published.flatMap((file) => {
      const uri = fileUri(file);
      return (client.latest(uri) ?? []).map((diagnostic) => fromDiagnostic(relative(uri), diagnostic, relative));
    });
    assert.equal(await client.stop(), 0, 'the server exit code after shutdown/exit');
    return { published: published.map((file) => relative(fileUri(file))), findings };
  } finally {
    client.dispose();
  }
}

function fromDiagnostic(file: string, diagnostic: Diagnostic, relative: (uri: string) => string): Finding {
  const { start, end } = diagnostic.range;
  return {
    file,
    rule: String(diagnostic.code),
    severity: SEVERITY_WORD[diagnostic.severity ?? 0] ?? `severity ${String(diagnostic.severity)}`,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: textOf(diagnostic.message),
    related: (diagnostic.relatedInformation ?? []).map(({ location, message }) => ({
      file: relative(location.uri),
      line: location.range.start.line + 1,
      column: location.range.start.character + 1,
      message,
    })),
  };
}

/** Every .yaml/.yml file below a folder (absolute paths), as the server's default include sees them. */
function yamlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** SPEC 7's order (file, line, column, rule), then the rest, so both lists line up. */
function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)
    || describeFinding(a).localeCompare(describeFinding(b));
}

/** One readable entry per finding, its related locations indented below it. */
function describeFinding(finding: Finding): string {
  const head = `${finding.file} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.severity} ${finding.rule}: ${finding.message}`;
  const related = [...finding.related]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
    .map((location) => `\n    related ${location.file} ${location.line}:${location.column}: ${location.message}`);
  return head + related.join('');
}

/** The entries of `from` that `other` lacks, counting duplicates. */
function missingFrom(from: readonly string[], other: readonly string[]): string[] {
  const left = [...other];
  return from.filter((entry) => {
    const at = left.indexOf(entry);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

/** Fails, listing what only one side reported, unless both sides reported exactly the same. */
function assertAgree(cli: readonly Finding[], lsp: readonly Finding[]): void {
  const cliEntries = [...cli].sort(compareFindings).map(describeFinding);
  const lspEntries = [...lsp].sort(compareFindings).map(describeFinding);
  const onlyCli = missingFrom(cliEntries, lspEntries);
  const onlyLsp = missingFrom(lspEntries, cliEntries);
  const section = (title: string, entries: string[]) => (entries.length ? [`${title}:`, ...entries.map((entry) => `  ${entry}`)] : []);
  assert.deepEqual(lspEntries, cliEntries, [
    'the CLI and the language server disagree',
    ...section('only the CLI reported', onlyCli),
    ...section('only the language server reported', onlyLsp),
  ].join('\n'));
}

describe('the CLI and the language server agree', function () {
  this.timeout(90_000);

  it('on examples/acme: the same findings at the documented as-of time', async () => {
    const cli = checkWithCli(ACME, ACME_NOW);
    const lsp = await checkWithServer(ACME, ACME_NOW, cli.filesChecked);
    assert.equal(lsp.published.length, cli.filesChecked, `files diagnosed by the server: ${lsp.published.join(', ')}`);
    assertAgree(cli.findings, lsp.findings);
    // The content itself is the golden scenario's business (test/fixtures/cli/acme-example-*).
    assert.equal(cli.findings.length, 6, 'examples/acme/EXPECTED.md lists six findings');
  });

  it('on a workspace with findings of many rules, cross-file ones with related locations', async () => {
    const cli = checkWithCli(AGREE, DEFAULT_NOW);
    const lsp = await checkWithServer(AGREE, DEFAULT_NOW, cli.filesChecked);
    assert.equal(lsp.published.length, cli.filesChecked, `files diagnosed by the server: ${lsp.published.join(', ')}`);
    assert.ok(!lsp.published.includes('notes/ops.yaml'), 'a YAML file that is not CC7 gets no diagnostics');
    assertAgree(cli.findings, lsp.findings);

    // The agreement means something only if the workspace holds what it was built for.
    const rules = new Set(cli.findings.map((finding) => finding.rule));
    const wanted = [
      'schema', 'unknown-key', 'yaml-syntax', 'multiple-documents', 'phase-evidence', 'timeline-order',
      'timestamp-timezone', 'breach-determination', 'notification-deadline', 'pir-deadline',
      'remediation-untracked', 'remediation-overdue', 'unknown-reference', 'duplicate-id', 'plan-missing',
      'plan-review-overdue', 'tabletop-overdue', 'runbook-review-overdue', 'escalation-link',
      'secret-in-record', 'quiet-period',
    ];
    assert.deepEqual(wanted.filter((rule) => !rules.has(rule)), [], 'rules the fixture should trigger');
    const relatedRules = new Set(cli.findings.filter((finding) => finding.related.length > 0).map((finding) => finding.rule));
    assert.deepEqual(['duplicate-id', 'unknown-reference', 'escalation-link', 'plan-missing'].filter((rule) => !relatedRules.has(rule)), [],
      'rules whose findings should carry related locations');
    assert.deepEqual([...new Set(cli.findings.map((finding) => finding.severity))].sort(), ['error', 'info', 'warning']);
    const clean = lsp.published.filter((file) => !cli.findings.some((finding) => finding.file === file));
    assert.deepEqual(clean, ['runbooks/RB-CLEAN.yaml'], 'clean CC7 files (published with an empty list)');
  });
});
