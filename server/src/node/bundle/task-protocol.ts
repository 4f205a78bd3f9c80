// The messages between the language server and the child process that runs an export or a
// verify for it (task-process.ts, task.ts), over node's IPC channel.
import type { ExportOptions, ExportProgress, ExportResult } from './export';
import type { VerifyOptions, VerifyProgress, VerifyResult } from './verify';

export type BundleTask =
  | { kind: 'export'; options: ExportOptions }
  | { kind: 'verify'; options: VerifyOptions };

export interface BundleTaskTypes {
  export: { progress: ExportProgress; result: ExportResult };
  verify: { progress: VerifyProgress; result: VerifyResult | { status: 'cancelled' } };
}

/** Server → child: the task, once; then perhaps a cancel. */
export type ToTask = { start: BundleTask } | { cancel: true };

/** Child → server: progress, then one result or one error (a BundleError's one-line message). */
export type FromTask<K extends BundleTask['kind'] = BundleTask['kind']> =
  | { progress: BundleTaskTypes[K]['progress'] }
  | { result: BundleTaskTypes[K]['result'] }
  | { error: string };
