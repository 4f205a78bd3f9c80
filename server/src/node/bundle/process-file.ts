// One file of an export, on whichever thread runs it: read, extract (core), stage the copy and
// the page body. What comes back is small: the analysis, the summary, where the rest was put.
import * as path from 'node:path';
import { extractRecord, type ExtractOptions } from '../../core/bundle/extract';
import { hashText, type AnalyzedFile, type RuleContext } from '../../core/bundle/core-api';
import type { SecretHit } from '../../core/bundle/redact';
import type { RecordSummary } from '../../core/bundle/summary';
import { readContent } from '../files';
import { stage, type StagedFile } from './stage';

export interface ProcessRequest {
  paths: string[];
  context: RuleContext;
  options: ExtractOptions;
  /** The workspace root: paths in the bundle are relative to it. */
  root: string;
  staging: string;
}

export interface ProcessedRecord {
  summary: RecordSummary;
  secrets: SecretHit[];
  /** The staged YAML copy; undefined when secrets block it. */
  copy?: StagedFile;
  /** The staged page body. */
  body?: string;
}

export interface ProcessedFile {
  analyzed: AnalyzedFile;
  record?: ProcessedRecord;
}

export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function processFile(file: string, request: Omit<ProcessRequest, 'paths'>): ProcessedFile {
  const content = readContent(file, request.context.maxFileBytes);
  if (!content) return { analyzed: { path: file } };
  const relativePath = relativeTo(request.root, file);
  const extracted = extractRecord({ path: file, relativePath, ...content }, request.context, request.options);
  const analyzed = { path: file, hash: hashText(content.text), analysis: extracted.analysis };
  const record = extracted.record;
  if (!record) return { analyzed };
  return {
    analyzed,
    record: {
      summary: record.summary,
      secrets: record.secrets,
      copy: record.copy === undefined ? undefined : stage(request.staging, `${relativePath}\0yaml`, record.copy),
      body: record.body === undefined ? undefined : stage(request.staging, `${relativePath}\0body`, record.body).file,
    },
  };
}
