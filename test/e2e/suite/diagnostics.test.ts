/**
 * The language server checks the whole workspace, opened or not: the diagnostics of files
 * nobody opened match examples/acme/EXPECTED.md.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACME_FINDINGS } from './support/acme';
import { cc7Diagnostics, waitForDiagnostics } from './support/diagnostics';
import { workspaceFile } from './support/extension';

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());

describe('diagnostics of files never opened', () => {
  it('reports the missed GDPR notice on INC-2026-011 without the file being opened', async () => {
    const uri = workspaceFile('incidents/INC-2026-011.yaml');
    assert.equal(isOpen(uri), false, 'precondition: INC-2026-011.yaml is not open');
    const seen = await waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0, 'the notification-deadline error');
    assert.deepEqual(seen, ACME_FINDINGS['incidents/INC-2026-011.yaml']);
    assert.equal(isOpen(uri), false, 'the file was not opened to get them');
  });

  it('reports exactly the findings EXPECTED.md lists, and nothing on any other file', async () => {
    for (const [file, expected] of Object.entries(ACME_FINDINGS)) {
      const uri = workspaceFile(file);
      await waitForDiagnostics(uri, (seen) => JSON.stringify(seen) === JSON.stringify(expected), `${JSON.stringify(expected)}`);
    }
    const filesWithFindings = vscode.languages
      .getDiagnostics()
      .filter(([uri]) => cc7Diagnostics(uri).length > 0)
      .map(([uri]) => vscode.workspace.asRelativePath(uri))
      .sort();
    assert.deepEqual(filesWithFindings, Object.keys(ACME_FINDINGS).sort());
  });
});
