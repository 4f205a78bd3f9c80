/**
 * `cc7 check --format sarif`, run as a real process on a workspace with error, warning and
 * info findings, checked against the official SARIF 2.1.0 schema and against what GitHub code
 * scanning needs (SPEC 7).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { REPO_ROOT, runCli } from '../support/cli';

const SCENARIO = path.join(__dirname, '..', 'fixtures', 'cli', 'findings-stylish');
const WORKSPACE = path.join(SCENARIO, 'workspace');
const SARIF_SCHEMA = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** What `--format json` says of one finding: the reference the SARIF results must agree with. */
interface JsonFinding {
  file: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function check(format: 'sarif' | 'json'): unknown {
  const run = runCli(['check', 'workspace', '--format', format], { cwd: SCENARIO });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1, 'the workspace has an error-level finding');
  return JSON.parse(run.stdout);
}

describe('cli: --format sarif', () => {
  let log: Sarif.Log;
  let run: Sarif.Run;
  let results: Sarif.Result[];

  before(() => {
    log = check('sarif') as Sarif.Log;
    run = log.runs[0];
    results = run.results ?? [];
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    // unicodeRegExp off: the official schema's language pattern has a stray `]`
    // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), legal only in a non-unicode RegExp.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  it('is one run of the tool cc7, version 2.1.0', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'cc7');
  });

  it('gives every result a ruleId of the driver rules, pointing at its index', () => {
    const rules = run.tool.driver.rules ?? [];
    assert.ok(results.length > 0);
    for (const result of results) {
      const index = rules.findIndex((rule) => rule.id === result.ruleId);
      assert.notEqual(index, -1, `ruleId ${result.ruleId} is not among tool.driver.rules`);
      if (result.ruleIndex !== undefined) assert.equal(result.ruleIndex, index, `ruleIndex of ${result.ruleId}`);
    }
  });

  it('matches the json output finding for finding: level from severity (info is note), 1-based region', () => {
    const findings = (check('json') as { findings: JsonFinding[] }).findings;
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    assert.deepEqual(
      results.map((result) => {
        const { artifactLocation, region } = result.locations![0].physicalLocation!;
        return [decodeURIComponent(artifactLocation!.uri!), result.ruleId, result.level, region!.startLine, region!.startColumn, region!.endLine, region!.endColumn, result.message.text];
      }),
      findings.map((finding) => [finding.file, finding.rule, levels[finding.severity], finding.line, finding.column, finding.endLine, finding.endColumn, finding.message]),
    );
    assert.deepEqual([...new Set(results.map((result) => result.level))].sort(), ['error', 'note', 'warning'], 'the fixture has findings of every severity');
    for (const result of results) {
      const region = result.locations![0].physicalLocation!.region!;
      assert.ok(region.startLine! >= 1 && region.startColumn! >= 1, `1-based region of ${result.ruleId}`);
    }
  });

  it('locates files by `/` URIs relative to the checked folder, whose base is declared', () => {
    const bases = run.originalUriBaseIds ?? {};
    for (const result of results) {
      const { uri, uriBaseId } = result.locations![0].physicalLocation!.artifactLocation!;
      assert.ok(uri && !uri.includes('\\') && !uri.startsWith('/') && !/^[a-z]+:/i.test(uri), `relative URI with / separators: ${uri}`);
      assert.ok(uriBaseId && bases[uriBaseId]?.uri, `uriBaseId ${uriBaseId} is defined in originalUriBaseIds`);
      const base = bases[uriBaseId].uri!;
      assert.equal(base, `${pathToFileURL(WORKSPACE).href}/`, 'the base is the checked folder');
      assert.ok(existsSync(fileURLToPath(new URL(uri, base))), `${uri} resolves to a file of the workspace`);
    }
  });
});
