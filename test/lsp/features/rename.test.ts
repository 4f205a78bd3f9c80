/**
 * Rename over stdio: an id renamed in every file that writes it (a file named after a renamed
 * document id moved too, when the client can), refused with a message when the new id is
 * malformed or taken; prepareRename names exactly the id.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LSPErrorCodes, type ClientCapabilities, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { rangeOfSnippet } from '../../support/fixtures';
import { FileChangeType, fileUri, FULL_CAPABILITIES } from '../../support/lsp-client';
import { CLOSED, cursorAt, EVENT, INCIDENT, navigationWorkspace, PLAN, RUNBOOK, TABLETOP } from '../../support/navigation';

/** A client whose workspace edits may rename files. */
const MOVING: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
};

/** A rename the server must refuse: where it is asked, the new id, and the refusal's message. */
type Refusal = [from: [string, string], newName: string, message: string];

describe('language server over stdio: rename', () => {
  const navigation = navigationWorkspace();

  const uriOf = (relative: string) => fileUri(navigation.file(relative));
  /** The edits replacing each [[marked]] snippet of a file by `newText`. */
  const edits = (relative: string, newText: string, ...snippets: string[]): TextEdit[] =>
    snippets.map((snippet) => ({ range: rangeOfSnippet(navigation.read(relative), snippet, `${relative}: ${snippet}`), newText }));
  const renameAt = async (relative: string, snippet: string, newName: string) => {
    const { uri, text } = await navigation.open(relative);
    return navigation.server.rename(uri, cursorAt(text, snippet), newName);
  };
  /** Each rename is refused with exactly its message. */
  const assertRefused = async (refusals: Refusal[]) => {
    for (const [[relative, snippet], newName, message] of refusals) {
      await assert.rejects(renameAt(relative, snippet, newName), { code: LSPErrorCodes.RequestFailed, message }, `${snippet} → ${newName}`);
    }
  };
  /** Applies plain changes to the files on disk, as an editor saving them would. */
  const applyToDisk = (edit: WorkspaceEdit) => {
    for (const [uri, changes] of Object.entries(edit.changes ?? {})) {
      const target = URI.parse(uri).fsPath;
      const document = TextDocument.create(uri, 'yaml', 0, readFileSync(target, 'utf8'));
      writeFileSync(target, TextDocument.applyEdits(document, changes));
    }
  };

  describe('on a fresh server each', () => {
    navigation.perTest();

    it('renames a document id in every file that writes it, and moves the file named after it', async () => {
      await navigation.start({ capabilities: MOVING });
      assert.deepEqual(await renameAt(INCIDENT, 'runbook: [[RB-CREDENTIAL-LEAK]]', 'RB-LEAKED-CREDENTIAL'), {
        documentChanges: [
          // The open incident is edited at its version; files not open are edited by URI.
          { textDocument: { uri: uriOf(INCIDENT), version: 1 }, edits: edits(INCIDENT, 'RB-LEAKED-CREDENTIAL', 'runbook: [[RB-CREDENTIAL-LEAK]]') },
          { textDocument: { uri: uriOf(RUNBOOK), version: null }, edits: edits(RUNBOOK, 'RB-LEAKED-CREDENTIAL', 'id: [[RB-CREDENTIAL-LEAK]]') },
          { textDocument: { uri: uriOf(TABLETOP), version: null }, edits: edits(TABLETOP, 'RB-LEAKED-CREDENTIAL', '  - [[RB-CREDENTIAL-LEAK]]') },
          { kind: 'rename', oldUri: uriOf(RUNBOOK), newUri: uriOf('runbooks/RB-LEAKED-CREDENTIAL.yaml') },
        ],
      });
    });

    it('renames a role across the workspace; applied, the workspace finds every use under the new id', async () => {
      const server = await navigation.start();
      const edit = await renameAt(PLAN, '  [[legal]]: { title', 'legal_counsel');
      assert.deepEqual(edit, {
        changes: {
          [uriOf(INCIDENT)]: edits(INCIDENT, 'legal_counsel', '  [[legal]]: legal@example.com', 'decided_by: [[legal]]'),
          [uriOf(CLOSED)]: edits(CLOSED, 'legal_counsel', 'decided_by: [[legal]]'),
          [uriOf(PLAN)]: edits(PLAN, 'legal_counsel', '  [[legal]]: { title'),
          [uriOf(TABLETOP)]: edits(TABLETOP, 'legal_counsel', 'role: [[legal]] }'),
        },
      });
      applyToDisk(edit!);
      await server.close(uriOf(PLAN));
      await server.filesChanged(...[INCIDENT, CLOSED, TABLETOP].map((relative) => ({ file: navigation.file(relative), type: FileChangeType.Changed as FileChangeType })));
      const { uri, text } = await navigation.open(PLAN);
      const found = await server.references(uri, cursorAt(text, '  [[legal_counsel]]: { title'), true);
      assert.deepEqual(found.map(({ uri: where }) => path.relative(navigation.root, URI.parse(where).fsPath)),
        [INCIDENT, INCIDENT, CLOSED, PLAN, TABLETOP]);
    });
  });

  describe('on one server (these requests change nothing)', () => {
    navigation.shared();

    it('edits by URI and moves no file when the client cannot rename files', async () => {
      assert.deepEqual(await renameAt(EVENT, 'incident: [[INC-2026-001]]', 'INC-2026-101'), {
        changes: {
          [uriOf(EVENT)]: edits(EVENT, 'INC-2026-101', 'incident: [[INC-2026-001]]'),
          [uriOf(INCIDENT)]: edits(INCIDENT, 'INC-2026-101', 'id: [[INC-2026-001]]'),
        },
      });
    });

    it('renames a severity level in the plan and wherever it is used', async () => {
      assert.deepEqual(await renameAt(PLAN, '- id: [[SEV2]]', 'SEV-HIGH'), {
        changes: {
          [uriOf(EVENT)]: edits(EVENT, 'SEV-HIGH', 'severity: [[SEV2]]'),
          [uriOf(INCIDENT)]: edits(INCIDENT, 'SEV-HIGH', 'severity: [[SEV2]]'),
          [uriOf(CLOSED)]: edits(CLOSED, 'SEV-HIGH', 'severity: [[SEV2]]'),
          [uriOf(PLAN)]: edits(PLAN, 'SEV-HIGH', '- id: [[SEV2]]'),
          [uriOf(RUNBOOK)]: edits(RUNBOOK, 'SEV-HIGH', 'severities: [SEV1, [[SEV2]]]'),
        },
      });
    });

    it('renames an item only inside its document', async () => {
      assert.deepEqual(await renameAt(INCIDENT, 'target: [[REM-2]]', 'REM-3'), {
        changes: { [uriOf(INCIDENT)]: edits(INCIDENT, 'REM-3', '{ id: [[REM-2]], action', 'target: [[REM-2]]') },
      });
    });

    it('refuses a new id that is taken in its namespace, saying by what', async () => {
      await assertRefused([
        [[RUNBOOK, 'id: [[RB-CREDENTIAL-LEAK]]'], 'INC-2026-002', 'INC-2026-002 is already the id of the Incident in INC-2026-002.yaml: choose another document id'],
        [[INCIDENT, 'target: [[REM-2]]'], 'REM-1', 'REM-1 is already an item of this document: choose another item id'],
        [[INCIDENT, 'decided_by: [[legal]]'], 'incident_lead', 'incident_lead is already a role of the plan: choose another role id'],
        [[EVENT, 'severity: [[SEV2]]'], 'SEV1', 'SEV1 is already a severity level of the plan: choose another severity id'],
      ]);
    });

    it('refuses a malformed new id, saying how ids of its kind are written', async () => {
      await assertRefused([
        [[EVENT, 'incident: [[INC-2026-001]]'], 'inc-2026-101', '"inc-2026-101" is not a valid document id: write capitals, digits and dashes such as INC-2026-014'],
        [[INCIDENT, '{ id: [[REM-1]], action'], 'REM 3', '"REM 3" is not a valid item id: write capitals, digits and dashes such as REM-1'],
        [[PLAN, '  [[legal]]: { title'], 'Legal-Counsel', '"Legal-Counsel" is not a valid role id: write snake_case such as incident_lead'],
        [[PLAN, '- id: [[SEV1]]'], 'SEV 1', '"SEV 1" is not a valid severity id: write letters, digits, _ or - such as SEV1'],
      ]);
    });

    it('prepares a rename on exactly the id (quotes left out), and on nothing else', async () => {
      const { uri, text } = await navigation.open(INCIDENT);
      assert.deepEqual(await navigation.server.prepareRename(uri, cursorAt(text, 'runbook: RB-CRED[[]]ENTIAL-LEAK')), {
        range: rangeOfSnippet(text, 'runbook: [[RB-CREDENTIAL-LEAK]]', 'id'),
        placeholder: 'RB-CREDENTIAL-LEAK',
      });
      assert.equal(await navigation.server.prepareRename(uri, cursorAt(text, 'title: [[Leaked]] API key')), null);
      await navigation.server.replace(uri, 'severity: [[SEV2]]', '"SEV2"');
      assert.deepEqual(await navigation.server.prepareRename(uri, cursorAt(navigation.server.text(uri), 'severity: "[[SEV2]]"')), {
        range: rangeOfSnippet(navigation.server.text(uri), 'severity: "[[SEV2]]"', 'quoted id'),
        placeholder: 'SEV2',
      });
    });
  });

});
