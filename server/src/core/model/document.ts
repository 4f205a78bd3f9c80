import { isRecord } from './data';
import { locate, type Target } from './locate';
import type { ParsedFile } from './parse';
import { validateAgainstSchema, type SchemaIssue } from './schemas';
import { KINDS, type Kind, type Range, type YamlPath } from './types';

/** One CC7 document as the rules see it. */
export interface Cc7Document {
  path: string;
  byteLength: number;
  /** Undefined when the file is over the size limit and was not parsed. */
  file?: ParsedFile;
  /** The top-level mapping as plain data (aliases and merges resolved); undefined when there is none. */
  data?: Record<string, unknown>;
  /** The document's kind, when it names a known one. */
  kind?: Kind;
  /** The tightest range for a path (see locate.ts). */
  locate(path: YamlPath, on?: Target): Range;
  /** Schema violations of the document's kind, computed once. */
  schemaIssues(): SchemaIssue[];
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function createDocument(path: string, byteLength: number, file: ParsedFile | undefined): Cc7Document {
  const data = isRecord(file?.value) ? file.value : undefined;
  const kind = KINDS.find((name) => name === data?.kind);
  let issues: SchemaIssue[] | undefined;
  return {
    path,
    byteLength,
    file,
    data,
    kind,
    locate(target: YamlPath, on?: Target): Range {
      const yaml = file?.documents[0];
      return yaml ? locate(yaml, file.lineCounter, target, on) : EMPTY_RANGE;
    },
    schemaIssues(): SchemaIssue[] {
      issues ??= kind && data ? validateAgainstSchema(kind, data) : [];
      return issues;
    },
  };
}
