// Incremental re-parse of an edited CC7 document (issue 9): a keystroke in a 30 KB incident
// re-parses the one top-level entry it changed, not the whole file, and the result is exactly
// what parseCc7 makes of the new text: every node (type, value, range, comments), the
// documents' errors and warnings, `value` and the line counter.
//
// How: the changed span is the text between the longest common prefix and suffix of the old
// and new text. When it lies inside one top-level entry of a block-mapping root (from the
// column-0 key that starts it to the one that starts the next), that entry's new text is
// parsed alone, followed by a sentinel key at column 0 where the next key is: what comes
// between the entry and the next key (comments, blank lines) then ends exactly as it does in
// the whole file, attached to the entry's value or to the key after it. The entry's nodes are
// moved to the entry's place; the entries before it are shared with the previous parse (they
// did not change, nor did their offsets); those after it are copied with their offsets moved
// by the length change (copy-on-write: the previous ParsedFile is never changed, whoever holds
// it). The key after the entry takes the sentinel's comment and blank line before it; the last
// entry takes the document's end (its trailing comment, the mapping's and document's ends).
//
// The conditions, each checked, else parseCc7 parses the whole text (spliceCc7 says undefined):
// - the previous parse: exactly one YAML document, no `---` or `...` marker (so no directives),
//   no error and no warning, its value built (no valueError), a block mapping at the root;
// - nowhere in the document an anchor, an alias, an explicit tag or a merge key (`<<`): they
//   tie entries together (an alias reads another entry; a tag can change the schema);
// - the change starts after the first key's line start (a change in the comments or markers
//   before the first key is the document's start) and ends no later than the next entry's key,
//   which stays where a line starts: a change touching the line boundary of two entries, or
//   spanning entries, is parsed whole;
// - the entry's key and the next key are single-line implicit keys at column 0;
// - the entry's text parsed alone (with the sentinel) gives exactly one document, no error and
//   no warning, no marker, a block mapping of the entry and the sentinel alone (so the change
//   added or removed no top-level key, and content at column 0 inside the entry, such as an
//   indentless sequence, still belongs to it), the same key at the same place, and again no
//   anchor, alias, tag or merge key;
// - the new first document is still a CC7 root (apiVersion: cc7/v1).
// CRLF line ends need no special case: the line counter and the entry boundaries count '\n'.
import { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isPair, isScalar, isSeq, type ParsedNode, type Range, type Schema } from 'yaml';
import { isCc7Root, MAX_ALIAS_COUNT, mayBeCc7, parseCc7, parseYaml, type ParsedFile } from './parse';

const SENTINEL_KEY = 'cc7-reparse-sentinel';
/** Put where the next top-level key starts, so the entry's text ends as it does in the whole file. */
const SENTINEL = `${SENTINEL_KEY}: 0\n`;

/** How many texts were parsed whole and how many spliced (for a host's debug statistics). */
export interface ParseCounts {
  whole: number;
  spliced: number;
}

/**
 * parseCc7(text), from the parse of the text before an edit: re-parses only the edited
 * top-level entry when spliceCc7 can, else the whole text. Never changes `previous`.
 */
export function reparseCc7(previous: ParsedFile, text: string, counts?: ParseCounts): ParsedFile | undefined {
  if (text === previous.text) return previous;
  if (!mayBeCc7(text)) return undefined;
  const spliced = spliceCc7(previous, text);
  if (counts) counts[spliced ? 'spliced' : 'whole']++;
  return spliced ?? parseCc7(text);
}

/** Thrown while walking a tree that holds what the splice does not handle (an anchor, an alias, a tag, a merge key). */
class NotPlain extends Error {}

/**
 * The parse of `text` made by re-parsing the one top-level entry the edit from
 * `previous.text` changed (see the conditions above); undefined when that is not possible
 * and the whole text must be parsed.
 */
