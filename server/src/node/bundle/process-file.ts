// A chunk of an export's files, on whichever thread runs it: each file read, extracted (core), its
// copy compressed (as the zip stores it: nothing it is made from comes later) and its page body
// appended to the chunk's pack. What comes back is small: the analysis, the summary, where the
// rest was put.
import * as path from 'node:path';
import { extractRecord, type ExtractOptions } from '../../core/bundle/extract';
import { hashText, type AnalyzedFile, type RuleContext } from '../../core/bundle/core-api';
import type { SecretHit } from '../../core/bundle/redact';
import type { RecordSummary } from '../../core/bundle/summary';
import { readContent } from '../files';
import { PackWriter, type Span } from './pack';
import { storeContent, type StoredContent } from './store';

export interface ProcessRequest {
  paths: string[];
  context: RuleContext;
  options: ExtractOptions;
  /** The workspace root: paths in the bundle are relative to it. */
  root: string;
  /** The pack file this chunk's copies and bodies go to (new, one per chunk). */
  pack: string;
}

export interface ProcessedRecord {
  summary: RecordSummary;
  secrets: SecretHit[];
  /** The YAML copy, UTF-8, compressed and hashed for the zip; undefined when secrets block it. */
  copy?: StoredContent;
  /** The page body, UTF-8. */
  body?: Span;
}

export interface ProcessedFile {
  analyzed: AnalyzedFile;
  record?: ProcessedRecord;
}

export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function processChunk(request: ProcessRequest): ProcessedFile[] {
  const pack = new PackWriter(request.pack);
  try {
    return request.paths.map((file) => processFile(file, request, pack));
  } finally {
    pack.close();
  }
}

function processFile(file: string, request: ProcessRequest, pack: PackWriter): ProcessedFile {
  const content = readContent(file, request.context.maxFileBytes);
  if (!content) return { analyzed: { path: file } };
  const relativePath = relativeTo(request.root, file);
  const extracted = extractRecord({ path: file, relativePath, ...content }, request.context, request.options);
  const analyzed = { path: file, hash: hashText(content.text), analysis: extracted.analysis };
  const record = extracted.record;
  if (!record) return { analyzed };
  const copy = record.copy === undefined ? undefined : storeContent(pack, Buffer.from(record.copy, 'utf8'));
  const body = record.body === undefined ? undefined : pack.append(Buffer.from(record.body, 'utf8'));
  return { analyzed, record: { summary: record.summary, secrets: record.secrets, copy, body } };
}
