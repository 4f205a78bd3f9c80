/**
 * examples/acme as documented: the findings `cc7 check examples/acme --as-of
 * 2026-11-26T12:00:00Z` prints are the ones examples/acme/EXPECTED.md lists (file, rule,
 * severity, line) with its totals and exit code, and the ones README.md's example table lists
 * (file, rule, severity). The exact output is frozen in the golden scenarios
 * test/fixtures/cli/acme-example-stylish and acme-example-json; this keeps the two documents
 * from drifting away from it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../support/cli';

const EXPECTED_MD = path.join(REPO_ROOT, 'examples', 'acme', 'EXPECTED.md');
const README_MD = path.join(REPO_ROOT, 'README.md');

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  line: number;
}

/** The cells of each markdown table row that starts with a backticked file, in the text between two markers. */
function tableRows(text: string, from: string, to: string, where: string): string[][] {
  const start = text.indexOf(from);
  assert.notEqual(start, -1, `${where}: "${from}" not found`);
  const end = text.indexOf(to, start);
  assert.notEqual(end, -1, `${where}: "${to}" not found after "${from}"`);
  return text.slice(start, end).split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The first `backticked` word of a cell. */
function code(cell: string, where: string): string {
  const match = /`([^`]+)`/.exec(cell);
  assert.ok(match, `${where}: no \`code\` in "${cell}"`);
  return match[1];
}

describe('cli: examples/acme matches its documentation', () => {
  let findings: JsonFinding[];
  let status: number | null;

  before(() => {
    const run = runCli(['check', 'examples/acme', '--as-of', '2026-11-26T12:00:00Z', '--format', 'json'], { cwd: REPO_ROOT });
    assert.equal(run.stderr, '');
    status = run.status;
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  });

  it('prints exactly the findings EXPECTED.md lists: file, rule, severity and line', () => {
    const text = readFileSync(EXPECTED_MD, 'utf8');
    const documented = tableRows(text, '| file | rule | severity | sits on | why |', '\n## ', 'EXPECTED.md').map(([file, rule, severity, sitsOn]) => {
      const line = /line (\d+)/.exec(sitsOn);
      assert.ok(line, `EXPECTED.md: no "line N" in "${sitsOn}"`);
      return `${code(file, 'EXPECTED.md')} ${code(rule, 'EXPECTED.md')} ${severity} line ${line[1]}`;
    });
    assert.deepEqual(
      findings.map((finding) => `${finding.file} ${finding.rule} ${finding.severity} line ${finding.line}`).sort(),
      documented.sort(),
    );
  });

  it('has the totals and exit code EXPECTED.md states', () => {
    const text = readFileSync(EXPECTED_MD, 'utf8');
    const summary = /Expected result: (\d+) errors?, (\d+) warnings?, (\d+) info; exit code (\d+)\./.exec(text);
    assert.ok(summary, 'EXPECTED.md: no "Expected result: ..." line');
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    assert.deepEqual([count('error'), count('warning'), count('info'), status], summary.slice(1).map(Number));
  });

  it('prints exactly the findings README.md lists for the example: file, rule and severity', () => {
    const text = readFileSync(README_MD, 'utf8');
    const documented = tableRows(text, 'deliberate findings', '\n\n`--as-of`', 'README.md')
      .map(([file, rule, severity]) => `${code(file, 'README.md')} ${code(rule, 'README.md')} ${severity}`);
    assert.deepEqual(findings.map((finding) => `${finding.file} ${finding.rule} ${finding.severity}`).sort(), documented.sort());
  });
});
