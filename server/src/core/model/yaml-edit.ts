// Text edits of a parsed YAML document that keep the rest of the file byte for byte: comments,
// quoting, flow or block style. Edits are computed from the parse tree's source ranges and
// never re-stringify the document; only the inserted values are rendered, in the style of the
// place they go (block lines at the mapping's indentation, or flow `{ a: 1, b: 2 }`).
import { isCollection, isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { offsetToPosition } from './locate';
import type { ParsedFile } from './parse';
import type { Range, YamlPath } from './types';

/** A replacement of a range of the original text (LSP-shaped: 0-based, UTF-16). */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type ScalarValue = string | number | boolean | null;

/** A scalar written with a comment after it (`due: 2026-05-01  # TODO: ...`); flow style drops the comment. */
export class Commented {
  constructor(readonly value: ScalarValue, readonly comment: string) {}
}

/** A value to write: plain data, whose scalars may carry a comment. */
export type YamlValue = ScalarValue | Commented | YamlValue[] | { [key: string]: YamlValue };
type YamlObject = { [key: string]: YamlValue };

/** Where a path ends in the parse tree, for writing. */
type Place =
  /** The whole path exists and its value is present. */
  | { at: 'node'; node: Node }
  /** `map` has no key `rest[0]`: what is missing is `rest`. */
  | { at: 'missing'; map: YAMLMap; rest: YamlPath }
  /** `pair` holds an empty value (nothing, null, a blank string, `[]` or `{}`); `rest` goes on inside it. */
  | { at: 'empty'; pair: Pair; map: YAMLMap; rest: YamlPath };

/** Keys to add to a mapping, items to add to a sequence, or the value to put in an empty pair. */
type Anchor =
  | { kind: 'map'; map: YAMLMap; entries: YamlObject }
  | { kind: 'seq'; seq: YAMLSeq; items: YamlValue[] }
  | { kind: 'fill'; pair: Pair; map: YAMLMap; value: YamlValue | undefined };

interface RawEdit {
  start: number;
  end: number;
  text: string;
  /** Among insertions at one offset, the higher goes first (a nested mapping's keys before its parent's). */
  depth: number;
}

/** The indentation step when the document shows none. */
const DEFAULT_INDENT = 2;

/**
 * Collects changes to one document and turns them into non-overlapping text edits. Writes
 * only add what is absent (`ensure`, `append`) or replace one scalar or key (`setScalar`,
 * `renameKey`); several fixes may share one editor, and what they add to the same mapping or
 * sequence is merged into one insertion. Every operation answers false when it cannot be
 * done without touching more than it should (an alias, a scalar in the way, a key taken).
 */
export class YamlEditor {
  private readonly text: string;
  private readonly root: YAMLMap;
  private readonly eol: string;
  private readonly unit: number;
  private readonly anchors = new Map<object, Anchor>();
  private readonly raw: RawEdit[] = [];

  private constructor(private readonly file: ParsedFile, root: YAMLMap) {
    this.text = file.text;
    this.root = root;
    this.eol = file.text.includes('\r\n') ? '\r\n' : '\n';
    this.unit = this.indentUnit();
  }

  /** An editor of a parsed file whose first document is a mapping without syntax errors; else undefined. */
  static of(file: ParsedFile | undefined): YamlEditor | undefined {
    const yaml = file?.documents[0];
    if (!file || !yaml || yaml.errors.length > 0 || !isMap(yaml.contents)) return undefined;
    return new YamlEditor(file, yaml.contents);
  }

  /** Writes `value` at `path` when it is absent or empty, creating the missing mappings on the way. */
  ensure(path: YamlPath, value: YamlValue): boolean {
    const place = this.place(path);
    if (!place || place.at === 'node') return false;
    if (place.at === 'missing') return put(this.mapAnchor(place.map).entries, place.rest, value);
    const anchor = this.fillAnchor(place);
    if (place.rest.length > 0) return this.within(anchor, place.pair, (inside) => put(inside, place.rest, value));
    if (anchor.value !== undefined || !fits(place.pair.value, value)) return false;
    anchor.value = clone(value);
    return true;
  }

  /** Appends an item to the sequence at `path`, creating the sequence (and its parents) when absent. */
  append(path: YamlPath, item: YamlValue): boolean {
    const place = this.place(path);
    if (!place) return false;
    if (place.at === 'node') {
      if (!isSeq(place.node)) return false;
      this.seqAnchor(place.node).items.push(clone(item));
      return true;
    }
    if (place.at === 'missing') return push(this.mapAnchor(place.map).entries, place.rest, item);
    const anchor = this.fillAnchor(place);
    if (place.rest.length > 0) return this.within(anchor, place.pair, (inside) => push(inside, place.rest, item));
    const list = anchor.value ?? [];
    if (!Array.isArray(list) || !fits(place.pair.value, list)) return false;
    list.push(clone(item));
    anchor.value = list;
    return true;
  }

  /** Writes into the mapping an empty pair is to hold; the pair is filled only if the write succeeds. */
  private within(anchor: { value: YamlValue | undefined }, pair: Pair, write: (inside: YamlObject) => boolean): boolean {
    const inside = anchor.value ?? {};
    if (!isObject(inside) || !fits(pair.value, inside) || !write(inside)) return false;
    anchor.value = inside;
    return true;
  }

  /** The value of the scalar at `path` (no alias followed), when there is one. */
  scalar(path: YamlPath): unknown {
    const node = this.find(path)?.node;
    return isScalar(node) ? node.value : undefined;
  }

  /** Replaces the scalar at `path` by `value`, keeping its quoting style where the value allows. */
  setScalar(path: YamlPath, value: string): boolean {
    const found = this.find(path);
    const node = found?.node;
    if (!found || !isScalar(node) || !node.range) return false;
    const text = node.type === 'QUOTE_DOUBLE' ? JSON.stringify(value)
      : node.type === 'QUOTE_SINGLE' ? `'${value.replace(/'/g, "''")}'`
        : scalarText(value, found.inFlow);
    return this.replace(node.range[0], node.range[1], text);
  }

  /** Renames the key at the end of `path` to `key`, unless the mapping already has that key. */
  renameKey(path: YamlPath, key: string): boolean {
    const parent = this.find(path.slice(0, -1))?.node;
    const name = path[path.length - 1];
    if (!isMap(parent) || typeof name !== 'string' || pairOf(parent, key)) return false;
    const pair = pairOf(parent, name);
    if (!pair || !isScalar(pair.key) || !pair.key.range) return false;
    return this.replace(pair.key.range[0], pair.key.range[1], scalarText(key, true));
  }

  /** The edits, sorted and non-overlapping; insertions at one offset are merged into one edit. */
  edits(): TextEdit[] {
    const all = [...this.raw, ...[...this.anchors.values()].flatMap((anchor) => this.render(anchor))];
    all.sort((a, b) => a.start - b.start || b.depth - a.depth);
    const merged: RawEdit[] = [];
    for (const edit of all) {
      const last = merged[merged.length - 1];
      if (last && last.start === last.end && edit.start === last.start && edit.end === edit.start) {
        last.text += edit.text;
      } else if (!last || edit.start >= last.end) {
        merged.push({ ...edit });
      }
    }
    const lines = this.file.lineCounter;
    return merged.map((edit) => ({
      range: { start: offsetToPosition(edit.start, lines), end: offsetToPosition(edit.end, lines) },
      newText: edit.text,
    }));
  }

  // ---- Finding places ------------------------------------------------------------------

  /** The node at `path` (no aliases followed), and whether it sits in a flow collection. */
  private find(path: YamlPath): { node: Node; inFlow: boolean } | undefined {
    let node: unknown = this.root;
    let inFlow = false;
    for (const segment of path) {
      inFlow ||= isCollection(node) && node.flow === true;
      if (isMap(node) && typeof segment === 'string') node = pairOf(node, segment)?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
      else return undefined;
      if (!isNodeWithRange(node)) return undefined;
    }
    return { node: node as Node, inFlow };
  }

  private place(path: YamlPath): Place | undefined {
    let node: unknown = this.root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        continue;
      }
      if (!isMap(node) || typeof segment !== 'string') return undefined;
      const pair = pairOf(node, segment);
      if (!pair) return { at: 'missing', map: node, rest: path.slice(i) };
      if (isEmpty(pair.value)) return { at: 'empty', pair, map: node, rest: path.slice(i + 1) };
      node = pair.value;
    }
    return isNodeWithRange(node) ? { at: 'node', node: node as Node } : undefined;
  }

  private mapAnchor(map: YAMLMap): { entries: YamlObject } {
    const anchor = this.anchors.get(map) ?? { kind: 'map', map, entries: {} };
    this.anchors.set(map, anchor);
    return anchor as { entries: YamlObject };
  }

  private seqAnchor(seq: YAMLSeq): { items: YamlValue[] } {
    const anchor = this.anchors.get(seq) ?? { kind: 'seq', seq, items: [] };
    this.anchors.set(seq, anchor);
    return anchor as { items: YamlValue[] };
  }

  private fillAnchor(place: { pair: Pair; map: YAMLMap }): { value: YamlValue | undefined } {
    const anchor = this.anchors.get(place.pair) ?? { kind: 'fill', pair: place.pair, map: place.map, value: undefined };
    this.anchors.set(place.pair, anchor);
    return anchor as { value: YamlValue | undefined };
  }

  private replace(start: number, end: number, text: string): boolean {
    if (this.raw.some((edit) => edit.start < end && start < edit.end)) return false;
    this.raw.push({ start, end, text, depth: 0 });
    return true;
  }

  // ---- Rendering -----------------------------------------------------------------------

  private render(anchor: Anchor): RawEdit[] {
    switch (anchor.kind) {
      case 'map':
        return Object.keys(anchor.entries).length ? [this.renderIntoMap(anchor.map, anchor.entries)] : [];
      case 'seq':
        return anchor.items.length ? [this.renderIntoSeq(anchor.seq, anchor.items)] : [];
      case 'fill':
        return anchor.value === undefined ? [] : [this.renderFill(anchor.pair, anchor.map, anchor.value)];
    }
  }

  private renderIntoMap(map: YAMLMap, entries: YamlObject): RawEdit {
    const depth = map.range?.[0] ?? 0;
    if (map.flow) {
      const last = map.items[map.items.length - 1];
      return last
        ? insertion(contentEnd(last), `, ${flowEntries(entries)}`, depth)
        : insertion(map.range![0] + 1, ` ${flowEntries(entries)} `, depth);
    }
    const indent = this.column(keyStart(map.items[0]!));
    return this.lines(this.lineAfter(contentEnd(map)), this.blockEntries(entries, indent), depth);
  }

  private renderIntoSeq(seq: YAMLSeq, items: YamlValue[]): RawEdit {
    const depth = seq.range?.[0] ?? 0;
    const first = seq.items[0] as Node;
    if (seq.flow) {
      return insertion(contentEnd(seq.items[seq.items.length - 1]), `, ${items.map(flow).join(', ')}`, depth);
    }
    const dash = this.dashColumn(first);
    // New items take the style of the first: flow items stay flow, block mappings stay block.
    const blockItems = isMap(first) && !first.flow;
    return this.lines(this.lineAfter(contentEnd(seq)), this.seqItems(items, dash, blockItems), depth);
  }

  private renderFill(pair: Pair, map: YAMLMap, value: YamlValue): RawEdit {
    const empty = pair.value as Node | null;
    const depth = empty?.range?.[0] ?? 0;
    if (isCollection(empty) && empty.range) {
      // `[]` or `{}`: the new content goes between the brackets.
      const inside = Array.isArray(value) ? value.map(flow).join(', ') : ` ${flowEntries(value as YamlObject)} `;
      return insertion(empty.range[0] + 1, inside, depth);
    }
    if (isScalar(empty) && empty.range && empty.range[1] > empty.range[0]) {
      // `""`, `~` or `null`: replaced by the value, inline.
      return { start: empty.range[0], end: empty.range[1], text: flow(value), depth };
    }
    // Nothing after the colon: a scalar goes on the key's line, a collection on the lines below.
    const colon = this.text.indexOf(':', keyEnd(pair));
    const restOfLine = this.text.slice(colon + 1, this.lineAfter(colon + 1)).trim();
    if (map.flow || !isCollectionValue(value)) {
      const comment = !map.flow && restOfLine === '' ? commentOf(value) : '';
      return insertion(colon + 1, ` ${map.flow ? flow(value) : inline(value)}${comment}`, depth);
    }
    const indent = this.column(keyStart(pair)) + this.unit;
    const lines = Array.isArray(value) ? this.seqItems(value, indent, true) : this.blockEntries(value as YamlObject, indent);
    return this.lines(this.lineAfter(colon + 1), lines, depth);
  }

  /** `key: value` lines at `indent`; nested mappings and sequences of mappings in block style. */
  private blockEntries(entries: YamlObject, indent: number): string[] {
    const pad = ' '.repeat(indent);
    return Object.entries(entries).flatMap(([key, value]) => {
      const head = `${pad}${scalarText(key, false)}:`;
      if (Array.isArray(value) && value.some(isCollectionValue)) return [head, ...this.seqItems(value, indent + this.unit, true)];
      if (isObject(value) && Object.keys(value).length > 0) return [head, ...this.blockEntries(value, indent + this.unit)];
      return [`${head} ${inline(value)}${commentOf(value)}`];
    });
  }

  /** `- item` lines with the dash at `dash`; mappings in block style when `block`, else flow. */
  private seqItems(items: YamlValue[], dash: number, block: boolean): string[] {
    const pad = ' '.repeat(dash);
    return items.flatMap((item) => {
      if (!block || !isObject(item) || Object.keys(item).length === 0) return [`${pad}- ${flow(item)}`];
      const lines = this.blockEntries(item, dash + 2);
      return [`${pad}- ${lines[0]!.slice(dash + 2)}`, ...lines.slice(1)];
    });
  }

  /** Whole lines inserted at a line start (or after the last line, when the file ends without a newline). */
  private lines(offset: number, lines: string[], depth: number): RawEdit {
    const body = lines.join(this.eol);
    const atEnd = offset === this.text.length && this.text.length > 0 && !this.text.endsWith('\n');
    return insertion(offset, atEnd ? `${this.eol}${body}` : `${body}${this.eol}`, depth);
  }

  /** The start of the line after the one holding offset `end - 1` (the last character of some content). */
  private lineAfter(end: number): number {
    if (end > 0 && this.text[end - 1] === '\n') return end;
    const newline = this.text.indexOf('\n', end);
    return newline === -1 ? this.text.length : newline + 1;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** The column of the `-` before a block sequence's item. */
  private dashColumn(item: Node): number {
    let at = (item.range?.[0] ?? 0) - 1;
    while (at >= 0 && this.text[at] === ' ') at--;
    return this.text[at] === '-' ? this.column(at) : Math.max(0, this.column(item.range?.[0] ?? 0) - 2);
  }

  /** The document's indentation step: how far its first nested block mapping is indented. */
  private indentUnit(): number {
    for (const pair of this.root.items) {
      const value = pair.value;
      if (isMap(value) && !value.flow && value.items.length > 0) {
        const step = this.column(keyStart(value.items[0]!)) - this.column(keyStart(pair));
        if (step > 0) return step;
      }
    }
    return DEFAULT_INDENT;
  }
}

