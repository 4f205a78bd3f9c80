/**
 * Completion over stdio, on the `editor` fixture (test/fixtures/lsp/editor: a plan in
 * America/New_York with SEV1–SEV3, five roles and three regimes; two runbooks; two
 * incidents; an escalated event; a tabletop exercise) at DEFAULT_NOW, 2026-06-30T12:00:00Z.
 * Each test opens a fixture document edited to hold a cursor (‸) and checks the exact items.
 */
import assert from 'node:assert/strict';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_REGIME_IDS } from '../../../server/src/core/deadlines';
import { RULE_IDS } from '../../../server/src/core/model/types';
import { markedCursor } from '../../support/cursor';
import { rangeOfSnippet } from '../../support/fixtures';
import { EDITOR_DOCUMENTS, INCIDENT, NEW_INCIDENT, sharedEditorWorkspace } from '../../support/editor-workspace';
import { FULL_CAPABILITIES, LspClient, withCode } from '../../support/lsp-client';
/** `now` at DEFAULT_NOW with the plan's offset (America/New_York, daylight time). */
const NOW = '2026-06-30T08:00:00-04:00';

describe('language server over stdio: completion', () => {
  const editor = sharedEditorWorkspace();

  /** Opens `file` with the marked text, asks for completion at the cursor, closes it. */
  const complete = async (file: string, marked: string, server = editor.server) => {
    const { text, position } = markedCursor(marked);
    const uri = await server.open(editor.file(file), text);
    try {
      const list = await server.completion(uri, position);
      assert.ok(list, 'a completion list');
      return { list, text, position };
    } finally {
      await server.close(uri);
    }
  };

  /** Labels in the order the items sort in. */
  const labels = (list: CompletionList): string[] =>
    [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
  const item = (list: CompletionList, label: string): CompletionItem => {
    const found = list.items.find((candidate) => candidate.label === label);
    assert.ok(found, `no item "${label}" among ${labels(list).join(', ')}`);
    return found;
  };
  const newText = (completion: CompletionItem) => (completion.textEdit as TextEdit).newText;

  describe('keys', () => {
    it('on a new top-level line: the keys the schema allows that are not there yet, with meaning and criterion', async () => {
      const { list, position } = await complete(INCIDENT, editor.edited(INCIDENT, 'reported_by: carol@acme.io\n', 'reported_by: carol@acme.io\n‸\n'));
      assert.equal(list.isIncomplete, false);
      assert.deepEqual(labels(list), ['description', 'remediation_not_required', 'recovery', 'resolved_at', 'closed_at']);
      const recovery = item(list, 'recovery');
      assert.deepEqual(recovery, {
        label: 'recovery',
        kind: CompletionItemKind.Property,
        detail: 'CC7.5',
        documentation: { kind: 'markdown', value: 'Restoration of normal operation and its verification.\n\n**CC7.5**: recover from identified security incidents.' },
        sortText: recovery.sortText,
        textEdit: { range: { start: position, end: position }, newText: 'recovery:\n  ' },
        insertTextMode: InsertTextMode.asIs,
      });
      assert.equal(newText(item(list, 'resolved_at')), 'resolved_at: ');
    });

    it('on a half-written key: replaces what is typed; the evidence the phase needs comes first', async () => {
      const marked = editor.edited(NEW_INCIDENT, 'status: identification\n', 'status: containment\ntri‸\n');
      const { list, text } = await complete(NEW_INCIDENT, marked);
      const triage = item(list, 'triage');
      assert.deepEqual(triage.textEdit, { range: rangeOfSnippet(text, '\n[[tri]]\n', 'the typed key'), newText: 'triage:\n  ' });
      assert.equal(triage.detail, 'CC7.3 · status containment needs it');
      assert.deepEqual(labels(list).slice(0, 3), ['triage', 'triage skeleton', 'runbook']);
    });

    it('in a flow mapping: the keys missing from it, on one line', async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, 'triage:\n  assessed_at: 2026-06-29T09:40:00Z\n  assessed_by: carol@acme.io\n  rationale: Key valid and used from an unknown ASN\n',
        'triage: { assessed_at: 2026-06-29T09:40:00Z, ‸ }\n'));
      assert.deepEqual(labels(list), ['assessed_by', 'rationale']);
      assert.deepEqual(list.items.map(newText), ['assessed_by: ', 'rationale: ']);
    });

    it('after "- " in a list of mappings: the keys of a new item, required first', async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, '  - { at: 2026-06-29T09:52:00Z, event: Key revoked, by: dan@acme.io }\n',
        '  - { at: 2026-06-29T09:52:00Z, event: Key revoked, by: dan@acme.io }\n  - ‸\n'));
      assert.deepEqual(labels(list), ['at', 'event', 'by']);
      assert.deepEqual(list.items.map((completion) => completion.detail), ['CC7.4 · required', 'CC7.4 · required', 'CC7.4']);
      const typed = await complete(INCIDENT, editor.edited(INCIDENT, '  - { at: 2026-06-29T09:52:00Z, event: Key revoked, by: dan@acme.io }\n',
        '  - { at: 2026-06-29T09:52:00Z, event: Key revoked, by: dan@acme.io }\n  - ev‸\n'));
      assert.deepEqual(item(typed.list, 'event').textEdit, { range: rangeOfSnippet(typed.text, '  - [[ev]]\n', 'the typed key'), newText: 'event: ' });
    });

    it("in an incident's roles: the plan's role ids not assigned yet", async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, '  engineering_on_call: dan@acme.io\n', '  engineering_on_call: dan@acme.io\n  ‸\n'));
      assert.deepEqual(labels(list), ['security_operations', 'legal', 'executive_sponsor']);
      assert.deepEqual([item(list, 'legal').kind, newText(item(list, 'legal'))], [CompletionItemKind.Reference, 'legal: ']);
    });
  });

  describe('skeletons of the evidence the phase still lacks', () => {
    const recovery = () => editor.edited(NEW_INCIDENT, 'status: identification\n', 'status: recovery\n') + '‸';

    it('one per missing section and one of everything, as snippets with tabstops', async () => {
      const { list } = await complete(NEW_INCIDENT, recovery());
      assert.deepEqual(labels(list).slice(0, 9), [
        'triage', 'containment', 'investigation', 'remediation',
        'all missing evidence', 'triage skeleton', 'containment skeleton', 'investigation skeleton', 'remediation skeleton',
      ]);
      const triage = item(list, 'triage skeleton');
      assert.deepEqual([triage.kind, triage.insertTextFormat, triage.detail, triage.filterText], [CompletionItemKind.Snippet, InsertTextFormat.Snippet, 'evidence status recovery needs', 'triage']);
      assert.equal(newText(triage), `triage:\n  assessed_at: \${1:${NOW}}\n  assessed_by: \${2:person}\n  rationale: \${3:rationale}`);
      // SEV3 remediation is due in 90 days; the next free id; the status a choice.
      assert.equal(newText(item(list, 'remediation skeleton')), 'remediation:\n  - id: ${1:REM-1}\n    action: ${2:action}\n    owner: ${3:person}\n'
        + '    ticket: ${4:ticket}\n    due: ${5:2026-09-28}\n    status: ${6|open,in-progress,done,wont-fix,risk-accepted|}');
      assert.equal(newText(item(list, 'investigation skeleton')), 'investigation:\n  root_cause: ${1:root cause}\n  affected_systems: [${2:affected system}]\n'
        + '  personal_data:\n    involved: ${3|true,false|}\n  customer_data:\n    involved: ${4|true,false|}');
    });

    it('inside a section that is there but incomplete, at its indentation', async () => {
      const marked = editor.edited(NEW_INCIDENT, 'status: identification\n', 'status: remediation\ntriage: { assessed_at: 2026-05-04T22:30:00Z, assessed_by: carol@acme.io, rationale: EDR alert confirmed }\n'
        + 'containment: [ { action: Isolated build-07, at: 2026-05-04T22:40:00Z, by: dan@acme.io } ]\ninvestigation:\n  root_cause: Unpatched CI agent\n  ‸\n');
      const { list } = await complete(NEW_INCIDENT, marked);
      assert.deepEqual(labels(list).slice(0, 6), ['affected_systems', 'customer_data', 'personal_data', 'all missing evidence', 'personal_data skeleton', 'customer_data skeleton']);
      assert.equal(newText(item(list, 'all missing evidence')), 'affected_systems: [${1:affected system}]\n  personal_data:\n    involved: ${2|true,false|}\n'
        + '  customer_data:\n    involved: ${3|true,false|}');
    });

    it('as plain text for a client without snippets; inserted, it clears phase-evidence', async () => {
      const plain = await LspClient.start({ workspace: editor.root, capabilities: { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, completion: {} } } });
      try {
        await plain.waitForPublishedUris(EDITOR_DOCUMENTS);
        const { text, position } = markedCursor(recovery());
        const uri = await plain.open(editor.file(NEW_INCIDENT), text);
        await plain.waitForDiagnostics(uri, (diagnostics) => withCode(diagnostics, 'phase-evidence').length === 1);
        const list = await plain.completion(uri, position);
        const all = item(list!, 'all missing evidence');
        assert.equal(all.insertTextFormat, InsertTextFormat.PlainText);
        assert.equal(newText(all), [
          'triage:', `  assessed_at: ${NOW}`, '  assessed_by: person', '  rationale: rationale',
          'containment:', '  - action: action', `    at: ${NOW}`, '    by: person',
          'investigation:', '  root_cause: root cause', '  affected_systems: [affected system]', '  personal_data:', '    involved: true', '  customer_data:', '    involved: true',
          'remediation:', '  - id: REM-1', '    action: action', '    owner: person', '    ticket: ticket', '    due: 2026-09-28', '    status: open',
        ].join('\n'));
        const edit = all.textEdit as TextEdit;
        await plain.change(uri, [{ range: edit.range, text: edit.newText }]);
        const after = await plain.waitForDiagnostics(uri, (diagnostics) => withCode(diagnostics, 'phase-evidence').length === 0);
        // Only what the proposed `involved: true` brings: a breach determination and the customer notice are due.
        assert.deepEqual(after.map((diagnostic) => diagnostic.code).sort(), ['breach-determination', 'notification-deadline']);
        assert.equal(plain.text(uri), TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), [edit]));
      } finally {
        await plain.end();
      }
    });
  });

  describe('values', () => {
    it('enum values, in schema order; after a bare colon with the space YAML needs', async () => {
      const { list } = await complete(NEW_INCIDENT, editor.edited(NEW_INCIDENT, 'status: identification', 'status: ‸'));
      assert.deepEqual(labels(list), ['identification', 'containment', 'investigation', 'remediation', 'recovery', 'post-incident-review', 'closed']);
      assert.deepEqual(new Set(list.items.map((completion) => completion.kind)), new Set([CompletionItemKind.EnumMember]));
      const colon = await complete(NEW_INCIDENT, editor.edited(NEW_INCIDENT, 'status: identification', 'status:‸'));
      assert.equal(newText(item(colon.list, 'containment')), ' containment');
    });

    it("the plan's severity ids, with name and description; replacing the word typed", async () => {
      const { list, text } = await complete(INCIDENT, editor.edited(INCIDENT, 'severity: SEV2', 'severity: SE‸V2'));
      assert.deepEqual(labels(list), ['SEV1', 'SEV2', 'SEV3']);
      assert.deepEqual(item(list, 'SEV2'), {
        label: 'SEV2',
        kind: CompletionItemKind.Reference,
        detail: 'High',
        documentation: {
          kind: 'markdown',
          value: '**SEV2 — High**\n\nSuspected access to customer data, or a degraded security control\n\n- Escalate within: 60 min of detection\n'
            + '- Post-incident review: required, held within 10 business days of resolved_at\n- Remediation due: 30 days',
        },
        sortText: item(list, 'SEV2').sortText,
        textEdit: { range: rangeOfSnippet(text, 'severity: [[SEV2]]', 'the severity'), newText: 'SEV2' },
      });
    });

    it("a runbook's severities: those not listed yet", async () => {
      const file = 'runbooks/RB-RANSOMWARE.yaml';
      const { list } = await complete(file, editor.edited(file, 'severities: [SEV1, SEV2]', 'severities: [SEV1, ‸]'));
      assert.deepEqual(labels(list), ['SEV2', 'SEV3']);
    });

    it("plan role ids for a runbook's owner and step roles, a waiver's approver, a breach determination's decider", async () => {
      const roles = ['incident_lead', 'security_operations', 'engineering_on_call', 'legal', 'executive_sponsor'];
      const file = 'runbooks/RB-RANSOMWARE.yaml';
      assert.deepEqual(labels((await complete(file, editor.edited(file, 'owner: security_operations', 'owner: ‸'))).list), roles);
      assert.deepEqual(labels((await complete(file, editor.edited(file, 'role: incident_lead } ]\n  recovery', 'role: ‸ } ]\n  recovery'))).list), roles);
      assert.deepEqual(labels((await complete(INCIDENT, editor.edited(INCIDENT, 'approved_by: executive_sponsor', 'approved_by: ‸'))).list), roles);
      assert.deepEqual(labels((await complete(INCIDENT, editor.edited(INCIDENT, 'decided_by: legal', 'decided_by: ‸'))).list), roles);
    });

    it('runbook ids with their titles, for an incident and for the runbooks an exercise tested', async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, 'runbook: RB-CREDENTIAL-LEAK', 'runbook: ‸'));
      assert.deepEqual(list.items.map((completion) => [completion.label, completion.detail]), [
        ['RB-CREDENTIAL-LEAK', 'Leaked or compromised credential'],
        ['RB-RANSOMWARE', 'Ransomware on a workstation or server'],
      ]);
      const file = 'tabletop/TTX-2026-01.yaml';
      assert.deepEqual(labels((await complete(file, editor.edited(file, 'runbooks_exercised: [RB-CREDENTIAL-LEAK]', 'runbooks_exercised: [RB-CREDENTIAL-LEAK, ‸]'))).list), ['RB-RANSOMWARE']);
    });

    it("the document's remediation ids for review action items and waiver targets", async () => {
      const actions = await complete(INCIDENT, editor.edited(INCIDENT, 'action_items: [REM-1]', 'action_items: [REM-1, ‸]'));
      assert.deepEqual(actions.list.items.map((completion) => [completion.label, completion.detail]), [['REM-2', 'Rotate all service keys (open)']]);
      const targets = await complete(INCIDENT, editor.edited(INCIDENT, 'target: REM-2', 'target: ‸'));
      assert.deepEqual(labels(targets.list), ['REM-1', 'REM-2']);
    });

    it("incident ids for an event's incident, most recent first", async () => {
      const file = 'events/EVT-2026-0001.yaml';
      const { list } = await complete(file, editor.edited(file, 'incident: INC-2026-001', 'incident: ‸'));
      assert.deepEqual(labels(list), ['INC-2026-001', 'INC-2026-002']);
      assert.equal(item(list, 'INC-2026-001').detail, 'Leaked API key used against the billing API (investigation)');
    });

    it("the plan's regimes for a notice; every built-in regime not listed yet in the plan's own list", async () => {
      const notice = await complete(INCIDENT, editor.edited(INCIDENT, '    - { regime: us-ca,', '    - { regime: ‸ }\n    - { regime: us-ca,'));
      assert.deepEqual(labels(notice.list), ['gdpr-art33', 'us-ca', 'customer-dpa']);
      assert.equal(item(notice.list, 'gdpr-art33').detail, 'GDPR Art. 33 notice to the supervisory authority');
      const file = 'plan/response-plan.yaml';
      const plan = await complete(file, editor.edited(file, 'regimes: [gdpr-art33, us-ca, customer-dpa]', 'regimes: [gdpr-art33, us-ca, customer-dpa, ‸]'));
      assert.deepEqual(labels(plan.list), BUILTIN_REGIME_IDS.filter((id) => !['gdpr-art33', 'us-ca', 'customer-dpa'].includes(id)));
      assert.equal(item(plan.list, 'sec-8k').detail, 'SEC Form 8-K Item 1.05 filing');
    });

    it("rule ids as the keys of the plan's rules, and their severities", async () => {
      const file = 'plan/response-plan.yaml';
      const keys = await complete(file, editor.edited(file, 'monitoring:', 'rules:\n  ‸\nmonitoring:'));
      assert.deepEqual(labels(keys.list), [...RULE_IDS]);
      assert.equal(newText(item(keys.list, 'timestamp-timezone')), 'timestamp-timezone: ');
      const severities = await complete(file, editor.edited(file, 'monitoring:', 'rules: { timestamp-timezone: ‸ }\nmonitoring:'));
      assert.deepEqual(labels(severities.list), ['error', 'warning', 'info', 'off']);
    });

    it("every rule id for a waiver's rule", async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, 'rule: remediation-overdue', 'rule: ‸'));
      assert.deepEqual(labels(list), [...RULE_IDS]);
      assert.equal(item(list, 'unknown-key').detail, 'warning');
    });

    it('the kinds, in a new document that has only its apiVersion yet', async () => {
      const { list } = await complete('incidents/new.yaml', 'apiVersion: cc7/v1\nkind: ‸\n');
      assert.deepEqual(labels(list), ['ResponsePlan', 'Incident', 'SecurityEvent', 'Runbook', 'TabletopExercise']);
    });

    it("`now` with the plan's offset for a timestamp, today for a date", async () => {
      const { list } = await complete(INCIDENT, editor.edited(INCIDENT, 'post_incident_review:\n', 'resolved_at: ‸\npost_incident_review:\n'));
      assert.deepEqual(list.items.map((completion) => [completion.label, completion.kind, completion.detail, newText(completion)]), [['now', CompletionItemKind.Value, NOW, NOW]]);
      const due = await complete(INCIDENT, editor.edited(INCIDENT, 'due: 2026-07-09', 'due: ‸'));
      assert.deepEqual(due.list.items.map((completion) => [completion.label, newText(completion)]), [['today', '2026-06-30']]);
    });
  });

  describe('bad input', () => {
    it('answers null for a YAML file that is not a CC7 document', async () => {
      const { text, position } = markedCursor('name: deploy\nsteps:\n  - ‸\n');
      const uri = await editor.server.open(editor.file('notes.yaml'), text);
      assert.equal(await editor.server.completion(uri, position), null);
      await editor.server.close(uri);
    });

    it('answers on malformed YAML, and nothing in a comment or a free-text block', async () => {
      const broken = await complete(NEW_INCIDENT, editor.edited(NEW_INCIDENT, 'title: Ransomware note on a build server', 'title: "unterminated\nstatus: ‸'));
      assert.deepEqual(broken.list, { isIncomplete: false, items: [] });
      const unclosed = await complete(NEW_INCIDENT, editor.edited(NEW_INCIDENT, 'roles: { incident_lead: alice@acme.io }', 'roles: { incident_lead: alice@acme.io, ‸'));
      assert.deepEqual(labels(unclosed.list), ['security_operations', 'engineering_on_call', 'legal', 'executive_sponsor']);
      const comment = await complete(NEW_INCIDENT, editor.edited(NEW_INCIDENT, 'category: malware', 'category: malware # or ‸'));
      assert.deepEqual(comment.list, { isIncomplete: false, items: [] });
      assert.ok(editor.server.alive);
    });
  });
});
