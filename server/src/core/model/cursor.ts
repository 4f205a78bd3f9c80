/**
 * The other direction of locate.ts: from a position in the text to the place in the YAML it
 * is at (path, key or value, the neighbours, the schema node), for completion and hover.
 * It works on text being typed: a key without its `:`, `key:` with nothing after, a gap in a
 * flow collection `{ a: 1, | }`, and a blank line, whose indentation says which mapping it
 * continues.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedFile } from './parse';
import { childOf, schemaAt, type SchemaNode } from './schema-nodes';
import type { Kind, YamlPath } from './types';

/** A stretch of the source text by offsets (UTF-16 code units; end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Where the cursor is. */
export interface CursorPlace {
  /** `key`: on a mapping key or where one may be typed; `value`: on a scalar value or where one may be typed. */
  on: 'key' | 'value';
  /** On a key: the mapping's path and the key as typed so far (`''` where none is); on a value: its path. */
  path: YamlPath;
  /** The key or scalar under the cursor, as written, and its span; empty at the cursor where nothing is typed yet. */
  word: Span & { text: string };
  /** The other keys of the mapping holding the key, or holding the value's key. */
  presentKeys: string[];
  /** The other scalar items of the sequence holding the value. */
  presentItems: string[];
  /** On a key: a `:` already follows it. */
  colon: boolean;
  /** Inside `{ }` or `[ ]`, where an insertion must stay on one line. */
  flow: boolean;
  /** The column (0-based) where the key or the value starts (the cursor's on an empty slot): where new lines of an insertion align. */
  indent: number;
  /** The schema node of `path` (for a key: the key's own node); undefined where the schema knows nothing. */
  schema?: SchemaNode;
  /** On a key: the schema node of the mapping holding it (the keys that may go there). */
  mapping?: SchemaNode;
}

type Place = Omit<CursorPlace, 'schema' | 'mapping'>;

/** The place of an offset in a CC7 document of `kind` (undefined kind: no schema nodes); undefined in a comment or outside the YAML. */
export function cursorAt(file: ParsedFile, kind: Kind | undefined, offset: number): CursorPlace | undefined {
  const doc = file.documents[0];
  if (!doc?.contents || offset < 0 || offset > file.text.length) return undefined;
  const end = doc.range[2];
  if (offset > end && file.documents.length > 1) return undefined;
  const finder = new PlaceFinder(file, doc);
  const place = finder.find(offset);
  if (!place || !kind) return place;
  if (place.on === 'value') return { ...place, schema: schemaAt(kind, place.path) };
  const mapping = schemaAt(kind, place.path.slice(0, -1));
  const key = place.path[place.path.length - 1]!;
  return { ...place, mapping, schema: mapping && childOf(mapping, key) };
}

class PlaceFinder {
  private readonly text: string;

  constructor(private readonly file: ParsedFile, private readonly doc: Document.Parsed) {
    this.text = file.text;
  }