export function spliceCc7(previous: ParsedFile, text: string): ParsedFile | undefined {
  const old = previous.text;
  const doc = previous.documents[0];
  if (!doc || previous.documents.length !== 1 || previous.valueError !== undefined || !isPlainDocument(doc)) return undefined;
  const root = doc.contents;
  if (!isPlainBlockMap(root) || root.items.length === 0) return undefined;
  const items = root.items as Pair<unknown, unknown>[];

  // The changed span: old[prefix, oldEnd) became text[prefix, oldEnd + delta).
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;

  // The entry whose text holds the change: the last one starting before it.
  let index = -1;
  while (index + 1 < items.length && keyStart(items[index + 1]!) < prefix) index++;
  if (index < 0) return undefined;
  const pair = items[index]!;
  const oldKey = pair.key;
  if (!isScalar(oldKey) || !isKeyLine(old, oldKey)) return undefined;
  const start = oldKey.range![0];
  const last = index === items.length - 1;
  const next = last ? old.length : keyStart(items[index + 1]!);
  if (oldEnd > next) return undefined;
  if (!last && !isKeyLine(old, items[index + 1]!.key)) return undefined;
  const body = text.slice(start, next + delta);
  if (!last && !body.endsWith('\n')) return undefined;

  const counter = new LineCounter();
  let parts: Document.Parsed[];
  try {
    parts = parseYaml(last ? body : body + SENTINEL, counter);
  } catch {
    return undefined;
  }
  const part = parts[0];
  if (!part || parts.length !== 1 || !isPlainDocument(part) || part.commentBefore != null) return undefined;
  const map = part.contents;
  if (!isPlainBlockMap(map) || map.commentBefore != null || map.spaceBefore) return undefined;
  if (map.items.length !== (last ? 1 : 2) || (!last && (part.comment != null || map.comment != null))) return undefined;
  const [entry, sentinel] = map.items as Pair<unknown, unknown>[];
  if (!isSameKey(entry!.key, oldKey, start)) return undefined;
  if (!last && !(isScalar(sentinel!.key) && sentinel!.key.value === SENTINEL_KEY && sentinel!.key.range?.[0] === body.length)) return undefined;

  // Offsets at or after the next entry's key move by the change in length.
  const at = (offset: number) => (offset >= next ? offset + delta : offset);
  let contents: YAMLMap<unknown, unknown>;
  try {
    for (let k = 0; k < index; k++) checkPlain(items[k]);
    checkPlain(oldKey);
    // The entry's nodes are this call's own: moved in place. Its key is the previous one (the
    // same text at the same place, with the comments before it, which lie before the change).
    const value = moved(entry!.value, start, false, false, root.schema);
    const later = items.slice(index + 1).map((item) => moved(item, delta, true) as Pair<unknown, unknown>);
    if (!last) {
      // The comment and blank line before the next key are what came before the sentinel.
      const nextKey = later[0]!.key as Scalar;
      const before = sentinel!.key as Scalar;
      setOrDelete(nextKey, 'commentBefore', before.commentBefore);
      setOrDelete(nextKey, 'spaceBefore', before.spaceBefore);
    }
    contents = Object.assign(new YAMLMap<unknown, unknown>(root.schema), root);
    contents.items = [...items.slice(0, index), new Pair(oldKey, value), ...later];
    contents.range = last
      ? [root.range![0], map.range![1] + start, map.range![2] + start]
      : [root.range![0], at(root.range![1]), at(root.range![2])];
    if (last) setOrDelete(contents, 'comment', map.comment);
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }

  const lineCounter = new LineCounter();
  const starts = previous.lineCounter.lineStarts;
  let line = 0;
  for (; line < starts.length && starts[line]! < start; line++) lineCounter.addNewLine(starts[line]!);
  for (const offset of counter.lineStarts) if (last || offset <= body.length) lineCounter.addNewLine(offset + start);
  if (!last) {
    for (; line < starts.length && starts[line]! <= next; line++);
    for (; line < starts.length; line++) lineCounter.addNewLine(starts[line]! + delta);
  }

  const document = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as Document.Parsed;
  // The options name the parse's line counter, as parseAllDocuments leaves them.
  document.options = { ...part.options, lineCounter } as Document.Parsed['options'];
  document.contents = contents as unknown as ParsedNode;
  document.directives = doc.directives.clone();
  document.errors = [];
  document.warnings = [];
  document.range = last
    ? [doc.range[0], part.range[1] + start, part.range[2] + start]
    : [doc.range[0], at(doc.range[1]), at(doc.range[2])];
  if (last) document.comment = part.comment;
  if (!isCc7Root(document)) return undefined;

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
  return { text, lineCounter, documents: [document], value };
}

