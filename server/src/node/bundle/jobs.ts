// The jobs of an export's worker threads, and where they run: analysing a chunk of files
// (process-file.ts), compressing a batch of bundle files (store.ts), making and compressing a
// batch of record pages (pages.ts).
import type { AnalysisPool } from '../analysis-pool';
import { storePages, type PagesRequest } from './pages';
import { processChunk, type ProcessRequest } from './process-file';
import { storeFiles, type StoreRequest } from './store';

export type BundleJob = ({ job: 'process' } & ProcessRequest) | ({ job: 'store' } & StoreRequest) | ({ job: 'pages' } & PagesRequest);

export function runJob(request: BundleJob): unknown[] {
  switch (request.job) {
    case 'process': return processChunk(request);
    case 'store': return storeFiles(request);
    case 'pages': return storePages(request);
  }
}

/**
 * On a worker of the pool; in this thread when there is no pool or the worker fails (or its
 * script is not there, as under tsx). `checkCancel` runs first: after a cancel the pool is
 * disposed, which fails every request, and none is to be done again here.
 */
export async function onPool<Result>(pool: AnalysisPool | undefined, request: BundleJob, checkCancel: () => void): Promise<Result[]> {
  if (pool) {
    try {
      return await pool.request<Result>(request);
    } catch {
      checkCancel();
    }
  }
  return runJob(request) as Result[];
}
