/** The whole bundle as plain data: what every register, page and the manifest are made from. */
import type { Kind, Severity } from './core-api';
import type { Period } from './period';
import type { Provenance } from './provenance';
import type { RecordSummary } from './summary';

/** A finding at the as-of, as the CLI prints it: workspace-relative file, 1-based line and column. */
export interface BundleFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface BundleRecord {
  summary: RecordSummary;
  /** The bundle name without extension: `incidents/INC-2026-014`. */
  name: string;
}

export interface BundleModel {
  organization?: string;
  /** The governing plan's zone (UTC without a plan). */
  zone: string;
  period: Period;
  asOf: number;
  /** The records in the bundle, by name. */
  records: readonly BundleRecord[];
  /** Every finding of the workspace at the as-of, by file, line, column, rule. */
  findings: readonly BundleFinding[];
  provenance: Provenance;
  /** The plan's record_opened_within_hours, or the default. */
  openedWithinHours: number;
  /** Symbolic links that lead out of the workspace: skipped, never read. */
  skippedLinks: readonly string[];
  redacted: boolean;
  signed: boolean;
}

export function recordsOf(model: BundleModel, kind: Kind): BundleRecord[] {
  return model.records.filter((record) => record.summary.kind === kind);
}

/** The bundle file of a workspace path, when the record is in the bundle. */
export function bundleFileIndex(model: BundleModel): Map<string, string> {
  return new Map(model.records.map((record) => [record.summary.path, `${record.name}.yaml`]));
}
