// core/model/cursor.ts: from a cursor (marked ‸ in the text) to its place in the YAML, on
// complete documents and on text being typed.
import assert from 'node:assert/strict';
import { cursorAt, type CursorPlace } from '../../server/src/core/model/cursor';
import { parseCc7 } from '../../server/src/core/model/parse';
import { enumOf, propertiesOf } from '../../server/src/core/model/schema-nodes';
import type { Kind } from '../../server/src/core/model/types';
import { markedCursor } from '../support/cursor';

const INCIDENT_HEAD = 'apiVersion: cc7/v1\nkind: Incident\nid: INC-2026-001\n';

function placeIn(marked: string, kind: Kind | null = 'Incident'): CursorPlace | undefined {
  const { text, offset } = markedCursor(marked);
  const file = parseCc7(text);
  assert.ok(file, 'a CC7 document');
  return cursorAt(file, kind ?? undefined, offset);
}

/** The place without its schema nodes, for exact comparison. */
/** The column of the cursor in a marked text. */
const cursorColumn = (marked: string) => markedCursor(marked).position.character;

function plain(place: CursorPlace | undefined) {
  if (!place) return undefined;
  const { schema: _schema, mapping: _mapping, ...rest } = place;
  return { ...rest, word: place.word.text };
}

describe('cursor: position → place in the YAML', () => {
  it('on a key: its path, the word, the other keys, the colon', () => {
    assert.deepEqual(plain(placeIn(`${INCIDENT_HEAD}sev‸erity: SEV2\n`)), {
      on: 'key', path: ['severity'], word: 'severity', presentKeys: ['apiVersion', 'kind', 'id'], presentItems: [], colon: true, flow: false, indent: 0,
    });
  });

  it('on a value, with the word to replace', () => {
    const place = placeIn(`${INCIDENT_HEAD}severity: SE‸V2\nstatus: containment\n`);
    assert.deepEqual(plain(place), {
      on: 'value', path: ['severity'], word: 'SEV2', presentKeys: ['apiVersion', 'kind', 'id', 'status'], presentItems: [], colon: false, flow: false, indent: 'severity: '.length,
    });
    assert.equal(place?.schema?.definition, 'severity_id');
  });

  it('a half-written key on its own line, with no colon yet', () => {
    const place = placeIn(`${INCIDENT_HEAD}status: containment\ntri‸\n`);
    assert.deepEqual(plain(place), {
      on: 'key', path: ['tri'], word: 'tri', presentKeys: ['apiVersion', 'kind', 'id', 'status'], presentItems: [], colon: false, flow: false, indent: 0,
    });
    assert.ok(propertiesOf(place!.mapping!).some((property) => property.key === 'triage'));
    assert.equal(place!.schema, undefined);
  });

  it('a word typed on the line above a key (the parser reads both lines as one key): that line\'s word', () => {
    const place = placeIn(`${INCIDENT_HEAD}tri‸\ncategory: other\n`);
    assert.deepEqual(plain(place), {
      on: 'key', path: ['tri'], word: 'tri', presentKeys: ['apiVersion', 'kind', 'id', 'category'], presentItems: [], colon: false, flow: false, indent: 0,
    });
    const below = placeIn(`${INCIDENT_HEAD}tri\ncate‸gory: other\n`);
    assert.deepEqual([below?.path, below?.word.text, below?.colon, below?.presentKeys], [['category'], 'category', true, ['apiVersion', 'kind', 'id']]);
  });

  for (const [name, marked] of [
    ['after "key: "', `${INCIDENT_HEAD}status: ‸\ncategory: other\n`],
    ['right after the colon', `${INCIDENT_HEAD}status:‸\ncategory: other\n`],
    ['at the end of the file', `${INCIDENT_HEAD}status: ‸`],
  ] as const) {
    it(`an empty value slot ${name}: the key's path, its enum`, () => {
      const place = placeIn(marked);
      assert.equal(place?.on, 'value');
      assert.deepEqual(place.path, ['status']);
      assert.equal(place.word.text, '');
      assert.deepEqual(enumOf(place.schema!).slice(0, 2), ['identification', 'containment']);
    });
  }

  it('a gap in a flow mapping: a new key there, the keys present', () => {
    const marked = `${INCIDENT_HEAD}triage: { assessed_at: 2026-03-02T09:40:00Z, ‸ }\n`;
    assert.deepEqual(plain(placeIn(marked)), {
      on: 'key', path: ['triage', ''], word: '', presentKeys: ['assessed_at'], presentItems: [], colon: false, flow: true, indent: cursorColumn(marked),
    });
  });

  it('an empty value in a flow mapping: its slot ends where the next key starts', () => {
    const empty = placeIn(`${INCIDENT_HEAD}triage: { assessed_by: ‸, rationale: Key valid }\n`);
    assert.deepEqual([empty?.on, empty?.path, empty?.word.text], ['value', ['triage', 'assessed_by'], '']);
    const next = placeIn(`${INCIDENT_HEAD}triage: { assessed_by: , ration‸ale: Key valid }\n`);
    assert.deepEqual([next?.on, next?.path, next?.word.text], ['key', ['triage', 'rationale'], 'rationale']);
  });

  it('a half-written key in a flow mapping', () => {
    const place = placeIn(`${INCIDENT_HEAD}triage: { assessed_at: 2026-03-02T09:40:00Z, ra‸ }\n`);
    assert.deepEqual([place?.on, place?.path, place?.word.text, place?.flow], ['key', ['triage', 'ra'], 'ra', true]);
  });

  it('a gap and a partial item in a flow sequence: the index, the other items', () => {
    const runbook = 'apiVersion: cc7/v1\nkind: Runbook\n';
    const gap = `${runbook}severities: [SEV1, ‸]\n`;
    assert.deepEqual(plain(placeIn(gap, 'Runbook')), {
      on: 'value', path: ['severities', 1], word: '', presentKeys: [], presentItems: ['SEV1'], colon: false, flow: true, indent: cursorColumn(gap),
    });
    const partial = placeIn(`${runbook}severities: [SEV1, SE‸]\n`, 'Runbook');
    assert.deepEqual([partial?.path, partial?.word.text, partial?.presentItems, partial?.schema?.definition], [['severities', 1], 'SE', ['SEV1'], 'severity_id']);
  });

  it('after "- " in a block sequence: the new item', () => {
    const place = placeIn(`${INCIDENT_HEAD}timeline:\n  - { at: 2026-03-02T09:14:00Z, event: Alert }\n  - ‸\n`);
    assert.deepEqual([place?.on, place?.path, place?.word.text, place?.indent], ['value', ['timeline', 1], '', 4]);
    assert.deepEqual(propertiesOf(place!.schema!).map((property) => property.key), ['at', 'event', 'by']);
  });

  it('a blank line at the top level: a new top-level key, every key present', () => {
    const place = placeIn(`${INCIDENT_HEAD}status: containment\n‸\ncategory: other\n`);
    assert.deepEqual(plain(place), {
      on: 'key', path: [''], word: '', presentKeys: ['apiVersion', 'kind', 'id', 'status', 'category'], presentItems: [], colon: false, flow: false, indent: 0,
    });
  });

  it('a blank line indented under a mapping: a sibling of its keys', () => {
    const place = placeIn(`${INCIDENT_HEAD}triage:\n  assessed_at: 2026-03-02T09:40:00Z\n\n  ‸\nroles: {}\n`);
    assert.deepEqual([place?.on, place?.path, place?.presentKeys, place?.indent], ['key', ['triage', ''], ['assessed_at'], 2]);
    assert.deepEqual(propertiesOf(place!.mapping!).map((property) => property.key), ['assessed_at', 'assessed_by', 'rationale']);
  });

  it('a blank line indented under "key:" with nothing after: the first key of its mapping', () => {
    const place = placeIn(`${INCIDENT_HEAD}triage:\n  ‸\nroles: {}\n`);
    assert.deepEqual([place?.on, place?.path, place?.presentKeys, place?.indent], ['key', ['triage', ''], [], 2]);
  });

  it('a blank line inside a sequence item\'s mapping', () => {
    const place = placeIn(`${INCIDENT_HEAD}containment:\n  - action: Revoked the key\n    at: 2026-03-02T09:52:00Z\n    ‸\n`);
    assert.deepEqual([place?.on, place?.path, place?.presentKeys], ['key', ['containment', 0, ''], ['action', 'at']]);
    assert.equal(place?.mapping && propertiesOf(place.mapping).find((property) => property.key === 'by')?.required, true);
  });

  it('a blank line between a sequence and its parent\'s indentation: nothing (a new item needs "- ")', () => {
    assert.equal(placeIn(`${INCIDENT_HEAD}timeline:\n  - { at: 2026-03-02T09:14:00Z, event: Alert }\n ‸\n`), undefined);
  });

  it('nothing in a comment or inside a block scalar', () => {
    assert.equal(placeIn(`${INCIDENT_HEAD}status: containment # the ph‸ase\n`), undefined);
    assert.equal(placeIn(`${INCIDENT_HEAD}investigation:\n  notes: |\n    Logs show\n    ‸\n  root_cause: x\n`), undefined);
  });

  it('a value in a mapping reached through a $ref, and free keys (roles)', () => {
    const status = placeIn(`${INCIDENT_HEAD}remediation:\n  - { id: REM-1, action: Rotate, status: ‸ }\n`);
    assert.deepEqual([status?.on, status?.path], ['value', ['remediation', 0, 'status']]);
    assert.ok(enumOf(status!.schema!).includes('risk-accepted'));
    const role = placeIn(`${INCIDENT_HEAD}roles:\n  incident_lead: alice@acme.io\n  ‸\n`);
    assert.deepEqual([role?.path, role?.presentKeys], [['roles', ''], ['incident_lead']]);
    assert.equal(role?.schema?.definition, 'person');
  });

  it('the plan\'s regimes: built-in ids by the `if`/`then` branch', () => {
    const place = placeIn('apiVersion: cc7/v1\nkind: ResponsePlan\nnotification:\n  regimes: [gdpr-art33, ‸]\n', 'ResponsePlan');
    assert.deepEqual([place?.path, place?.presentItems], [['notification', 'regimes', 1], ['gdpr-art33']]);
    assert.ok(enumOf(place!.schema!).includes('nydfs-500.17'));
  });

  it('without a known kind: the place, no schema', () => {
    const place = placeIn('apiVersion: cc7/v1\nkind: Incdent\nstatus: ‸\n', null);
    assert.deepEqual([place?.on, place?.path, place?.schema], ['value', ['status'], undefined]);
  });
});
