import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ServerCommand } from '../../protocol';
import type { ServerState } from '../state';
import { advancePhaseFeature } from './advance-phase';
import { newRecordFeature } from './new-record';
import { refreshFeature } from './refresh';
import { summaryFeature } from './summary';

/** Runs one server command (`workspace/executeCommand`) with the arguments the client sent. */
export type CommandHandler = (args: readonly unknown[], connection: Connection, state: ServerState) => unknown;

/**
 * One editor feature of the server: what it announces in `initialize`, and its handlers,
 * each a few lines that call the pure service (core/service/) with `state.request(uri)`.
 */
export interface Feature {
  capabilities: ServerCapabilities;
  /** The server commands it runs, by id: server.ts announces them all and dispatches each call. */
  commands?: Partial<Record<ServerCommand, CommandHandler>>;
  register?(connection: Connection, state: ServerState): void;
}

/** Every feature the server offers; a new one is one module here and one service module. */
export const FEATURES: readonly Feature[] = [
  summaryFeature,
  advancePhaseFeature,
  newRecordFeature,
  refreshFeature,
];
