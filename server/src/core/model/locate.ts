import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, Document, Node, Pair } from 'yaml';
import type { Position, Range, YamlPath } from './types';

/** Which part of a key/value pair a finding is about. */
export type Target = 'key' | 'value';

interface Hit {
  /** The value node at the deepest segment found. */
  node: Node | null;
  /** The pair whose value is `node`, when it is reached through a mapping key. */
  pair?: Pair;
  /** How many segments of the path were found. */
  depth: number;
}

/**
 * Turns a YAML path into the tightest range (SPEC 2.5): the key or the value it names; for a
 * path that does not exist, the key of its closest existing ancestor; a missing top-level key
 * sits on `kind` (or on `apiVersion` when `kind` is missing).
 */
export function locate(doc: Document.Parsed, lines: LineCounter, path: YamlPath, target: Target = 'value'): Range {
  const hit = walk(doc, path);
  const complete = hit.depth === path.length;
  if (hit.depth === 0) return topLevelAnchor(doc, lines, complete);
  const wantKey = target === 'key' || !complete;
  if (hit.pair && (wantKey || hit.node === null || isCollection(hit.node))) {
    return nodeRange(hit.pair.key as Node, lines) ?? anyRange(doc, lines);
  }
  if (hit.node) return firstLine(nodeRange(hit.node, lines), lines, hit.node) ?? anyRange(doc, lines);
  return anyRange(doc, lines);
}

function walk(doc: Document.Parsed, path: YamlPath): Hit {
  let node: Node | null = doc.contents as Node | null;
  let hit: Hit = { node, depth: 0 };
  for (const segment of path) {
    node = resolve(doc, node);
    const next = step(doc, node, segment);
    if (!next) break;
    node = next.node;
    hit = { node, pair: next.pair, depth: hit.depth + 1 };
  }
  return hit;
}

function step(doc: Document.Parsed, node: Node | null, segment: string | number): { node: Node | null; pair?: Pair } | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item as Node | null };
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === String(segment)) return { node: pair.value as Node | null, pair };
  }
  // A key brought in by a merge (`<<: *base`) is found in the merged mapping.
  for (const pair of node.items) {
    if (isMergeKey(pair)) {
      const merged = step(doc, resolve(doc, pair.value as Node | null), segment);
      if (merged) return merged;
    }
  }
  return undefined;
}

/** With merge keys on, yaml stores `<<` as a symbol; its source text is still `<<`. */
function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.value === '<<' || pair.key.source === '<<');
}

function resolve(doc: Document.Parsed, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
}

function topLevelAnchor(doc: Document.Parsed, lines: LineCounter, complete: boolean): Range {
  const root = doc.contents;
  if (isMap(root)) {
    const anchor = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'kind')
      ?? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'apiVersion');
    const range = anchor && nodeRange(anchor.key as Node, lines);
    if (range) return range;
  }
  return complete && root ? (firstLine(nodeRange(root as Node, lines), lines, root as Node) ?? anyRange(doc, lines)) : anyRange(doc, lines);
}

/** Range of a node from its source offsets; undefined for nodes created without a source. */
export function nodeRange(node: Node | undefined, lines: LineCounter): Range | undefined {
  if (!node?.range) return undefined;
  return offsetRange(node.range[0], node.range[1], lines);
}

/** Range between two offsets of the source text. */
export function offsetRange(start: number, end: number, lines: LineCounter): Range {
  return { start: offsetToPosition(start, lines), end: offsetToPosition(Math.max(start, end), lines) };
}

/** LineCounter positions are 1-based; the core's are 0-based (LSP). */
export function offsetToPosition(offset: number, lines: LineCounter): Position {
  const { line, col } = lines.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

/** The offset of an LSP position (0-based line, UTF-16 character), clamped to its line and to the text. */
export function positionToOffset(position: Position, lines: LineCounter, textLength: number): number {
  const starts = lines.lineStarts;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return textLength;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : textLength;
  return Math.min(starts[position.line]! + Math.max(0, position.character), lineEnd);
}

/** A multi-line collection is reported on its first line only, so the squiggle stays readable. */
function firstLine(range: Range | undefined, lines: LineCounter, node: Node): Range | undefined {
  if (!range || range.start.line === range.end.line || !isCollection(node)) return range;
  const lineEnd = lines.lineStarts[range.start.line + 1];
  const end = lineEnd === undefined ? range.end : offsetToPosition(lineEnd - 1, lines);
  return { start: range.start, end };
}

/** The start of the document: the last resort when nothing better exists. */
function anyRange(doc: Document.Parsed, lines: LineCounter): Range {
  const start = doc.range?.[0] ?? 0;
  return offsetRange(start, start, lines);
}
