/**
 * What the completion and hover tests (test/lsp/features) share about their fixture workspace,
 * test/fixtures/lsp/editor (described in completion.test.ts), evaluated at DEFAULT_NOW.
 */
import { FixtureWorkspace } from './lsp-client';

/** The CC7 documents of the fixture workspace. */
export const EDITOR_DOCUMENTS = 7;

/** An incident in investigation whose notification clocks run. */
export const INCIDENT = 'incidents/INC-2026-001.yaml';
/** An incident just opened, still in identification. */
export const NEW_INCIDENT = 'incidents/INC-2026-002.yaml';

/** Registers the hooks of a describe block: one copy of the workspace and one server on it for all its tests. */
export function sharedEditorWorkspace(): FixtureWorkspace {
  return new FixtureWorkspace('editor', EDITOR_DOCUMENTS).shared();
}
