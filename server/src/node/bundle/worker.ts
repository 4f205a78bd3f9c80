/** A worker thread of an export: processes the files it is sent (see process-file.ts). */
import { parentPort } from 'node:worker_threads';
import { processFile, type ProcessRequest } from './process-file';

parentPort?.on('message', ({ id, paths, ...request }: ProcessRequest & { id: number }) => {
  try {
    parentPort!.postMessage({ id, results: paths.map((file) => processFile(file, request)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
