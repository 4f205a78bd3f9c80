import type { Target } from '../model/locate';
import type { Cc7Document } from '../model/document';
import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import type { PlanFacts } from '../model/plan';
import type { Range, RelatedLocation, Severity, YamlPath } from '../model/types';

/** What every rule is, as data: the registry, the docs and SARIF are built from this. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  /** The SOC 2 criteria the rule serves, e.g. "CC7.3–CC7.5". */
  criteria: string;
}

/** A rule's finding before the core turns its path into a range. */
export interface Report {
  /** Where: a YAML path (the core locates it) or, for text-level findings, a range. */
  path?: YamlPath;
  on?: Target;
  range?: Range;
  message: string;
  /** A severity other than the rule's default (e.g. an error once the incident is closed). */
  severity?: Severity;
  /** The id inside the document the finding is about (REM-3, IMP-1): what a waiver's `target` names. */
  subject?: string;
  related?: RelatedLocation[];
}

/** Inputs every rule may read besides the document itself. */
export interface RuleContext {
  /** Epoch milliseconds. */
  now: number;
  /** The governing ResponsePlan of the workspace, when there is one. */
  plan: PlanFacts | undefined;
  /** Files over this many bytes are reported, not parsed. */
  maxFileBytes: number;
}

/**
 * A rule: metadata plus one or both checks. `checkDocument` reads one parsed document (and
 * the plan); `checkWorkspace` compares documents through the facts index, never a parse
 * tree, and locates its findings by ranges kept in the facts.
 */
export interface Rule extends RuleMeta {
  checkDocument?(doc: Cc7Document, context: RuleContext): Report[];
  checkWorkspace?(facts: DocumentFacts, index: WorkspaceIndex, context: RuleContext): Report[];
}

/** The base of every rule's documentation link. */
export const RULE_DOCS_BASE = 'https://github.com/cc7/cc7/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