// ---- Tree helpers ------------------------------------------------------------------------

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

function isNodeWithRange(node: unknown): boolean {
  return (isScalar(node) || isCollection(node)) && Boolean((node as Node).range);
}

/** Nothing, null, a blank string, `[]` or `{}`: a value a fix may fill. */
function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '' && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED');
  return isCollection(node) && node.items.length === 0;
}

/** Whether `value` can go into the empty node: a list into `[]`, a mapping into `{}`, anything into a scalar. */
function fits(node: unknown, value: YamlValue): boolean {
  if (isSeq(node)) return Array.isArray(value);
  if (isMap(node)) return isObject(value);
  return true;
}

function keyStart(pair: Pair): number {
  return (pair.key as Node | null)?.range?.[0] ?? 0;
}

function keyEnd(pair: Pair): number {
  return (pair.key as Node | null)?.range?.[1] ?? 0;
}

/** The offset just after a node's last character of content (not its trailing comment or blank lines). */
function contentEnd(node: unknown): number {
  if (isPair(node)) {
    const value = node.value as Node | null;
    return Math.max(keyEnd(node), value?.range ? contentEnd(value) : 0);
  }
  if (isCollection(node) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  return (node as Node | null)?.range?.[1] ?? 0;
}

function insertion(offset: number, text: string, depth: number): RawEdit {
  return { start: offset, end: offset, text, depth };
}

// ---- Value helpers -----------------------------------------------------------------------

function isObject(value: YamlValue | undefined): value is YamlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Commented);
}

