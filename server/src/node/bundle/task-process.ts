// Runs an export or a verify for the language server in a child process (task.ts): one code
// path with `cc7 export` / `cc7 verify`, the server's thread kept for the editor meanwhile.
import { fork } from 'node:child_process';
import { BundleError } from './errors';
import { BUNDLE_TASK_ARG } from './task';
import type { BundleTask, BundleTaskTypes, FromTask, ToTask } from './task-protocol';

/** What the LSP CancellationToken offers, without importing the LSP library into the node layer. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): unknown;
}

/** The last lines of the child's stderr kept, to say why it stopped when it crashes. */
const STDERR_KEPT = 2_000;

export function runBundleTask<K extends BundleTask['kind']>(
  task: Extract<BundleTask, { kind: K }>,
  progress: (update: BundleTaskTypes[K]['progress']) => void,
  cancellation: Cancellation,
): Promise<BundleTaskTypes[K]['result']> {
  // The server's own script (process.argv[1]) in its task mode; execArgv [] so that a server
  // started under a debugger does not start its child on the same inspector port.
  const child = fork(process.argv[1]!, [BUNDLE_TASK_ARG], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-STDERR_KEPT); });
  const send = (message: ToTask) => {
    if (child.connected) child.send(message);
  };
  // Settled when the child has exited, so that nothing of the task runs on after its answer.
  return new Promise((resolve, reject) => {
    let answer: { result: BundleTaskTypes[K]['result'] } | { error: string } | undefined;
    child.on('message', (message: FromTask<K>) => {
      if ('progress' in message) progress(message.progress);
      else answer = message;
    });
    child.on('error', (error) => reject(new BundleError(`the ${task.kind} could not run: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (answer && 'result' in answer) resolve(answer.result);
      else if (answer) reject(new BundleError(answer.error));
      else {
        const why = stderr.trim().split('\n').at(-1) ?? '';
        reject(new BundleError(`the ${task.kind} stopped before it finished (${signal ?? `exit code ${code}`})${why ? `: ${why}` : ''}`));
      }
    });
    cancellation.onCancellationRequested(() => send({ cancel: true }));
    send({ start: task });
    if (cancellation.isCancellationRequested) send({ cancel: true });
  });
}
