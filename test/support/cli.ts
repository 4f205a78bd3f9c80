/**
 * Runs the real command line, `node bin/cc7.js ...`, as a child process: what CI runs. The
 * bundle must be built first (`npm run build`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_NOW } from './fixtures';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'cc7.js');
const BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  /** The exit code (null if the process was killed). */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The working folder of the process. */
  cwd: string;
  /** CC7_NOW for the process ("now" unless --as-of says otherwise); DEFAULT_NOW when omitted. */
  now?: string;
  /** Variables to set or override for the process (PATH without git, ...). */
  env?: Record<string, string>;
}

/** The test run's own cache home, so that the CLI never writes to the user's ~/.cache. */
let runCacheHome: string | undefined;

function testCacheHome(): string {
  if (!runCacheHome) {
    const made = mkdtempSync(path.join(tmpdir(), 'cc7-cli-cache-'));
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
    runCacheHome = made;
  }
  return runCacheHome;
}

/** Runs `cc7 <args>` and waits for it; the environment is a copy, never process.env itself. */
export function runCli(args: readonly string[], options: CliOptions): CliRun {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run "npm run build" before the CLI tests`);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, CC7_NOW: options.now ?? DEFAULT_NOW, NO_COLOR: '1', XDG_CACHE_HOME: testCacheHome(), ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A usage or I/O error as SPEC 7 has it: exit 2, nothing on stdout, one stderr line starting `cc7: `. */
export function assertUsageError(run: CliRun): void {
  assert.equal(run.status, 2, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '', 'stdout of a usage error');
  assert.match(run.stderr, /^cc7: [^\n]+\n$/, 'stderr of a usage error: one line starting "cc7: "');
}