  find(offset: number): Place | undefined {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = this.lineEnd(offset);
    const before = this.text.slice(lineStart, offset);
    const after = this.text.slice(offset, lineEnd);
    if (inComment(before)) return undefined;
    const place = this.inNode(this.doc.contents as Node, [], offset, false);
    // Inside a block scalar or a multi-line plain one: free text, nothing to complete.
    if (place?.on === 'value' && place.word.text.includes('\n')) return undefined;
    if (place) return place;
    return before.trim() === '' && /^\s*(#.*)?$/.test(after) ? this.onBlankLine(offset, lineStart, before.length) : undefined;
  }

  /** The place of an offset inside a node reached by `path`. */
  private inNode(node: Node | null, path: YamlPath, offset: number, flow: boolean): Place | undefined {
    if (isMap(node)) return this.inMap(node, path, offset, flow || node.flow === true);
    if (isSeq(node)) return this.inSeq(node, path, offset, flow || node.flow === true);
    if (isScalar(node) && node.range && within(offset, node.range[0], node.range[1])) {
      return this.valuePlace(path, { start: node.range[0], end: node.range[1] }, offset, flow, [], []);
    }
    return undefined;
  }

  private inMap(map: YAMLMap, path: YamlPath, offset: number, flow: boolean): Place | undefined {
    const keys = this.keysOf(map);
    for (const [index, pair] of map.items.entries()) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const name = this.keyName(pair);
      const others = keys.filter((other) => other !== name);
      const typed = key?.range && within(offset, key.range[0], key.range[1]) ? this.typedKey(key.range[0], key.range[1], offset) : undefined;
      if (typed) {
        return {
          on: 'key',
          path: [...path, typed.text],
          word: typed,
          presentKeys: typed.own ? others : keys,
          presentItems: [],
          colon: typed.own && this.colonAfter(typed.end),
          flow,
          indent: this.column(typed.start),
        };
      }
      if (value?.range && !isEmpty(value) && within(offset, value.range[0], value.range[1])) {
        if (isScalar(value)) return this.valuePlace([...path, name], { start: value.range[0], end: value.range[1] }, offset, flow, others, []);
        const inner = this.inNode(value, [...path, name], offset, flow);
        if (inner) return inner;
      }
      // `key: |` with nothing typed yet: the value slot, on the key's own line after the colon (and before the next key).
      if (key?.range && isEmpty(value) && this.colonAfter(key.range[1])) {
        const colon = this.text.indexOf(':', key.range[1]);
        const next = (map.items[index + 1]?.key as Node | null | undefined)?.range?.[0] ?? Infinity;
        if (offset > colon && offset <= this.lineEnd(colon) && offset < next) {
          return this.valuePlace([...path, name], { start: offset, end: offset }, offset, flow, others, []);
        }
      }
    }
    // A gap between the braces of a flow mapping: a new key.
    if (map.flow && map.range && offset > map.range[0] && offset < map.range[1]) {
      return { on: 'key', path: [...path, ''], word: { text: '', start: offset, end: offset }, presentKeys: keys, presentItems: [], colon: false, flow: true, indent: this.column(offset) };
    }
    return undefined;
  }

  private inSeq(seq: YAMLSeq, path: YamlPath, offset: number, flow: boolean): Place | undefined {
    const items = seq.items as (Node | null)[];
    const scalars = items.map((item) => (isScalar(item) && item.value !== null ? String(item.value) : undefined));
    for (const [index, item] of items.entries()) {
      if (!item?.range || !within(offset, item.range[0], item.range[1])) continue;
      const others = scalars.filter((text, i): text is string => i !== index && text !== undefined);
      if (isScalar(item)) {
        const span = isEmpty(item) ? { start: offset, end: offset } : { start: item.range[0], end: item.range[1] };
        return this.valuePlace([...path, index], span, offset, flow, [], others);
      }
      return this.inNode(item, [...path, index], offset, flow);
    }
    // A gap between the brackets of a flow sequence: a new item where the cursor is.
    if (seq.flow && seq.range && offset > seq.range[0] && offset < seq.range[1]) {
      const index = items.filter((item) => item?.range && item.range[1] <= offset).length;
      const others = scalars.filter((text): text is string => text !== undefined);
      return this.valuePlace([...path, index], { start: offset, end: offset }, offset, true, [], others);
    }
    return undefined;
  }