function isCollectionValue(value: YamlValue): boolean {
  return Array.isArray(value) || isObject(value);
}

function clone(value: YamlValue): YamlValue {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)]));
  return value;
}

/** Sets `rest` (string keys) inside a pending mapping; false when it is there already. */
function put(target: YamlObject, rest: YamlPath, value: YamlValue): boolean {
  const parent = walkPending(target, rest);
  const key = rest[rest.length - 1];
  if (!parent || typeof key !== 'string' || key in parent) return false;
  parent[key] = clone(value);
  return true;
}

/** Appends to the list at `rest` inside a pending mapping, creating the list. */
function push(target: YamlObject, rest: YamlPath, item: YamlValue): boolean {
  const parent = walkPending(target, rest);
  const key = rest[rest.length - 1];
  if (!parent || typeof key !== 'string') return false;
  const list = (parent[key] ??= []);
  if (!Array.isArray(list)) return false;
  list.push(clone(item));
  return true;
}

/** The pending mapping holding the last segment of `rest` (keys only), creating mappings on the way. */
function walkPending(target: YamlObject, rest: YamlPath): YamlObject | undefined {
  if (rest.some((segment) => typeof segment !== 'string')) return undefined;
  let at = target;
  for (const segment of rest.slice(0, -1)) {
    if (typeof segment !== 'string') return undefined;
    const next = (at[segment] ??= {});
    if (!isObject(next)) return undefined;
    at = next;
  }
  return rest.length > 0 ? at : undefined;
}

