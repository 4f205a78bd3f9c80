/** examples/acme as a test workspace: where it is, its as-of time (EXPECTED.md), and throwaway copies of it. */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rangeOfSnippet } from './fixtures';
import { fileUri } from './lsp-client';

export const ACME = path.join(__dirname, '..', '..', 'examples', 'acme');
/** The as-of time EXPECTED.md describes the example at. */
export const ACME_NOW = '2026-11-26T12:00:00Z';
/** How many CC7 documents examples/acme holds (each gets a publication after the scan). */
export const ACME_FILES = 26;

/** A fresh copy of examples/acme, for tests that change files. */
export function copyAcme(): { root: string; remove: () => void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-acme-')));
  cpSync(ACME, root, { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A place in a file of a workspace, by a snippet with its [[marked]] part: its URI and range. */
export function placeOf(root: string, file: string, snippet: string) {
  const full = path.join(root, file);
  return { uri: fileUri(full), range: rangeOfSnippet(readFileSync(full, 'utf8'), snippet, file) };
}
