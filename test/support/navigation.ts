/** What the editor-feature tests (test/lsp/features) share about their fixture workspace, test/fixtures/lsp/navigation. */
import type { ClientCapabilities, Position } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from './fixtures';
import { FixtureWorkspace, FULL_CAPABILITIES, type LspClient } from './lsp-client';

/** The pinned "now" of the fixture's expected hints, lenses and countdowns. */
export const NAVIGATION_NOW = '2026-03-05T00:05:00Z';

/** The CC7 documents of the fixture workspace. */
const DOCUMENTS = 6;

/** The fixture's documents, relative to its root. */
export const PLAN = 'plan/response-plan.yaml';
/** An open incident in containment. */
export const INCIDENT = 'incidents/INC-2026-001.yaml';
export const CLOSED = 'incidents/INC-2026-002.yaml';
export const EVENT = 'events/EVT-2026-0001.yaml';
export const RUNBOOK = 'runbooks/RB-CREDENTIAL-LEAK.yaml';
export const TABLETOP = 'tabletop/TTX-2026-01.yaml';

/** A client that also asks to be told when to refresh its inlay hints and code lenses. */
export const REFRESHING: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
};

/** The fixture workspace, its servers at NAVIGATION_NOW: register its hooks with `shared()` or `perTest()`. */
export function navigationWorkspace(): FixtureWorkspace {
  return new FixtureWorkspace('navigation', DOCUMENTS, { CC7_NOW: NAVIGATION_NOW });
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
