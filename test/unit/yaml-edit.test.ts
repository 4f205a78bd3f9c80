// The YAML edit toolkit (core/model/yaml-edit.ts): each operation on small documents, with the
// whole resulting text compared exactly, so that indentation, comments and styles are checked
// byte for byte.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCc7 } from '../../server/src/core/model/parse';
import { Commented, YamlEditor, type TextEdit } from '../../server/src/core/model/yaml-edit';

const HEAD = 'apiVersion: cc7/v1\nkind: Incident\n';

function editorOf(text: string): YamlEditor {
  const editor = YamlEditor.of(parseCc7(text));
  assert.ok(editor, 'the text should be editable');
  return editor;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), edits);
}

/** Runs `change` on an editor of `text` and returns the edited text. */
function edited(text: string, change: (editor: YamlEditor) => void): string {
  const editor = editorOf(text);
  change(editor);
  return apply(text, editor.edits());
}

describe('yaml edit toolkit', () => {
  it('inserts a key into a block mapping after its last key, at its indentation, before the comments that follow', () => {
    const text = `${HEAD}triage:             # the assessment
  assessed_at: 2026-03-02T09:40:00Z   # when
  # more to come
status: containment
`;
    assert.equal(edited(text, (editor) => assert.ok(editor.ensure(['triage', 'rationale'], 'TODO: why'))), `${HEAD}triage:             # the assessment
  assessed_at: 2026-03-02T09:40:00Z   # when
  rationale: "TODO: why"
  # more to come
status: containment
`);
  });

  it('inserts into a flow mapping before its closing brace, and into an empty one', () => {
    const text = `${HEAD}roles: { incident_lead: alice@acme.io }   # who\nrecovery: {}\n`;
    const result = edited(text, (editor) => {
      assert.ok(editor.ensure(['roles', 'legal'], 'erin@acme.io'));
      assert.ok(editor.ensure(['recovery', 'verified_by'], 'TODO: person, or a team'));
    });
    assert.equal(result, `${HEAD}roles: { incident_lead: alice@acme.io, legal: erin@acme.io }   # who\nrecovery: { verified_by: "TODO: person, or a team" }\n`);
  });

  it('creates missing parents once, merging every key written below them, with comments after scalars', () => {
    const text = `${HEAD}status: remediation\n`;
    const result = edited(text, (editor) => {
      assert.ok(editor.ensure(['investigation', 'root_cause'], 'TODO: root cause'));
      assert.ok(editor.ensure(['investigation', 'personal_data', 'involved'], new Commented(false, 'TODO: confirm')));
      assert.ok(editor.ensure(['investigation', 'customer_data', 'involved'], new Commented(false, 'TODO: confirm')));
      assert.equal(editor.ensure(['investigation', 'root_cause'], 'again'), false, 'a key already written is not written twice');
    });
    assert.equal(result, `${HEAD}status: remediation
investigation:
  root_cause: "TODO: root cause"
  personal_data:
    involved: false  # TODO: confirm
  customer_data:
    involved: false  # TODO: confirm
`);
  });

  it('writes keys of a nested mapping and of its parent at the same place in that order', () => {
    const text = `${HEAD}triage:\n  assessed_at: 2026-03-02T09:40:00Z\n`;
    const result = edited(text, (editor) => {
      assert.ok(editor.ensure(['resolved_at'], '2026-03-03T12:00:00Z'));
      assert.ok(editor.ensure(['triage', 'rationale'], 'Key valid'));
    });
    assert.equal(result, `${HEAD}triage:\n  assessed_at: 2026-03-02T09:40:00Z\n  rationale: Key valid\nresolved_at: 2026-03-03T12:00:00Z\n`);
  });

  it('fills empty values: nothing after the colon, a blank string, null, [] and {}', () => {
    const text = `${HEAD}triage:
  assessed_at:
  assessed_by:   # who
  rationale: ""
closed_at: ~
containment:
affected: []
recovery: {}
`;
    const result = edited(text, (editor) => {
      assert.ok(editor.ensure(['triage', 'assessed_at'], new Commented('2026-03-02T09:40:00Z', 'TODO: the real time')));
      assert.ok(editor.ensure(['triage', 'assessed_by'], new Commented('carol', 'TODO: who')));
      assert.ok(editor.ensure(['triage', 'rationale'], 'TODO: why'));
      assert.ok(editor.ensure(['closed_at'], '2026-03-31T10:00:00Z'));
      assert.ok(editor.ensure(['containment'], [{ action: 'Revoked', at: new Commented('2026-03-02T09:52:00Z', 'TODO: the real time') }]));
      assert.ok(editor.append(['affected'], 'billing-api'));
      assert.ok(editor.ensure(['recovery', 'restored_at'], '2026-03-03T12:00:00Z'));
    });
    assert.equal(result, `${HEAD}triage:
  assessed_at: 2026-03-02T09:40:00Z  # TODO: the real time
  assessed_by: carol   # who
  rationale: "TODO: why"
closed_at: 2026-03-31T10:00:00Z
containment:
  - action: Revoked
    at: 2026-03-02T09:52:00Z  # TODO: the real time
affected: [billing-api]
recovery: { restored_at: 2026-03-03T12:00:00Z }
`);
  });

  it('does not write where a value is present, or through an alias or a scalar', () => {
    const text = `${HEAD}title: Leak\nbase: &base { a: 1 }\nother: *base\n`;
    const editor = editorOf(text);
    assert.equal(editor.ensure(['title'], 'x'), false);
    assert.equal(editor.ensure(['title', 'sub'], 'x'), false);
    assert.equal(editor.ensure(['other', 'b'], 'x'), false);
    assert.equal(editor.append(['title'], 'x'), false);
    assert.deepEqual(editor.edits(), []);
  });

  it('leaves nothing behind when a write fails part of the way', () => {
    const text = `${HEAD}containment: []\nrecovery: {}\n`;
    const editor = editorOf(text);
    assert.equal(editor.ensure(['containment', 0, 'by'], 'x'), false, 'no item to write into');
    assert.equal(editor.ensure(['notifications', 'notices', 0, 'regime'], 'x'), false, 'items are appended, not made by index');
    assert.equal(editor.append(['recovery'], 'x'), false, 'a mapping is no list');
    assert.equal(editor.ensure(['containment', 'by'], 'x'), false, 'a list is no mapping');
    assert.deepEqual(editor.edits(), []);
  });

  it('appends to a block sequence in the style of its first item', () => {
    const text = `${HEAD}timeline:
  - { at: 2026-03-02T09:14:00Z, event: Alert }   # first
remediation:
  - id: REM-1
    action: Rotate keys
waivers: [ { rule: schema } ]
`;
    const result = edited(text, (editor) => {
      assert.ok(editor.append(['timeline'], { at: '2026-03-02T10:00:00Z', event: 'TODO: what, and who' }));
      assert.ok(editor.append(['remediation'], { id: 'REM-2', action: 'TODO: action', due: new Commented('2026-04-01', 'TODO: confirm') }));
      assert.ok(editor.append(['waivers'], { rule: 'timeline-order' }));
    });
    assert.equal(result, `${HEAD}timeline:
  - { at: 2026-03-02T09:14:00Z, event: Alert }   # first
  - { at: 2026-03-02T10:00:00Z, event: "TODO: what, and who" }
remediation:
  - id: REM-1
    action: Rotate keys
  - id: REM-2
    action: "TODO: action"
    due: 2026-04-01  # TODO: confirm
waivers: [ { rule: schema }, { rule: timeline-order } ]
`);
  });

  it('creates a missing sequence and its parents, merging the items appended to it', () => {
    const text = `${HEAD}notifications:\n  aware_at: 2026-03-02T10:05:00Z\nwaivers:\n`;
    const result = edited(text, (editor) => {
      assert.ok(editor.append(['notifications', 'not_required'], { regime: 'us-ca', rationale: 'TODO: why' }));
      assert.ok(editor.append(['notifications', 'not_required'], { regime: 'gdpr-art34', rationale: 'TODO: why' }));
      assert.ok(editor.append(['waivers'], { rule: 'schema', reason: 'TODO: why' }));
    });
    assert.equal(result, `${HEAD}notifications:
  aware_at: 2026-03-02T10:05:00Z
  not_required:
    - regime: us-ca
      rationale: "TODO: why"
    - regime: gdpr-art34
      rationale: "TODO: why"
waivers:
  - rule: schema
    reason: "TODO: why"
`);
  });

  it('replaces a scalar keeping its quotes, and renames a key unless the mapping has it', () => {
    const text = `${HEAD}detected_at: "2026-03-02T09:14:00"   # local\nresolved_at: 2026-03-03T12:00:00\ntitel: Leak\nseverty: SEV2\nseverity: SEV2\n`;
    const result = edited(text, (editor) => {
      assert.equal(editor.scalar(['detected_at']), '2026-03-02T09:14:00');
      assert.ok(editor.setScalar(['detected_at'], '2026-03-02T09:14:00+01:00'));
      assert.ok(editor.setScalar(['resolved_at'], '2026-03-03T12:00:00Z'));
      assert.ok(editor.renameKey(['titel'], 'title'));
      assert.equal(editor.renameKey(['severty'], 'severity'), false, 'severity is taken');
      assert.equal(editor.setScalar(['missing'], 'x'), false);
    });
    assert.equal(result, `${HEAD}detected_at: "2026-03-02T09:14:00+01:00"   # local\nresolved_at: 2026-03-03T12:00:00Z\ntitle: Leak\nseverty: SEV2\nseverity: SEV2\n`);
  });

  it("follows the document's indentation, its CRLF line ends and a missing final newline", () => {
    const text = `${HEAD}triage:\r\n    assessed_at: 2026-03-02T09:40:00Z\r\nstatus: containment`.replace(/(?<!\r)\n/g, '\r\n');
    const result = edited(text, (editor) => {
      assert.ok(editor.ensure(['triage', 'rationale'], 'Key valid'));
      assert.ok(editor.ensure(['investigation', 'root_cause'], 'Leak'));
    });
    assert.equal(result, `${HEAD}triage:\n    assessed_at: 2026-03-02T09:40:00Z\n    rationale: Key valid\nstatus: containment\ninvestigation:\n    root_cause: Leak`.replace(/\n/g, '\r\n'));
  });

  it('inserts after a block scalar, keeping its text', () => {
    const text = `${HEAD}investigation:\n  notes: |\n    Access logs show 14 calls.\n\n    More below.\n\nstatus: remediation\n`;
    const result = edited(text, (editor) => assert.ok(editor.ensure(['investigation', 'root_cause'], 'Leak')));
    assert.equal(result, `${HEAD}investigation:\n  notes: |\n    Access logs show 14 calls.\n\n    More below.\n  root_cause: Leak\n\nstatus: remediation\n`);
  });

  it('refuses documents it cannot edit safely: syntax errors, or no mapping at the top', () => {
    assert.equal(YamlEditor.of(parseCc7(`${HEAD}title: [unclosed\n`)), undefined);
    assert.equal(YamlEditor.of(undefined), undefined);
  });
});
