/**
 * The real editor the e2e suites drive, installed (or found in its cache) by install.mjs. That
 * script is the one place that knows where the install lives; it answers with one JSON line.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface Editor {
  /** `${XDG_CACHE_HOME:-~/.cache}/cc7-e2e`: the install's parent, also home of the demo's state. */
  cache: string;
  /** Node 24, which code-server and its native modules need. */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServer: string;
  /** Debian's Chromium, which playwright-core drives. */
  chromium: string;
}

const INSTALL_SCRIPT = path.join(__dirname, '..', 'install.mjs');

/** Installs code-server, Node 24 and Chromium where missing; throws a one-line reason when it cannot. */
export function installEditor(): Editor {
  const run = spawnSync(process.execPath, [INSTALL_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`could not install code-server (node test/e2e/install.mjs exited with ${run.status ?? run.signal}; its output is above)`);
  return JSON.parse(run.stdout) as Editor;
}
