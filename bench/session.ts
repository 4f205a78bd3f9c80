/**
 * A benchmark workspace and a language server on it: the generated corpus written into a
 * folder of the run's own, the server started over stdio (with an analysis cache folder, as
 * the VS Code client starts it, when asked) and timed until diagnostics for every file have
 * arrived, with the CPU time it took (its worker threads included).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient } from '../test/support/lsp-client';
import { writeCorpus } from './corpus';
import { loadNow } from './report';

export const NOW = '2026-11-26T12:00:00Z';
export const TIMEOUT_MS = 15 * 60_000;
/** Plan and runbooks beside the incidents. */
export const EXTRA_FILES = 4;

export interface Workspace {
  dir: string;
  /** The incident files, in order. */
  files: string[];
}

export interface Server {
  client: LspClient;
  /** From starting the process until diagnostics for every file arrived. */
  ms: number;
  /** The server's CPU time over the same span. */
  cpuMs: number;
  load: number[];
}

/** The corpus of `count` incidents in `root`/`count`. */
export function writeWorkspace(root: string, count: number): Workspace {
  const dir = path.join(root, String(count));
  return { dir, files: writeCorpus(dir, count) };
}

/** A new, empty cache folder beside the workspace (inside the run's folder). */
export function newCacheDir(workspace: Workspace): string {
  return mkdtempSync(path.join(path.dirname(workspace.dir), 'cache-'));
}

/**
 * Starts a server on the workspace and waits for every file's diagnostics. As the VS Code
 * client starts it: with a cache folder (a new, empty one unless given), which it writes
 * after changes settle and at shutdown. The debug requests are on (cc7/debug/stats,
 * cc7/debug/settled): the plan-edit benchmark asks them.
 */
export async function startServer(workspace: Workspace, cacheDir = newCacheDir(workspace)): Promise<Server> {
  const start = performance.now();
  const client = await LspClient.start({
    workspace: workspace.dir,
    initializationOptions: { cacheDir },
    env: { CC7_NOW: NOW, CC7_DEBUG_STATS: '1' },
  });
  await client.waitForPublishedUris(workspace.files.length + EXTRA_FILES, TIMEOUT_MS);
  return { client, ms: performance.now() - start, cpuMs: cpuMs(client), load: loadNow() };
}

/** Opens a file in the editor and waits for the open buffer's diagnostics (a file on disk was published by the scan already). */
export async function openChecked(client: LspClient, file: string, text: string): Promise<string> {
  const uri = fileUri(file);
  const seen = client.diagnosticsHistory(uri).length;
  await client.open(file, text);
  await client.waitForDiagnostics(uri, () => client.diagnosticsHistory(uri).length > seen, TIMEOUT_MS);
  return uri;
}

let ticksPerSecond: number | undefined;

/** The server process's CPU time so far (user and system, all its threads), from /proc. */
export function cpuMs(client: LspClient): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  const stat = readFileSync(`/proc/${client.pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

export function peakRssMb(client: LspClient): number {
  return client.memory().peak / 1024 / 1024;
}
