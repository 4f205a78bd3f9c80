// Git provenance as plain data (the node layer reads git): per record, when it was first and
// last committed and by whom, and how long after detection it was first committed.
import { hours, HOUR_MS } from './format';

/** How a record stands in the repository. */
export type CommitState = 'committed' | 'uncommitted-changes' | 'not-committed';

export interface RecordHistory {
  state: CommitState;
  firstCommitAt?: number;
  lastCommitAt?: number;
  commits: number;
  /** `Name <email>`, sorted, each once. */
  authors: string[];
}

export type Provenance =
  | { available: false; reason: string }
  | {
    available: true;
    /** The HEAD commit; undefined in a repository without commits. */
    head?: string;
    /** Whether the repository has changes not committed (tracked or untracked). */
    dirty: boolean;
    /** By workspace-relative path. */
    records: ReadonlyMap<string, RecordHistory>;
  };

/** SPEC: records first committed more than this after detection are listed as gaps. */
export const DEFAULT_OPENED_WITHIN_HOURS = 24;

export interface OpeningCheck {
  /** First commit minus detected_at, in hours; undefined when either is unknown. */
  openedAfterHours?: number;
  /** Opened later than the allowance, or still not committed longer after detection than it allows. */
  late: boolean;
}

export function openingCheck(history: RecordHistory | undefined, detectedAt: number | undefined, allowanceHours: number, asOf: number): OpeningCheck {
  if (!history || detectedAt === undefined) return { late: false };
  const allowance = allowanceHours * HOUR_MS;
  if (history.firstCommitAt === undefined) return { late: asOf - detectedAt > allowance };
  const after = history.firstCommitAt - detectedAt;
  return { openedAfterHours: hours(after), late: after > allowance };
}
