// The child process the language server runs an export or a verify in (task-process.ts): the
// CLI's own exportBundle and verifyBundle, so the editor writes the bytes `cc7 export` writes,
// while the server's thread stays free for the editor (an export at 10,000 records keeps a
// thread busy for seconds at a time) and the export's memory goes when it ends. It is the
// server's own script started with BUNDLE_TASK_ARG, so the extension ships the export once.
import { describeError } from './errors';
import { exportBundle } from './export';
import type { FromTask, ToTask } from './task-protocol';
import { verifyBundle } from './verify';

/** The argument that starts the server's script as a bundle task instead of a language server. */
export const BUNDLE_TASK_ARG = '--bundle-task';

let cancelled = false;
const isCancelled = () => cancelled;
const send = (message: FromTask, then?: () => void) => {
  if (process.connected) process.send!(message, undefined, {}, then);
};

async function run(task: Extract<ToTask, { start: unknown }>['start']): Promise<void> {
  try {
    const result = task.kind === 'export'
      ? await exportBundle(task.options, (progress) => send({ progress }), isCancelled)
      : await verifyBundle(task.options, (progress) => send({ progress }), isCancelled);
    send({ result }, () => process.disconnect());
  } catch (error) {
    // exportBundle and verifyBundle word what goes wrong as a BundleError; anything else is said as it is.
    send({ error: describeError(error) }, () => process.disconnect());
  }
}

/** Waits for the task from the server, runs it, answers and ends. */
export function serveBundleTask(): void {
  process.on('message', (message: ToTask) => {
    if ('cancel' in message) cancelled = true;
    else void run(message.start);
  });
  // The server went away: nothing waits for the task; it stops at its next check, leaving no
  // temporary files, and the process ends with it.
  process.on('disconnect', () => { cancelled = true; });
}