/** Compared a block at a time first: a keystroke in 30 KB leaves long equal runs. */
const BLOCK = 256;

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= limit && a.startsWith(b.slice(n, n + BLOCK), n)) n += BLOCK;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the common suffix of a and b, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.endsWith(b.slice(b.length - n - BLOCK, b.length - n), a.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** One document without error, warning, `---` or `...` (hence without directives). */
function isPlainDocument(doc: Document.Parsed): boolean {
  return doc.errors.length === 0 && doc.warnings.length === 0 && !doc.directives.docStart && !doc.directives.docEnd;
}

function isPlainBlockMap(node: unknown): node is YAMLMap<unknown, unknown> {
  return isMap(node) && node.constructor === YAMLMap && !node.flow && node.anchor === undefined && node.tag === undefined && node.range !== undefined;
}

function keyStart(pair: Pair<unknown, unknown>): number {
  const key = pair.key;
  return isScalar(key) && key.range ? key.range[0] : -1;
}

/** A key at column 0 followed on its line by its `:` (an implicit key, not `? key`). */
function isKeyLine(text: string, key: unknown): boolean {
  if (!isScalar(key) || !key.range) return false;
  const [start, end] = key.range;
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':' && !text.slice(start, end).includes('\n');
}

/** The entry's key parsed alone is the previous key: same text, style and place (offsets from `start`). */
function isSameKey(key: unknown, old: Scalar, start: number): boolean {
  if (!isScalar(key) || !key.range || key.anchor !== undefined || key.tag !== undefined) return false;
  if (key.commentBefore != null || key.spaceBefore || key.comment != null || old.comment != null) return false;
  const [a, b, c] = key.range;
  const [x, y, z] = old.range!;
  return a + start === x && b + start === y && c + start === z && key.value === old.value && key.source === old.source && key.type === old.type;
}

function checkPlain(node: unknown): void {
  moved(node, 0, false, true);
}

/**
 * The node with every offset moved by `delta`: a copy when `copy` (the nodes of the previous
 * parse), else moved in place (`check`: only checked); its collections given `schema` when set. Throws NotPlain on what the splice does
 * not handle: aliases, anchors, explicit tags, merge keys, node classes of custom tags.
 */
function moved(node: unknown, delta: number, copy: boolean, check = false, schema?: Schema): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) {
    const key = node.key;
    if (isScalar(key) && (key.source === '<<' || key.value === '<<' || typeof key.value === 'symbol')) throw new NotPlain();
    if (check) {
      moved(key, delta, copy, check);
      moved(node.value, delta, copy, check);
      return node;
    }
    const pair = copy ? Object.assign(new Pair(null), node) : node;
    pair.key = moved(key, delta, copy, false, schema);
    pair.value = moved(node.value, delta, copy, false, schema);
    return pair;
  }
  if (isAlias(node) || !(isScalar(node) || isMap(node) || isSeq(node))) throw new NotPlain();
  if (node.anchor !== undefined || node.tag !== undefined || !node.range) throw new NotPlain();
  if (isScalar(node)) {
    if (node.constructor !== Scalar || typeof node.value === 'symbol') throw new NotPlain();
    if (check) return node;
    const scalar = copy ? Object.assign(new Scalar(node.value), node) : node;
    scalar.range = movedRange(node.range, delta);
    return scalar;
  }
  if (node.constructor !== YAMLMap && node.constructor !== YAMLSeq) throw new NotPlain();
  const items = node.items as unknown[];
  if (check) {
    for (const item of items) moved(item, delta, copy, check);
    return node;
  }
  const collection = copy ? Object.assign(isMap(node) ? new YAMLMap(node.schema) : new YAMLSeq(node.schema), node) : node;
  collection.items = items.map((item) => moved(item, delta, copy, false, schema)) as typeof collection.items;
  collection.range = movedRange(node.range, delta);
  // Every collection of a parse holds its document's schema.
  if (schema) collection.schema = schema;
  return collection;
}

function movedRange([start, valueEnd, nodeEnd]: Range, delta: number): Range {
  return [start + delta, valueEnd + delta, nodeEnd + delta];
}

/** Sets an optional property as the parser would: present with the value, or absent. */
function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null | undefined): void {
  if (value === undefined || value === null || value === false) delete target[key];
  else target[key] = value;
}
