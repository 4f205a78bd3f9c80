/**
 * A canonical dump of a ParsedFile, as plain data for deepStrictEqual: every node of every
 * document with all its own enumerable properties (type, value, source, range, comments,
 * flow, format...) and its class, the documents' own properties (errors and warnings with
 * code, position and message, comments, range, directives, options but the line counter
 * object), the line starts, `value` and `valueError`. Two parses that dump the same are the
 * same for every consumer.
 */
import { isDocument, isNode, isPair } from 'yaml';
import type { ParsedFile } from '../../server/src/core/model/parse';

export function dumpParsedFile(file: ParsedFile | undefined): unknown {
  if (!file) return undefined;
  return {
    text: file.text,
    lineStarts: [...file.lineCounter.lineStarts],
    documents: file.documents.map(dumpDocument),
    value: dumpPlain(file.value),
    valueError: file.valueError,
  };
}

function dumpDocument(doc: ParsedFile['documents'][number]): unknown {
  const out: Record<string, unknown> = { class: doc.constructor.name, isDocument: isDocument(doc), symbols: symbolsOf(doc) };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'schema') out.schema = { name: doc.schema.name, tags: doc.schema.tags.map((tag) => tag.tag) };
    else if (key === 'contents') out.contents = dumpNode(value);
    else if (key === 'errors' || key === 'warnings') out[key] = (value as Error[]).map(dumpError);
    else if (key === 'options') out.options = dumpPlain(Object.fromEntries(Object.entries(value as object).filter(([name]) => name !== 'lineCounter')));
    else out[key] = dumpPlain(value);
  }
  return out;
}

/** The own symbol-keyed properties (yaml's node type), by description. */
function symbolsOf(object: object): unknown[] {
  return Object.getOwnPropertySymbols(object).map((symbol) => [symbol.description, String((object as Record<symbol, unknown>)[symbol])]);
}

function dumpError(error: Error & { code?: string; pos?: unknown; linePos?: unknown }): unknown {
  return { name: error.name, code: error.code, message: error.message, pos: error.pos, linePos: error.linePos };
}

function dumpNode(node: unknown): unknown {
  if (!isNode(node) && !isPair(node)) return dumpPlain(node);
  const out: Record<string, unknown> = { class: node.constructor.name, symbols: symbolsOf(node) };
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'items' ? (value as unknown[]).map(dumpNode) : dumpNode(value);
  }
  return out;
}

/** Plain data with symbols and functions named (two Symbol('<<') are not equal) and class names kept. */
function dumpPlain(value: unknown, seen = new Set<object>()): unknown {
  if (typeof value === 'symbol') return `symbol ${value.description}`;
  if (typeof value === 'function') return `function ${value.name}`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => dumpPlain(item, seen));
    if (value instanceof Map) return { map: [...value].map(([k, v]) => [dumpPlain(k, seen), dumpPlain(v, seen)]) };
    if (value instanceof Set) return { set: [...value].map((item) => dumpPlain(item, seen)) };
    if (value instanceof Date) return { date: value.toISOString() };
    const out: Record<string, unknown> = { class: value.constructor?.name };
    for (const [key, item] of Object.entries(value)) out[key] = dumpPlain(item, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
