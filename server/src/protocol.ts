/**
 * The custom protocol the cc7 language server and the VS Code client share: request,
 * notification and command ids with their parameter and result types, typed once here and
 * imported by both sides (and usable by any other editor's client). Plain data only: every
 * position is LSP's (0-based line, UTF-16 character), every instant an RFC 3339 string in UTC.
 * The data shapes the pure services (and the bundle's export and verify) compute are defined
 * beside them (the core imports nothing outside itself) and re-exported here, type-only, so
 * the client bundle takes no server code.
 */
import type { Range } from 'vscode-languageserver-types';
import type { PeriodChoices } from './core/bundle/period';
import type { SecretHit } from './core/bundle/redact';
import type { MissingEvidence } from './core/service/advance-phase';
import type { NewRecordFields, NewRecordKind, RecordChoices } from './core/service/new-record';
import type { ExportResult } from './node/bundle/export';
import type { VerifyResult } from './node/bundle/verify';
import type { Position } from 'vscode-languageserver-types';

export type {
  AuditPeriod,
  ClockSummary,
  ClosedIncidentSummary,
  IncidentSummary,
  ItemSummary,
  PhaseGroup,
  SummaryLocation,
  SummaryPhase,
  WorkspaceSummary,
} from './core/service/summary';
export type { MissingEvidence, NewRecordFields, NewRecordKind, RecordChoices, VerifyResult };

/** Commands the server executes (`workspace/executeCommand`); distinct from the client's `cc7.*` command ids. */
export const ServerCommands = {
  /** Moves an incident to its next phase: applies the edit with `workspace/applyEdit`, or answers the missing evidence. */
  advancePhase: 'cc7.server.advancePhase',
  /** The text of a new record (incident, security event, tabletop exercise) with the next free id. */
  newRecord: 'cc7.server.newRecord',
  /** Re-scans every workspace folder (cc7.refresh). */
  refresh: 'cc7.server.refresh',
  /**
   * Writes the evidence bundle (SPEC 6) with the CLI's own export, at the server's clock. Takes
   * a `workDoneToken` (the stages and file counts) and honours cancellation: nothing is left.
   */
  exportBundle: 'cc7.server.exportBundle',
  /** Checks a bundle's hashes and signature as `cc7 verify` does; progress and cancellation as exportBundle. */
  verifyBundle: 'cc7.server.verifyBundle',
} as const;
export type ServerCommand = (typeof ServerCommands)[keyof typeof ServerCommands];

/** Commands of the VS Code client (SPEC 5) that the server names, as code lenses do. */
export const ClientCommands = {
  /** Moves an incident to its next phase; a code lens passes `[documentUri: string]`. */
  advancePhase: 'cc7.advancePhase',
} as const;

/** Custom requests: `connection.sendRequest(Requests.workspaceSummary)`. */
export const Requests = {
  /** No parameters → WorkspaceSummary: what the lifecycle tree, the status bar and the alerts show. */
  workspaceSummary: 'cc7/workspaceSummary',
  /** RecordChoicesParams → RecordChoices: what a client offers while asking for a new record's fields. */
  recordChoices: 'cc7/recordChoices',
  /** BundlePeriodsParams → BundlePeriods: the audit periods to offer, at the server's clock in the plan's zone. */
  bundlePeriods: 'cc7/bundlePeriods',
  /** ResolveBundlePeriodParams → ResolvedBundlePeriod: a typed period checked by the CLI's parser. */
  resolveBundlePeriod: 'cc7/resolveBundlePeriod',
} as const;

/** Custom notifications from the server. */
export const Notifications = {
  /** No parameters: the index changed, so a client showing the summary asks for it again. */
  summaryChanged: 'cc7/summaryChanged',
} as const;

/** Requests for tests, answered only when the server runs with CC7_DEBUG_STATS=1. */
export const DebugRequests = {
  /** What the server has read and analysed since it started: DebugStats. */
  stats: 'cc7/debug/stats',
  /** DebugCounts, answered once no re-analysis is waiting or running (a plan edit's re-checks are all published). */
  settled: 'cc7/debug/settled',
} as const;

