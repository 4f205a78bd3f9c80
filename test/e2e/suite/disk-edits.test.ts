/**
 * Changes made on disk, outside the editor (a git checkout, another tool), reach the language
 * server through the file watcher: the diagnostics of a file nobody opened follow them.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { ACME_FINDINGS } from './support/acme';
import { waitForDiagnostics, type SeenDiagnostic } from './support/diagnostics';
import { workspaceFile } from './support/extension';

const FILE = 'incidents/INC-2026-009.yaml';
/** REM-2 has an owner and a due date but no ticket (remediation-untracked); this gives it one. */
const UNTRACKED = '    owner: priya@acme.io\n';
const TRACKED = `${UNTRACKED}    ticket: SEC-999\n`;

const same = (expected: readonly SeenDiagnostic[]) => (seen: SeenDiagnostic[]) => JSON.stringify(seen) === JSON.stringify(expected);

describe('edits on disk', () => {
  const uri = workspaceFile(FILE);
  const original = readFileSync(uri.fsPath, 'utf8');
  const withoutWarning = ACME_FINDINGS[FILE]!.filter((finding) => finding.rule !== 'remediation-untracked');

  before(async () => {
    assert.equal(original.split(UNTRACKED).length, 2, `precondition: "${UNTRACKED.trim()}" occurs once in ${FILE}`);
    await waitForDiagnostics(uri, same(ACME_FINDINGS[FILE]!), 'the findings EXPECTED.md lists');
  });

  it('giving REM-2 a ticket on disk removes its remediation-untracked warning', async () => {
    writeFileSync(uri.fsPath, original.replace(UNTRACKED, TRACKED));
    await waitForDiagnostics(uri, same(withoutWarning), 'only the remediation-overdue error');
  });

  it('restoring the file on disk brings the warning back', async () => {
    writeFileSync(uri.fsPath, original);
    await waitForDiagnostics(uri, same(ACME_FINDINGS[FILE]!), 'both findings again');
  });
});
