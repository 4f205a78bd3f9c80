// The incremental re-parse (core/model/reparse.ts), case by case: the splice of an edit inside
// one top-level entry (the entries after it moved, those before it shared, the previous parse
// untouched), and each condition under which it parses the whole text instead. In every case
// reparseCc7 gives exactly what parseCc7 gives. reparse-property.test.ts tries random edits.
import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseCc7, type ParsedFile } from '../../server/src/core/model/parse';
import { reparseCc7, spliceCc7 } from '../../server/src/core/model/reparse';
import { dumpParsedFile } from '../support/parse-dump';

const HEAD = 'apiVersion: cc7/v1\nkind: Incident\n';

const INCIDENT = `${HEAD}id: INC-2026-014
title: Leaked API key
# who
roles: { incident_lead: alice@acme.io }

timeline:
  - { at: 2026-03-02T09:14:00Z, event: GuardDuty alert }
  - at: 2026-03-02T09:40:00Z
    event: Key revoked
  # more to come
investigation:
  notes: |
    First line.

# the end of the investigation
status: containment
`;

function parsed(text: string): ParsedFile {
  const file = parseCc7(text);
  assert.ok(file, 'the text should be a CC7 document');
  return file;
}

/** The text with the first `find` replaced; fails when it does not occur. */
function replaced(text: string, find: string, replacement: string): string {
  assert.ok(text.includes(find), `"${find}" should occur in the text`);
  return text.replace(find, replacement);
}

/** Asserts the splice applies to this edit and gives what the whole parse gives; returns it. */
function assertSpliced(previous: ParsedFile, text: string): ParsedFile {
  const before = dumpParsedFile(previous);
  const spliced = spliceCc7(previous, text);
  assert.ok(spliced, 'the splice should apply');
  assert.deepStrictEqual(dumpParsedFile(spliced), dumpParsedFile(parseCc7(text)));
  assert.deepStrictEqual(dumpParsedFile(previous), before, 'the previous parse should be unchanged');
  return spliced;
}

/** Asserts the splice declines this edit, and reparseCc7 still gives what the whole parse gives. */
function assertWhole(previous: ParsedFile, text: string): void {
  assert.equal(spliceCc7(previous, text), undefined, 'the splice should decline');
  assert.deepStrictEqual(dumpParsedFile(reparseCc7(previous, text)), dumpParsedFile(parseCc7(text)));
}

function pairs(file: ParsedFile): Pair<Scalar, unknown>[] {
  return (file.documents[0]!.contents as YAMLMap<Scalar, unknown>).items;
}

function pair(file: ParsedFile, key: string): Pair<Scalar, unknown> {
  const found = pairs(file).find((item) => item.key.value === key);
  assert.ok(found, `no key ${key}`);
  return found;
}