  /**
   * A blank line: the indentation says where a key typed here goes. The nearest line above
   * with content at the same column holds a sibling key; one less indented that ends in `key:`
   * opens the mapping the cursor starts.
   */
  private onBlankLine(offset: number, lineStart: number, column: number): Place | undefined {
    for (let end = lineStart - 1; end > 0;) {
      const start = this.text.lastIndexOf('\n', end - 1) + 1;
      const line = this.text.slice(start, end);
      end = start - 1;
      const content = /^(\s*)((?:-\s+)*)(.*)$/.exec(line)!;
      if (content[3] === '' && content[2] === '' || content[3]!.startsWith('#')) continue;
      const keyColumn = content[1]!.length + content[2]!.length;
      if (keyColumn > column) continue;
      const anchor = this.inNode(this.doc.contents as Node, [], start + keyColumn, false);
      if (anchor?.on !== 'key' || anchor.flow) return undefined;
      const parent = anchor.path.slice(0, -1);
      const empty = { text: '', start: offset, end: offset };
      const found = this.pairAt(this.doc.contents as Node, start + keyColumn);
      if (keyColumn === column) {
        return { ...anchor, path: [...parent, ''], word: empty, presentKeys: found ? this.keysOf(found.map) : [], colon: false };
      }
      // The line above is `key:` with nothing after: the cursor starts its mapping.
      if (content[2] === '' && /:\s*(#.*)?$/.test(content[3]!) && found && isEmpty(found.pair.value as Node | null)) {
        return { ...anchor, path: [...anchor.path, ''], word: empty, presentKeys: [], colon: false, indent: column };
      }
      return undefined;
    }
    return column === 0 && isMap(this.doc.contents)
      ? { on: 'key', path: [''], word: { text: '', start: offset, end: offset }, presentKeys: this.keysOf(this.doc.contents), presentItems: [], colon: false, flow: false, indent: 0 }
      : undefined;
  }

  /** The pair whose key starts at `offset`, and the mapping holding it. */
  private pairAt(node: Node | null, offset: number): { map: YAMLMap; pair: Pair } | undefined {
    if (!isMap(node) && !isSeq(node)) return undefined;
    for (const item of node.items as unknown[]) {
      const pair = isMap(node) ? (item as Pair) : undefined;
      if (pair && (pair.key as Node | null)?.range?.[0] === offset) return { map: node as YAMLMap, pair };
      const child = (pair ? pair.value : item) as Node | null;
      if (child?.range && child.range[0] <= offset && offset <= child.range[2]) {
        const found = this.pairAt(child, offset);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The key under the cursor. A word typed on the line above a key is read by the parser as
   * the first line of a multi-line key (`tri⏎category: x` is the key "tri category"): its last
   * line is the real key (`own`), and a cursor on an earlier line is on that line's word.
   */
  private typedKey(start: number, end: number, offset: number): (Span & { text: string; own: boolean }) | undefined {
    const lastLine = this.text.lastIndexOf('\n', end - 1) + 1;
    if (lastLine <= start || offset >= lastLine) {
      const from = Math.max(start, lastLine);
      return { ...this.word(from, end), own: true };
    }
    const lineEnd = this.lineEnd(offset);
    const lineStart = Math.max(start, this.text.lastIndexOf('\n', offset - 1) + 1);
    const word = this.text.slice(lineStart, lineEnd).trimEnd();
    const first = lineStart + (word.length - word.trimStart().length);
    return offset <= lineStart + word.length ? { ...this.word(first, lineStart + word.length), own: false } : undefined;
  }

  /** A key's name; for a key the parser merged with words typed above it, its last line. */
  private keyName(pair: Pair): string {
    const key = pair.key as Node | null;
    if (key?.range && this.text.slice(key.range[0], key.range[1]).includes('\n')) {
      return this.text.slice(this.text.lastIndexOf('\n', key.range[1] - 1) + 1, key.range[1]);
    }
    return isScalar(key) ? String(key.value ?? '') : String(key ?? '');
  }

  private keysOf(map: YAMLMap): string[] {
    return map.items.map((pair) => this.keyName(pair));
  }

  private valuePlace(path: YamlPath, span: Span, offset: number, flow: boolean, presentKeys: string[], presentItems: string[]): Place {
    const word = span.start === span.end ? { text: '', start: offset, end: offset } : this.word(span.start, span.end);
    return { on: 'value', path, word, presentKeys, presentItems, colon: false, flow, indent: this.column(word.start) };
  }

  private word(start: number, end: number): Span & { text: string } {
    return { text: this.text.slice(start, end), start, end };
  }

  /** True when the next character after `offset` on its line, spaces skipped, is `:`. */
  private colonAfter(offset: number): boolean {
    return /^[ \t]*:/.test(this.text.slice(offset, this.lineEnd(offset)));
  }

  private lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? this.text.length : end;
  }

  private column(offset: number): number {
    return this.file.lineCounter.linePos(offset).col - 1;
  }
}

/** True from the start of a word to just after its end, where a cursor typing it sits. */
function within(offset: number, start: number, end: number): boolean {
  return start <= offset && offset <= end;
}

/** No value, or a null scalar with no source text (`key:` with nothing after). */
function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

/** Whether the text before the cursor on its line has started a comment (`#` at the start or after a space, outside quotes). */
function inComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const char = before[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      if (i === 0 || /[\s:[{,]/.test(before[i - 1]!)) quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(before[i - 1]!))) {
      return true;
    }
  }
  return false;
}
