/** A worker thread of an export: runs the jobs it is sent (see jobs.ts). */
import { parentPort } from 'node:worker_threads';
import { runJob, type BundleJob } from './jobs';

parentPort?.on('message', ({ id, ...request }: BundleJob & { id: number }) => {
  try {
    parentPort!.postMessage({ id, results: runJob(request) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
