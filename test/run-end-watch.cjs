// Mocha ends a run by letting the event loop drain: one timer, socket or child process a test
// left behind keeps the process alive, and the stage sits there until run.mjs stops it at its
// time limit (CI once lost 13 minutes so, all tests passed). After the run's end, this waits a little,
// then names what still holds the process, ends the child processes among it, and exits with
// mocha's own exit code (its failures), so a leak is reported and the run still ends.
const GRACE_MS = 10_000;

function describeHandle(handle) {
  const kind = handle?.constructor?.name ?? typeof handle;
  if (handle?.spawnargs) return `${kind} pid ${handle.pid}: ${handle.spawnargs.join(' ')}`;
  if (typeof handle?.threadId === 'number') return `${kind} thread ${handle.threadId}`;
  if (typeof handle?.remoteAddress === 'string') return `${kind} to ${handle.remoteAddress}:${handle.remotePort}`;
  if (typeof handle?.fd === 'number') return `${kind} fd ${handle.fd}`;
  return kind;
}

function reportAndExit() {
  const handles = process._getActiveHandles().filter((handle) => handle !== process.stdout && handle !== process.stderr && handle !== process.stdin);
  const resources = process.getActiveResourcesInfo().filter((name) => name !== 'TTYWrap');
  console.error(`\nThe run ended ${GRACE_MS / 1000} s ago, and something a test left still holds the process: ${resources.join(', ')}`);
  for (const handle of handles) console.error(`  ${describeHandle(handle)}`);
  for (const handle of handles) if (handle?.spawnargs && handle.exitCode === null) handle.kill('SIGKILL');
  // process.exitCode is mocha's (its failures), set when the run ended.
  process.exit();
}

/** Called when the run has ended (the reporter's end event); the timer never keeps the process alive. */
exports.watchExit = () => {
  setTimeout(reportAndExit, GRACE_MS).unref();
};
