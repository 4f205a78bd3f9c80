/**
 * The custom protocol the cc7 language server and the VS Code client share: request,
 * notification and command ids with their parameter and result types, typed once here and
 * imported by both sides (and usable by any other editor's client). Plain data only: every
 * position is LSP's (0-based line, UTF-16 character), every instant an RFC 3339 string in UTC.
 */
import type { Range } from 'vscode-languageserver-types';

/** Commands the server executes (`workspace/executeCommand`); distinct from the client's `cc7.*` command ids. */
export const ServerCommands = {
  /** Moves an incident to its next phase: applies the edit with `workspace/applyEdit`, or answers the missing evidence. */
  advancePhase: 'cc7.server.advancePhase',
  /** The text of a new record (incident, security event, tabletop exercise) with the next free id. */
  newRecord: 'cc7.server.newRecord',
} as const;
export type ServerCommand = (typeof ServerCommands)[keyof typeof ServerCommands];

/** Requests for tests, answered only when the server runs with CC7_DEBUG_STATS=1. */
export const DebugRequests = {
  /** What the server has read and analysed since it started: DebugStats. */
  stats: 'cc7/debug/stats',
} as const;

export interface DebugStats {
  /** Whole or partial reads of each file by the server's main thread, by path. */
  reads: Record<string, number>;
  /** Documents analysed (here or on workers), and restored from the analysis cache. */
  analysed: number;
  restored: number;
}

/** Where a record or item is written. */
export interface RecordLocation {
  uri: string;
  range: Range;
}
