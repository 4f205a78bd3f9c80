/**
 * Fixture workspaces with their expected findings beside them (`expected.yaml`), positions
 * marked by text: `at: "status: [[closed]]"` is the one place in the file where that snippet
 * occurs, and the part in [[ ]] is the finding's exact range. No hand-counted numbers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseAsOf } from '../../server/src/core/model/clock';
import { Program } from '../../server/src/core/service/program';
import type { Finding, Range, SeveritySetting } from '../../server/src/core/model/types';
import { listFiles, plansFirst, readContent, DEFAULT_INCLUDE } from '../../server/src/node/files';

export interface ExpectedFinding {
  file: string;
  rule: string;
  severity: string;
  /** A snippet that occurs once in the file, with the finding's range in [[ ]]. */
  at: string;
  /** Text the message must contain (each of them, when a list). */
  message?: string | string[];
  /** Paths (relative) of the files its relatedInformation must point at. */
  related?: string[];
}

export interface FixtureExpectation {
  /** The as-of instant for deadline rules. */
  now?: string;
  /** Per-rule severities, as the editor's cc7.rules setting would give them. */
  rules?: Record<string, SeveritySetting>;
  maxFileBytes?: number;
  findings: ExpectedFinding[];
}

export const DEFAULT_NOW = '2026-06-30T12:00:00Z';

/** Loads every finding of a fixture workspace as the core computes it. */
export function checkWorkspace(root: string, expectation: Omit<FixtureExpectation, 'findings'> = {}): Finding[] {
  const now = parseAsOf(expectation.now ?? DEFAULT_NOW);
  const maxFileBytes = expectation.maxFileBytes ?? 2 * 1024 * 1024;
  const program = new Program({
    read: (file) => readContent(file, maxFileBytes),
    clock: () => now,
    settings: { rules: expectation.rules ?? {}, maxFileBytes },
  });
  program.addFiles(plansFirst(listFiles(root, { include: DEFAULT_INCLUDE, exclude: ['**/expected.yaml'] })));
  return program.paths().flatMap((file) => program.findings(file));
}

/** Where a marked snippet sits in a file: the range of its [[ ]] part (0-based, UTF-16). */
export function rangeOfSnippet(text: string, snippet: string, where: string): Range {
  const open = snippet.indexOf('[[');
  const close = snippet.indexOf(']]');
  assert.ok(open !== -1 && close > open, `${where}: "at" needs a [[marked]] part: ${snippet}`);
  const plain = snippet.slice(0, open) + snippet.slice(open + 2, close) + snippet.slice(close + 2);
  const first = text.indexOf(plain);
  assert.ok(first !== -1, `${where}: snippet not found: ${JSON.stringify(plain)}`);
  assert.equal(text.indexOf(plain, first + 1), -1, `${where}: snippet occurs more than once: ${JSON.stringify(plain)}`);
  return { start: positionAt(text, first + open), end: positionAt(text, first + close - 2) };
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A readable one-line form, so a failing comparison shows exactly what differs. */
function describe(root: string, finding: { path: string; rule: string; severity: string; range: Range }): string {
  const { start, end } = finding.range;
  return `${path.relative(root, finding.path)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${finding.severity} ${finding.rule}`;
}

/** Asserts that a fixture workspace yields exactly its expected findings, no more, no fewer. */
export function assertFixture(root: string): void {
  const expectation = parse(readFileSync(path.join(root, 'expected.yaml'), 'utf8')) as FixtureExpectation;
  const actual = checkWorkspace(root, expectation);
  const expected = (expectation.findings ?? []).map((item, i) => {
    const file = path.join(root, item.file);
    const range = rangeOfSnippet(readFileSync(file, 'utf8'), item.at, `${path.basename(root)} finding ${i + 1}`);
    return { ...item, path: file, range };
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  assert.deepEqual(
    actual.map((finding) => describe(root, finding)).sort(order),
    expected.map((finding) => describe(root, finding)).sort(order),
    `${root}: findings differ (messages: ${actual.map((finding) => `\n  [${finding.rule}] ${finding.message}`).join('')})`,
  );
  for (const item of expected) {
    const match = actual.find((finding) => describe(root, finding) === describe(root, item))!;
    for (const text of [item.message ?? []].flat()) {
      assert.ok(match.message.includes(text), `${describe(root, item)}: message "${match.message}" lacks "${text}"`);
    }
    if (item.related) {
      assert.deepEqual((match.related ?? []).map((related) => path.relative(root, related.path)).sort(), [...item.related].sort(),
        `${describe(root, item)}: relatedInformation`);
    }
  }
}

/** Registers one mocha test per case folder of `test/fixtures/rules/<rule>/`. */
export function fixtureCases(rule: string): void {
  const dir = path.join(__dirname, '..', 'fixtures', 'rules', rule);
  const cases = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
  assert.ok(cases.length > 0, `no fixture cases for ${rule}`);
  for (const name of cases) it(`${rule}: ${name.replace(/-/g, ' ')}`, () => assertFixture(path.join(dir, name)));
}
