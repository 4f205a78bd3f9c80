/**
 * A worker thread of the analysis pool: reads and analyses the files it is sent with the
 * pure core, and posts back plain results (facts and findings, never parse trees).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../core/service/analyze';
import { hashText, type AnalyzedFile } from '../core/service/program';
import type { RuleContext } from '../core/rules/rule';
import { readContent } from './files';

export interface WorkRequest {
  id: number;
  paths: string[];
  context: RuleContext;
}

export interface WorkResponse {
  id: number;
  results?: AnalyzedFile[];
  error?: string;
}

function analyze(path: string, context: RuleContext): AnalyzedFile {
  const content = readContent(path, context.maxFileBytes);
  if (!content) return { path };
  return { path, hash: hashText(content.text), analysis: analyzeFile({ path, ...content }, context) };
}

parentPort?.on('message', ({ id, paths, context }: WorkRequest) => {
  let response: WorkResponse;
  try {
    response = { id, results: paths.map((path) => analyze(path, context)) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
