/** Temporary folders for one run: workspaces, code-server state, browser profiles. */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The as-of instant examples/acme/EXPECTED.md is written for; code-server passes it on as CC7_NOW. */
export const ACME_NOW = '2026-11-26T12:00:00Z';

/** A new empty folder under the system's temp dir, by its real path (code-server and VS Code compare real paths). */
export function scratchDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `cc7-e2e-${prefix}-`)));
}

/** A fresh copy of examples/<name>, so tests can edit it. */
export function copyExample(name: string): string {
  const dir = scratchDir(name);
  cpSync(path.join(REPO_ROOT, 'examples', name), dir, { recursive: true });
  return dir;
}

export function removeDirs(dirs: readonly string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