export interface DebugCounts {
  /** Documents analysed (here or on workers), and restored from the analysis cache. */
  analysed: number;
  restored: number;
}

export interface DebugStats extends DebugCounts {
  /** Whole or partial reads of each file by the server's main thread, by path. */
  reads: Record<string, number>;
  /** The texts of open documents parsed whole, and those re-parsed from the previous version's parse by a splice. */
  openParses: { whole: number; spliced: number };
  /** Analysis worker threads running now, and started since the server started (ended when idle, started again on demand). */
  workers: { running: number; started: number };
}

/** Where a record or item is written. */
export interface RecordLocation {
  uri: string;
  range: Range;
}

export interface RecordChoicesParams {
  /** The workspace folder the record goes into; the first one when absent. */
  folder?: string;
}

/** `ServerCommands.advancePhase`'s one argument. */
export interface AdvancePhaseArgs {
  /** The incident's document. */
  uri: string;
}

/** What `ServerCommands.advancePhase` answers. */
export type AdvancePhaseResult =
  | {
    applied: true;
    /** The phase the incident is in now. */
    phase: string;
  }
  | {
    applied: false;
    /** Why not, in a sentence for the user. */
    reason: string;
    /** The evidence the next phase needs, in the incident's document (`uri`); empty when the refusal is about something else. */
    missing: MissingEvidence[];
  };

/** `ServerCommands.newRecord`'s one argument. */
export interface NewRecordArgs extends NewRecordFields {
  kind: NewRecordKind;
  /** The workspace folder's URI; the first folder when absent. */
  folder?: string;
}

/** What `ServerCommands.newRecord` answers: the client writes `text` to `uri` (which does not exist yet) and puts the cursor at `cursor`. */
export interface NewRecordResult {
  id: string;
  uri: string;
  text: string;
  cursor: Position;
}

export interface BundlePeriodsParams {
  /** The workspace folder's URI; the first folder when absent. */
  folder?: string;
}

/** The periods an export offers, each `START..END` as `cc7 export --period` takes it. */
export interface BundlePeriods {
  /** The server's clock, the as-of every export it runs uses. */
  asOf: string;
  /** The plan's zone: period dates are whole days there. */
  zone: string;
  choices: Record<keyof PeriodChoices, string>;
}

export interface ResolveBundlePeriodParams extends BundlePeriodsParams {
  /** `START..END`: dates or RFC 3339 instants. */
  text: string;
}

/** The period's instants (RFC 3339, UTC), or why the text is not a period. */
export type ResolvedBundlePeriod = { text: string; start: string; end: string } | { error: string };

/** `ServerCommands.exportBundle`'s one argument. */
export interface ExportBundleArgs {
  /** The workspace folder's URI; the first folder when absent. */
  folder?: string;
  /** The zip's file URI. */
  out: string;
  /** `START..END`; the calendar year of the as-of when absent. */
  period?: string;
  /** Mask credentials in every copy instead of refusing (`--redact`). */
  redact?: boolean;
  /** Replace an existing file (`--force`). */
  force?: boolean;
}

/** A value that looks like a credential, where it is: never the value. */
export interface BundleSecret extends SecretHit {
  /** The record's document. */
  uri: string;
}

type ExportWritten = Extract<ExportResult, { status: 'written' }>;

/** What `ServerCommands.exportBundle` answers: the export's own result, files as URIs; `error` for what `cc7 export` reports as a usage or I/O error. */
export type ExportBundleResult =
  | (Omit<ExportWritten, 'out'> & { uri: string })
  | { status: 'blocked-by-secrets'; secrets: BundleSecret[] }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** `ServerCommands.verifyBundle`'s one argument. */
export interface VerifyBundleArgs {
  /** The zip's file URI. */
  file: string;
  /** An OpenSSH allowed_signers file's URI: who may have signed. */
  allowedSigners?: string;
}

/** What `ServerCommands.verifyBundle` answers: verify's own result (`verified` or `failed`), or `error` for what `cc7 verify` reports as a usage or I/O error. */
export type VerifyBundleResult = VerifyResult | { status: 'cancelled' } | { status: 'error'; message: string };
