import { Document, LineCounter, parseAllDocuments, isMap } from 'yaml';
import { API_VERSION } from './types';

/** A line `apiVersion: cc7/v1` at column 0: how a file that does not parse is still recognised. */
const API_VERSION_LINE = /^apiVersion:[ \t]*(["']?)cc7\/v1\1[ \t]*(#.*)?$/m;

const NESTED_TOO_DEEPLY = 'the document is nested too deeply to be read; flatten it';

/** Aliases a document may expand before it counts as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** The result of reading one YAML file that is a CC7 document. */
export interface ParsedFile {
  text: string;
  lineCounter: LineCounter;
  /** Every YAML document of the file; the first is the CC7 document. */
  documents: Document.Parsed[];
  /** The first document as plain data (aliases and merge keys resolved); undefined when it cannot be built. */
  value: unknown;
  /** Why `value` could not be built (alias bomb, nesting too deep), at the whole file. */
  valueError?: string;
}

/** Cheap test run before any parsing, so that unrelated YAML costs almost nothing. */
export function mayBeCc7(text: string): boolean {
  return text.includes('cc7/v1');
}

/** True when the text carries the CC7 apiVersion line at column 0. */
export function hasApiVersionLine(text: string): boolean {
  return API_VERSION_LINE.test(text);
}

/**
 * Parses a file and decides whether it is a CC7 document (SPEC 2): its first document's
 * top-level mapping has `apiVersion: cc7/v1`, or it does not parse and a line reads so.
 * Returns undefined for every other file.
 */
export function parseCc7(text: string): ParsedFile | undefined {
  if (!mayBeCc7(text)) return undefined;
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    documents = parseYaml(text, lineCounter);
  } catch (error) {
    // The parser recurses; a pathologically nested file can exhaust the stack.
    if (!hasApiVersionLine(text)) return undefined;
    return { text, lineCounter: lineCounterOf(text), documents: [], value: undefined, valueError: describe(error) };
  }
  const exhausted = takeExhaustionErrors(documents);
  const first = documents[0];
  const hasErrors = exhausted !== undefined || documents.some((doc) => doc.errors.length > 0);
  if (!first || !isCc7Root(first) && !(hasErrors && hasApiVersionLine(text))) {
    return undefined;
  }
  if (exhausted) return { text, lineCounter, documents, value: undefined, valueError: exhausted };
  try {
    const value = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { text, lineCounter, documents, value };
  } catch (error) {
    return { text, lineCounter, documents, value: undefined, valueError: describe(error) };
  }
}

/**
 * The parser turns its own stack overflow into a RESOURCE_EXHAUSTION error whose position
 * depends on the machine's stack size; it is not a syntax error. It is taken out of the
 * documents' errors and reported once, at a fixed place, as why the document cannot be read.
 */
function takeExhaustionErrors(documents: Document.Parsed[]): string | undefined {
  let reason: string | undefined;
  for (const doc of documents) {
    const exhausted = doc.errors.filter((error) => error.code === 'RESOURCE_EXHAUSTION');
    if (exhausted.length === 0) continue;
    doc.errors = doc.errors.filter((error) => error.code !== 'RESOURCE_EXHAUSTION');
    reason ??= /stack/i.test(exhausted[0].message) ? NESTED_TOO_DEEPLY : exhausted[0].message;
  }
  return reason;
}

/** Every YAML document of a text, as the CC7 parse reads them (reparse.ts reads entries the same way); may throw on a stack overflow. */
export function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed[] {
  return parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true }) as Document.Parsed[];
}

/** Whether a document's top-level mapping has `apiVersion: cc7/v1`. */
export function isCc7Root(doc: Document.Parsed): boolean {
  const root = doc.contents;
  return isMap(root) && (root.get('apiVersion') as unknown) === API_VERSION;
}

function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return NESTED_TOO_DEEPLY;
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return 'the document expands too many aliases (a YAML "billion laughs" bomb?); reduce the aliases';
  }
  return error instanceof Error ? error.message : String(error);
}
