import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ServerState } from '../state';
import { codeLensFeature } from './code-lens';
import { definitionFeature } from './definition';
import { documentSymbolsFeature } from './document-symbols';
import { inlayHintsFeature } from './inlay-hints';
import { referencesFeature } from './references';
import { renameFeature } from './rename';
import { workspaceSymbolsFeature } from './workspace-symbols';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { codeActionsFeature } from './code-actions';

/**
 * One editor feature of the server: what it announces in `initialize`, and its handlers,
 * each a few lines that call the pure service (core/service/) with `state.request(uri)`.
 */
export interface Feature {
  capabilities: ServerCapabilities;
  register(connection: Connection, state: ServerState): void;
}

/** Every feature the server offers; a new one is one module here and one service module. */
export const FEATURES: readonly Feature[] = [
  inlayHintsFeature,
  codeLensFeature,
  documentSymbolsFeature,
  definitionFeature,
  referencesFeature,
  renameFeature,
  workspaceSymbolsFeature,
  completionFeature,
  hoverFeature,
  codeActionsFeature,
];
