/** Shared vocabulary of the analysis core. The core is pure: it never touches the file system or a clock. */

/** A severity in words; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly unknown[]).includes(value);
}

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

/** Every rule id of the product (SPEC 2.5); the registry holds one rule for each. */
export const RULE_IDS = [
  'file-too-large',
  'yaml-syntax',
  'multiple-documents',
  'schema',
  'unknown-key',
  'phase-evidence',
  'timeline-order',
  'timestamp-timezone',
  'breach-determination',
  'notification-deadline',
  'pir-deadline',
  'remediation-untracked',
  'remediation-overdue',
  'unknown-reference',
  'duplicate-id',
  'plan-missing',
  'plan-review-overdue',
  'tabletop-overdue',
  'runbook-review-overdue',
  'escalation-link',
  'secret-in-record',
  'waiver-expired',
  'quiet-period',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: unknown): value is RuleId {
  return (RULE_IDS as readonly unknown[]).includes(value);
}

/** What a rule hands its quick fix beside a finding: plain data (it crosses worker threads and LSP). */
export type FixData = Readonly<Record<string, unknown>>;

/** One diagnostic, ready for any adapter (LSP, CLI, tree view). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The workspace-relative or absolute path the adapter handed in. */
  path: string;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  /** The id inside the document the finding is about (REM-3, a regime): what a waiver's `target` names. */
  subject?: string;
  /** What the rule's quick fix needs (see Rule.fix); absent when the rule offers none here. */
  fix?: FixData;
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export const KINDS = ['ResponsePlan', 'Incident', 'SecurityEvent', 'Runbook', 'TabletopExercise'] as const;
export type Kind = (typeof KINDS)[number];

export const API_VERSION = 'cc7/v1';

/** A document, remediation or improvement id (SPEC 2): `INC-2026-014`, `REM-1`. */
export const ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
/** A plan role id, snake_case (the schemas' role_id). */
export const ROLE_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
/** A plan severity id (the schemas' severity_id). */
export const SEVERITY_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
