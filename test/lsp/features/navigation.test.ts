/**
 * Go to definition and find references over stdio, for every kind of id: plan severities and
 * roles, document ids (runbooks, incidents), remediation and improvement items; across files,
 * read from the other documents' facts. Positions and expected places are marked by text.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from '../../support/fixtures';
import { fileUri } from '../../support/lsp-client';
import { CLOSED, cursorAt, EVENT, INCIDENT, navigationWorkspace, PLAN, RUNBOOK, TABLETOP } from '../../support/navigation';

/** A place written as `file` and a snippet whose [[marked]] part is the range. */
type Place = [file: string, snippet: string];

describe('language server over stdio: definitions and references', () => {
  // Read-only requests: one server for the whole file; a test that edits closes what it edited.
  const navigation = navigationWorkspace().shared();
  const opened = new Map<string, { uri: string; text: string }>();
  const open = async (relative: string) => {
    if (!opened.has(relative)) opened.set(relative, await navigation.open(relative));
    return opened.get(relative)!;
  };
  /** Closing an edited document puts the disk's text back at once (an edit is only checked after a pause). */
  const close = async (relative: string) => {
    await navigation.server.close(opened.get(relative)!.uri);
    opened.delete(relative);
  };

  /** Places as `file line:character-line:character`, comparable in one assertion. */
  const describe_ = (location: Location) => {
    const { start, end } = location.range;
    return `${path.relative(navigation.root, new URL(location.uri).pathname)} ${start.line}:${start.character}-${end.line}:${end.character}`;
  };
  const places = (...marked: Place[]) => marked.map(([file, snippet]) => {
    const range = rangeOfSnippet(navigation.read(file), snippet, `${file}: ${snippet}`);
    return describe_({ uri: fileUri(navigation.file(file)), range });
  });
  /** Opens `file` and asks with the cursor at the start of the [[marked]] part of `snippet`. */
  const ask = async <T>(place: Place, request: (uri: string, position: { line: number; character: number }) => Promise<T>) => {
    const { uri, text: content } = await open(place[0]);
    return request(uri, cursorAt(content, place[1]));
  };
  const definitionOf = async (place: Place) => {
    const found = await ask(place, (uri, position) => navigation.server.definition(uri, position));
    return (Array.isArray(found) ? found as Location[] : found ? [found as Location] : []).map(describe_);
  };
  const referencesOf = async (place: Place, includeDeclaration: boolean) =>
    (await ask(place, (uri, position) => navigation.server.references(uri, position, includeDeclaration))).map(describe_);

  describe('go to definition', () => {
    const cases: [what: string, from: Place, to: Place][] = [
      ["an incident's severity → the plan's level", [INCIDENT, 'severity: [[SEV2]]'], [PLAN, '- id: [[SEV2]]']],
      ["a runbook's severities → the plan's level", [RUNBOOK, 'severities: [SEV1, [[SEV2]]]'], [PLAN, '- id: [[SEV2]]']],
      ["an incident's role key → the plan's role", [INCIDENT, '  [[legal]]: legal@example.com'], [PLAN, '  [[legal]]: { title']],
      ['a decided_by role → the plan\'s role', [INCIDENT, 'decided_by: [[legal]]'], [PLAN, '  [[legal]]: { title']],
      ["a runbook step's role → the plan's role", [RUNBOOK, 'Revoke the credential, role: [[incident_lead]]'], [PLAN, '  [[incident_lead]]: { title']],
      ["a participant's role → the plan's role", [TABLETOP, 'role: [[security_operations]] }'], [PLAN, '  [[security_operations]]: { title']],
      ["a waiver's approver → the plan's role", [INCIDENT, 'approved_by: [[executive_sponsor]]'], [PLAN, '  [[executive_sponsor]]: { title']],
      ["an incident's runbook → the runbook's id", [INCIDENT, 'runbook: [[RB-CREDENTIAL-LEAK]]'], [RUNBOOK, 'id: [[RB-CREDENTIAL-LEAK]]']],
      ["an exercise's runbooks_exercised → the runbook's id", [TABLETOP, '  - [[RB-CREDENTIAL-LEAK]]'], [RUNBOOK, 'id: [[RB-CREDENTIAL-LEAK]]']],
      ["an event's incident → the incident's id", [EVENT, 'incident: [[INC-2026-001]]'], [INCIDENT, 'id: [[INC-2026-001]]']],
      ["a waiver's target → the item in its document", [INCIDENT, 'target: [[REM-2]]'], [INCIDENT, '{ id: [[REM-2]], action']],
      ["a review's action item → the item in its document, not another incident's", [CLOSED, '    - [[REM-1]]'], [CLOSED, '{ id: [[REM-1]], action']],
      ['a definition → itself', [PLAN, '- id: [[SEV1]]'], [PLAN, '- id: [[SEV1]]']],
    ];
    for (const [what, from, to] of cases) {
      it(what, async () => {
        assert.deepEqual(await definitionOf(from), places(to));
      });
    }

    it('answers nothing off an id, and for an id defined nowhere', async () => {
      assert.deepEqual(await definitionOf([INCIDENT, 'title: [[Leaked]] API key']), []);
      const { uri } = await open(INCIDENT);
      await navigation.server.replace(uri, 'runbook: [[RB-CREDENTIAL-LEAK]]', 'RB-NOWHERE');
      assert.deepEqual(await navigation.server.definition(uri, cursorAt(navigation.server.text(uri), 'runbook: [[RB-NOWHERE]]')), []);
      await close(INCIDENT);
    });
  });

  describe('find references', () => {
    it('of a role, from its definition: every document that writes it, the definition included', async () => {
      assert.deepEqual(await referencesOf([PLAN, '  [[incident_lead]]: { title'], true), places(
        [INCIDENT, '  [[incident_lead]]: lead@example.com'],
        [CLOSED, 'roles: { [[incident_lead]]: lead'],
        [PLAN, '  [[incident_lead]]: { title'],
        [RUNBOOK, 'Revoke the credential, role: [[incident_lead]]'],
        [RUNBOOK, 'Open tickets for the gaps, role: [[incident_lead]]'],
        [RUNBOOK, 'Hold the review, role: [[incident_lead]]'],
      ));
    });

    it('of a role, from a use, without the declaration when not asked for', async () => {
      assert.deepEqual(await referencesOf([INCIDENT, 'decided_by: [[legal]]'], false), places(
        [INCIDENT, '  [[legal]]: legal@example.com'],
        [INCIDENT, 'decided_by: [[legal]]'],
        [CLOSED, 'decided_by: [[legal]]'],
        [TABLETOP, 'role: [[legal]] }'],
      ));
    });

    it('of a severity, across incidents, events and runbooks', async () => {
      assert.deepEqual(await referencesOf([EVENT, 'severity: [[SEV2]]'], true), places(
        [EVENT, 'severity: [[SEV2]]'],
        [INCIDENT, 'severity: [[SEV2]]'],
        [CLOSED, 'severity: [[SEV2]]'],
        [PLAN, '- id: [[SEV2]]'],
        [RUNBOOK, 'severities: [SEV1, [[SEV2]]]'],
      ));
    });

    it('of a document id: the document and every reference to it', async () => {
      assert.deepEqual(await referencesOf([TABLETOP, '  - [[RB-CREDENTIAL-LEAK]]'], true), places(
        [INCIDENT, 'runbook: [[RB-CREDENTIAL-LEAK]]'],
        [RUNBOOK, 'id: [[RB-CREDENTIAL-LEAK]]'],
        [TABLETOP, '  - [[RB-CREDENTIAL-LEAK]]'],
      ));
      assert.deepEqual(await referencesOf([INCIDENT, 'id: [[INC-2026-001]]'], false), places([EVENT, 'incident: [[INC-2026-001]]']));
    });

    it('of an item: only inside its own document', async () => {
      assert.deepEqual(await referencesOf([INCIDENT, '{ id: [[REM-2]], action'], true), places(
        [INCIDENT, '{ id: [[REM-2]], action'],
        [INCIDENT, 'target: [[REM-2]]'],
      ));
      assert.deepEqual(await referencesOf([CLOSED, '{ id: [[REM-1]], action'], false), places([CLOSED, '    - [[REM-1]]']));
    });

    it('reads the document asked about from the editor text, before it is saved', async () => {
      const { uri } = await open(TABLETOP);
      await navigation.server.replace(uri, 'role: [[legal]] }', 'incident_lead');
      const edited = rangeOfSnippet(navigation.server.text(uri), 'role: [[incident_lead]] }', 'edited');
      const found = await navigation.server.references(uri, edited.start, false);
      await close(TABLETOP);
      assert.ok(found.map(describe_).includes(describe_({ uri, range: edited })), found.map(describe_).join('\n'));
      assert.equal(found.length, 6, 'the five uses on disk and the one just typed');
    });
  });

  it('answers empty, never an error, on a document that does not parse and on a YAML file that is not CC7', async () => {
    const broken = navigation.file('incidents/INC-2026-009.yaml');
    const brokenUri = await navigation.server.open(broken, 'apiVersion: cc7/v1\nkind: Incident\nid: [INC-2026-009\nseverity: {SEV2\n  - :\n');
    const other = navigation.file('notes/ops.yaml');
    const otherUri = await navigation.server.open(other, 'services: [api, worker]\nowner: ops\n');
    const origin = { line: 2, character: 5 };
    for (const uri of [brokenUri, otherUri]) {
      assert.deepEqual(await navigation.server.definition(uri, origin), []);
      assert.deepEqual(await navigation.server.references(uri, origin, true), []);
      assert.equal(await navigation.server.prepareRename(uri, origin), null);
      assert.equal(await navigation.server.rename(uri, origin, 'INC-2026-010'), null);
      assert.deepEqual(await navigation.server.codeLenses(uri), []);
      assert.deepEqual(await navigation.server.inlayHints(uri), []);
      assert.ok(Array.isArray(await navigation.server.documentSymbols(uri)));
    }
    assert.deepEqual(await navigation.server.documentSymbols(otherUri), []);
  });
});