/** A value on one line in block context: scalars as they are, collections in flow style. */
function inline(value: YamlValue): string {
  return value instanceof Commented ? scalarText(value.value, false) : isCollectionValue(value) ? flow(value) : scalarText(value as ScalarValue, false);
}

function flow(value: YamlValue): string {
  if (value instanceof Commented) return scalarText(value.value, true);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isObject(value)) return Object.keys(value).length ? `{ ${flowEntries(value)} }` : '{}';
  return scalarText(value, true);
}

function flowEntries(value: YamlObject): string {
  return Object.entries(value).map(([key, item]) => `${scalarText(key, true)}: ${flow(item)}`).join(', ');
}

function commentOf(value: YamlValue): string {
  return value instanceof Commented ? `  # ${value.comment}` : '';
}

/**
 * Strings that are plain scalars in block and flow context and read back as the same string
 * (words, ids, emails, dates and timestamps): written as they are, without asking `yaml`.
 */
const PLAIN_AS_IS = /^[A-Za-z_][\w./@+-]*$|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** Words YAML reads as null or a boolean (in 1.2; the 1.1 ones too, for other tools' sake). */
const NOT_A_STRING = /^(null|true|false|yes|no|on|off|y|n)$/i;

/** A scalar as YAML text: plain where it reads back as the same string, else quoted. */
function scalarText(value: ScalarValue, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN_AS_IS.test(value) && !NOT_A_STRING.test(value)) return value;
  if (value.includes('\n') || value.includes('\r')) return JSON.stringify(value);
  const text = stringify(value, { lineWidth: 0 }).trimEnd();
  const quoted = text.startsWith('"') || text.startsWith("'");
  return !quoted && inFlow && /[,[\]{}]/.test(text) ? JSON.stringify(value) : text;
}