describe('incremental re-parse', () => {
  describe('splices an edit inside one top-level entry', () => {
    it('re-parses the entry, moves the entries after it by the change in length, shares those before it', () => {
      const previous = parsed(INCIDENT);
      const text = replaced(INCIDENT, 'title: Leaked API key', 'title: Leaked API keys, twice');
      const spliced = assertSpliced(previous, text);
      const delta = text.length - INCIDENT.length;
      // Before the edit: the same objects.
      assert.equal(pair(spliced, 'id'), pair(previous, 'id'));
      assert.equal(pair(spliced, 'title').key, pair(previous, 'title').key);
      // After it: copies, moved.
      const [oldStatus, newStatus] = [pair(previous, 'status'), pair(spliced, 'status')];
      assert.notEqual(newStatus, oldStatus);
      assert.deepEqual(newStatus.key.range, oldStatus.key.range!.map((offset) => offset + delta));
      assert.deepEqual((newStatus.value as Scalar).range, (oldStatus.value as Scalar).range!.map((offset) => offset + delta));
      const oldItem = (pair(previous, 'timeline').value as YAMLSeq<YAMLMap>).items[1]!;
      const newItem = (pair(spliced, 'timeline').value as YAMLSeq<YAMLMap>).items[1]!;
      assert.deepEqual(newItem.range, oldItem.range!.map((offset) => offset + delta));
      assert.equal(spliced.text.slice(newItem.range![0], newItem.range![1]), INCIDENT.slice(oldItem.range![0], oldItem.range![1]));
      assert.equal(spliced.lineCounter.linePos(newStatus.key.range![0]).line, previous.lineCounter.linePos(oldStatus.key.range![0]).line);
      assert.equal((spliced.value as { title: string }).title, 'Leaked API keys, twice');
    });

    it('an edit that adds lines: the line counter and every later position follow', () => {
      const previous = parsed(INCIDENT);
      const text = replaced(INCIDENT, '    event: Key revoked\n', '    event: Key revoked\n  - { at: 2026-03-02T10:00:00Z, event: Logs pulled }\n');
      const spliced = assertSpliced(previous, text);
      assert.equal(spliced.lineCounter.lineStarts.length, previous.lineCounter.lineStarts.length + 1);
      assert.equal(spliced.lineCounter.linePos(pair(spliced, 'status').key.range![0]).line, previous.lineCounter.linePos(pair(previous, 'status').key.range![0]).line + 1);
    });

    it('the comments and blank lines before the next key, after a scalar, a flow and a block collection', () => {
      let previous = parsed(INCIDENT);
      // The comment before `roles` belongs to its key; the one before `status` ends the investigation mapping.
      for (const [find, replacement] of [
        ['Leaked API key\n# who', 'Leaked API key\n\n# who, and why'],
        ['incident_lead: alice@acme.io }\n\n', 'incident_lead: alice@acme.io }\n'],
        ['  # more to come\n', ''],
        ['    First line.\n\n# the end', '    First line.\n# the end'],
        ['notes: |\n    First line.\n', 'notes: plain\n'],
      ] as const) {
        previous = assertSpliced(previous, replaced(previous.text, find, replacement));
      }
    });

    it('the last entry, with the document\'s end (its trailing comment, a missing final newline)', () => {
      const previous = parsed(`${INCIDENT}# trailing\n`);
      const edited = assertSpliced(previous, replaced(previous.text, 'status: containment', 'status: investigation'));
      assertSpliced(edited, edited.text.slice(0, -1));
      assertSpliced(edited, `${edited.text}  # more\n\n`);
    });

    it('an indentless sequence at column 0 inside an entry', () => {
      const text = `${HEAD}tags:\n- one\n- two\nstatus: open\n`;
      const spliced = assertSpliced(parsed(text), replaced(text, '- two', '- two\n- three'));
      assert.deepEqual((spliced.value as { tags: string[] }).tags, ['one', 'two', 'three']);
    });

    it('CRLF line ends', () => {
      const text = INCIDENT.replace(/\n/g, '\r\n');
      assertSpliced(parsed(text), replaced(text, 'Key revoked', 'Key revoked and rotated'));
    });

    it('an edit of the apiVersion value that keeps it cc7/v1', () => {
      const text = `apiVersion: cc7/v1\n${INCIDENT.slice(HEAD.length - 'kind: Incident\n'.length)}`;
      assertSpliced(parsed(text), replaced(text, 'apiVersion: cc7/v1', 'apiVersion: "cc7/v1"'));
    });

    it('reparseCc7 of the same text is the previous parse itself', () => {
      const previous = parsed(INCIDENT);
      assert.equal(reparseCc7(previous, INCIDENT), previous);
    });
  });

  describe('parses the whole text instead', () => {
    it('more than one YAML document, or a --- marker', () => {
      assertWhole(parsed(`${INCIDENT}---\nother: 1\n`), replaced(`${INCIDENT}---\nother: 1\n`, 'Leaked', 'Leaking'));
      assertWhole(parsed(`---\n${INCIDENT}`), replaced(`---\n${INCIDENT}`, 'Leaked', 'Leaking'));
      // An edit that makes a second document.
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'investigation:', '---\ninvestigation:'));
    });

    it('a previous parse with an error or a warning, or an edit that makes one', () => {
      const broken = replaced(INCIDENT, 'id: INC-2026-014', 'id: [INC-2026-014');
      assert.ok(parseCc7(broken)!.documents[0]!.errors.length > 0);
      assertWhole(parsed(broken), replaced(broken, 'Leaked', 'Leaking'));
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'title: Leaked API key', 'title: Leaked: API: key: ['));
      const warned = replaced(INCIDENT, 'title: Leaked API key', 'title: !custom Leaked API key');
      assert.ok(parseCc7(warned)!.documents[0]!.warnings.length > 0);
      assertWhole(parsed(warned), replaced(warned, 'Key revoked', 'Key rotated'));
    });

    it('an anchor, an alias, a tag or a merge key anywhere in the document', () => {
      const anchored = replaced(INCIDENT, 'roles: {', 'roles: &roles {');
      assertWhole(parsed(anchored), replaced(anchored, 'Key revoked', 'Key rotated'));
      const aliased = `${INCIDENT}other: *x\n`.replace('id: INC', 'id: &x INC');
      assertWhole(parsed(aliased), replaced(aliased, 'Key revoked', 'Key rotated'));
      const tagged = replaced(INCIDENT, 'status: containment', 'status: !!str containment');
      assertWhole(parsed(tagged), replaced(tagged, 'Key revoked', 'Key rotated'));
      const merged = replaced(INCIDENT, 'investigation:\n', 'investigation:\n  <<: { extra: 1 }\n');
      assertWhole(parsed(merged), replaced(merged, 'First line.', 'First line, edited.'));
      // The edit itself brings one.
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'event: Key revoked', 'event: &k Key revoked'));
    });

    it('a changed key, a key added or removed at the top level', () => {
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'title:', 'titles:'));
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'title: Leaked API key\n', 'title: Leaked API key\nseverity: SEV2\n'));
      // A duplicate key: an error the entry alone cannot see.
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'title: Leaked API key\n', 'title: Leaked API key\nid: INC-2026-015\n'));
    });

    it('a change touching the line boundary between two entries, or spanning entries', () => {
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'INC-2026-014\ntitle', 'INC-2026-014 title'));
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'INC-2026-014\ntitle: Leaked', 'INC-2026-015\ntitle: Leaking'));
    });

    it('a change before the first key', () => {
      const text = `# An incident\n${INCIDENT}`;
      assertWhole(parsed(text), replaced(text, '# An incident', '# The incident'));
    });

    it('a flow mapping at the root, or keys not at column 0', () => {
      const flow = '{ apiVersion: cc7/v1, kind: Incident, title: Leaked }\n';
      assertWhole(parsed(flow), replaced(flow, 'Leaked', 'Leaking'));
      const indented = INCIDENT.replace(/^/gm, '  ').trimEnd() + '\n';
      assertWhole(parsed(indented), replaced(indented, 'Key revoked', 'Key rotated'));
    });

    it('an explicit key (? key)', () => {
      const text = `${HEAD}? title\n: Leaked API key\nstatus: open\n`;
      assertWhole(parsed(text), replaced(text, 'Leaked', 'Leaking'));
    });

    it('an edit that makes it no CC7 document (apiVersion changed): undefined, as the whole parse says', () => {
      const previous = parsed(INCIDENT);
      const text = replaced(INCIDENT, 'apiVersion: cc7/v1', 'apiVersion: cc7/v2');
      assertWhole(previous, text);
      assert.equal(reparseCc7(previous, text), undefined);
    });

    it('an edit inside the first key\'s value still splices; one on the text of a key does not', () => {
      assertSpliced(parsed(INCIDENT), replaced(INCIDENT, 'id: INC-2026-014', 'id: INC-2026-0140'));
      assertWhole(parsed(INCIDENT), replaced(INCIDENT, 'kind:', 'kinds:'));
    });
  });

  it('the document the cases edit has the shapes they name: a flow mapping, a block sequence, a comment before a key', () => {
    const file = parsed(INCIDENT);
    assert.ok(isMap(pair(file, 'roles').value) && (pair(file, 'roles').value as YAMLMap).flow);
    assert.ok(isSeq(pair(file, 'timeline').value));
    assert.ok(isScalar(pair(file, 'status').value));
    assert.equal(pair(file, 'roles').key.commentBefore, ' who');
  });
});
