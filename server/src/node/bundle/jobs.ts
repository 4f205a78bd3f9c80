// The two jobs of an export's worker threads, and where they run: analysing a chunk of files
// (process-file.ts) and compressing a batch of bundle files (store.ts).
import type { AnalysisPool } from '../analysis-pool';
import { processChunk, type ProcessRequest } from './process-file';
import { storeFiles, type StoreRequest } from './store';

export type BundleJob = ({ job: 'process' } & ProcessRequest) | ({ job: 'store' } & StoreRequest);

export function runJob(request: BundleJob): unknown[] {
  return request.job === 'process' ? processChunk(request) : storeFiles(request);
}

/** On a worker of the pool; in this thread when there is no pool or the worker fails (or its script is not there, as under tsx). */
export async function onPool<Result>(pool: AnalysisPool | undefined, request: BundleJob): Promise<Result[]> {
  if (pool) {
    try {
      return await pool.request<Result>(request);
    } catch {
      // Done again here, below.
    }
  }
  return runJob(request) as Result[];
}
