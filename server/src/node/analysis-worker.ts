/**
 * A worker thread of the analysis pool: analyses the files it is sent with the pure core,
 * from the text in the job (an open editor buffer) or else from disk, and posts back plain
 * results (facts and findings, never parse trees).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../core/service/analyze';
import { analysisDigest, hashContent, type AnalyzedFile } from '../core/service/program';
import type { RuleContext } from '../core/rules/rule';
import { readContent } from './files';

/**
 * One file to analyse: its text when the caller holds it (an open buffer, or read by the
 * scan), else it is read from disk; `byteLength` with a text read from disk, whole or in part;
 * `known`: the digest of the analysis the caller holds (a re-analysis), which then comes back
 * `unchanged` when it is found again (AnalyzedFile).
 */
export interface AnalysisJob {
  path: string;
  text?: string;
  byteLength?: number;
  known?: string;
}

export interface WorkRequest {
  id: number;
  jobs: AnalysisJob[];
  context: RuleContext;
}

export interface WorkResponse {
  id: number;
  results?: AnalyzedFile[];
  error?: string;
}

export function analyzeJob({ path, text, byteLength, known }: AnalysisJob, context: RuleContext): AnalyzedFile {
  const content = text === undefined ? readContent(path, context.maxFileBytes) : { text, byteLength };
  if (!content) return { path };
  const hash = hashContent(content, context.maxFileBytes);
  const analysis = analyzeFile({ path, ...content }, context);
  if (!analysis) return { path, hash };
  const digest = analysisDigest(analysis);
  return digest === known ? { path, hash, digest, unchanged: true } : { path, hash, analysis, digest };
}

parentPort?.on('message', ({ id, jobs, context }: WorkRequest) => {
  let response: WorkResponse;
  try {
    response = { id, results: jobs.map((job) => analyzeJob(job, context)) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
