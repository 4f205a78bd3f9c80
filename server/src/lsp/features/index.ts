import type { CancellationToken, Connection, ServerCapabilities, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ServerCommand } from '../../protocol';
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
import { advancePhaseFeature } from './advance-phase';
import { newRecordFeature } from './new-record';
import { refreshFeature } from './refresh';
import { evidenceBundleFeature } from './evidence-bundle';
import { summaryFeature } from './summary';

/** The request a command runs in: cancelled when the client cancels it; progress goes to the client's `workDoneToken`, if it sent one. */
export interface CommandRun {
  token: CancellationToken;
  progress: WorkDoneProgressReporter;
}

/** Runs one server command (`workspace/executeCommand`) with the arguments the client sent. */
export type CommandHandler = (args: readonly unknown[], connection: Connection, state: ServerState, run: CommandRun) => unknown;

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
  summaryFeature,
  advancePhaseFeature,
  newRecordFeature,
  refreshFeature,
  evidenceBundleFeature,
];
