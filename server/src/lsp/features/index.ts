import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ServerState } from '../state';
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
  codeActionsFeature,
];
