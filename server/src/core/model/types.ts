/** Shared vocabulary of the analysis core. The core is pure: it never touches the file system or a clock. */

/** A severity in words; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 0-based line, 0-based character in UTF-16 code units (the LSP convention). */
export interface Position {
  line: number;
  character: number;
}

/** 0-based, end exclusive (the LSP convention). */
export interface Range {
  start: Position;
  end: Position;
}

/** A location in another (or the same) file that explains a finding. */
export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

/** One diagnostic, ready for any adapter (LSP, CLI, tree view). */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The workspace-relative or absolute path the adapter handed in. */
  path: string;
  range: Range;
  message: string;
  related?: RelatedLocation[];
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export const KINDS = ['ResponsePlan', 'Incident', 'SecurityEvent', 'Runbook', 'TabletopExercise'] as const;
export type Kind = (typeof KINDS)[number];

export const API_VERSION = 'cc7/v1';
