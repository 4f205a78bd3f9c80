/** examples/acme as a test workspace: where it is, its as-of time (EXPECTED.md), and throwaway copies of it. */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rangeOfSnippet } from './fixtures';
import { fileUri, LspClient } from './lsp-client';

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

/**
 * Registers afterEach for a describe block whose tests start servers on examples/acme (which
 * they must not change) or on a fresh copy of it: after each test its servers are ended and its
 * copy removed.
 */
export function acmeServers(): {
  /** Starts a server on `root` at `now` and waits until its scan has published `documents` files. */
  start(root?: string, now?: string, documents?: number): Promise<LspClient>;
  /** A fresh copy of examples/acme for this test; its root. */
  copy(): string;
} {
  let servers: LspClient[] = [];
  let copies: { remove: () => void }[] = [];
  afterEach(async () => {
    for (const server of servers) await server.end();
    for (const copy of copies) copy.remove();
    servers = [];
    copies = [];
  });
  return {
    async start(root = ACME, now = ACME_NOW, documents = ACME_FILES) {
      const server = await LspClient.start({ workspace: root, env: { CC7_NOW: now } });
      servers.push(server);
      await server.waitForPublishedUris(documents);
      return server;
    },
    copy() {
      const copy = copyAcme();
      copies.push(copy);
      return copy.root;
    },
  };
}
