/** What the editor-feature tests (test/lsp/features) share about their fixture workspace, test/fixtures/lsp/navigation. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, Position } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from './fixtures';
import { FULL_CAPABILITIES, LspClient, type LspClientOptions } from './lsp-client';

/** The pinned "now" of the fixture's expected hints, lenses and countdowns. */
export const NAVIGATION_NOW = '2026-03-05T00:05:00Z';

/** The CC7 documents of the fixture workspace. */
const DOCUMENTS = 6;

/** A client that also asks to be told when to refresh its inlay hints and code lenses. */
export const REFRESHING: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
};

/** Starts the server on a copy of the workspace at NAVIGATION_NOW and waits until its scan is published. */
export async function startOn(root: string, options: Omit<LspClientOptions, 'workspace'> = {}): Promise<LspClient> {
  const server = await LspClient.start({ workspace: root, ...options, env: { CC7_NOW: NAVIGATION_NOW, ...options.env } });
  await server.waitForPublishedUris(DOCUMENTS);
  return server;
}

/** Opens a file of the workspace with its text on disk; returns its URI and text. */
export async function openFile(server: LspClient, root: string, relative: string): Promise<{ uri: string; text: string }> {
  const text = readFileSync(path.join(root, relative), 'utf8');
  return { uri: await server.open(path.join(root, relative), text), text };
}

/** The cursor at the start of the [[marked]] part of a snippet that occurs once in `text`. */
export function cursorAt(text: string, snippet: string): Position {
  return rangeOfSnippet(text, snippet, snippet).start;
}

/**
 * Makes a change (or none: time passing), then waits for the server's refresh requests of
 * `method` that come after it until what the client then asks for `shows` the change.
 */
export async function refreshedUntil(server: LspClient, method: string, change: () => Promise<void>, shows: () => Promise<boolean>, timeoutMs?: number): Promise<void> {
  let seen = server.refreshes.get(method) ?? 0;
  await change();
  for (;;) {
    await server.waitForRefresh(method, seen + 1, timeoutMs);
    seen = server.refreshes.get(method)!;
    if (await shows()) return;
  }
}
