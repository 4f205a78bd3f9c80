import type { Cc7Document } from '../model/document';
import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import { TrackedNow } from '../model/horizon';
import type { Target } from '../model/locate';
import type { PlanFacts, PlanPart } from '../model/plan';
import type { YamlEditor } from '../model/yaml-edit';
import type { Finding, FixData, Kind, Range, RelatedLocation, RuleId, Severity, YamlPath } from '../model/types';

/** What every rule is, as data: the registry, the docs and SARIF are built from this. */
export interface RuleMeta {
  id: RuleId;
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
  /** What the rule's `fix` needs to repair this finding; only rules with a `fix` set it. */
  fix?: FixData;
}

/** Inputs every rule may read besides the document itself (plain data: it is sent to worker threads). */
export interface RuleContext {
  /** Epoch milliseconds. */
  now: number;
  /** The governing ResponsePlan of the workspace, when there is one. */
  plan: PlanFacts | undefined;
  /** Files over this many bytes are reported, not parsed. */
  maxFileBytes: number;
}

/**
 * What a document check reads: the context, with "now" only through TrackedNow, so that
 * every finding that depends on the instant says until when it holds (a cached analysis is
 * used no longer). A workspace check runs at each settle, at the current instant: it reads
 * the plain RuleContext.
 */
export interface DocumentContext extends Omit<RuleContext, 'now'> {
  now: TrackedNow;
}

/** The context of one document's check: `context.now` behind a TrackedNow of its own. */
export function documentContext(context: RuleContext): DocumentContext {
  return { plan: context.plan, maxFileBytes: context.maxFileBytes, now: new TrackedNow(context.now) };
}

/**
 * What a rule reads beyond its own document. The workspace model derives from these which
 * documents to re-check after a change (service/program.ts), so a rule that reads more than
 * it declares goes stale: declare every read.
 */
export interface RuleReads {
  /**
   * The parts of the governing plan the rule's checks read for a document with these facts: a
   * change to one of them re-runs them there (and only there): `checkDocument` by analysing
   * the document again, `checkWorkspace` on its facts. Absent: they read none.
   */
  plan?(facts: DocumentFacts): readonly PlanPart[];
  /** Other documents with this document's id (its findings change when one appears or goes). */
  sameId?: boolean;
  /** The documents this one refers to by id, and the ids of their kind (its messages list them). */
  referenced?: boolean;
  /** Reported on the plans, from every document of these kinds. */
  planOverKinds?: readonly Kind[];
  /** Which document is first in path order, and whether a plan governs (a finding sits there while none does). */
  firstDocument?: boolean;
}

/** A `RuleReads.plan` for a rule that reads these parts of the plan for documents of these kinds, and none for others. */
export function planPartsFor(kinds: readonly Kind[], parts: readonly PlanPart[]): (facts: DocumentFacts) => readonly PlanPart[] {
  return (facts) => (facts.kind !== undefined && kinds.includes(facts.kind) ? parts : []);
}

/**
 * One quick fix of the finding's own document. It writes through an editor rather than
 * returning text edits, so that the fixes of one file can share an editor ("fix all") and
 * what they add to the same place is merged into one edit.
 */
export interface QuickFix {
  title: string;
  /** Writes the fix; false when it cannot be applied to the document as it is now. */
  apply(editor: YamlEditor): boolean;
  /** The fix a user most likely wants (VS Code applies it with the auto-fix shortcut). */
  isPreferred?: boolean;
  /**
   * The fix writes placeholders for the user to complete (`TODO: ...`), which silence the
   * finding until then: offered, but never applied unasked (not part of source.fixAll).
   */
  placeholders?: boolean;
}

/** What a fix may read besides the document: the plan and "now" (a due date, an offset). */
export interface FixContext {
  now: number;
  plan: PlanFacts | undefined;
}

/**
 * A rule: metadata, what it reads, one or both checks, and optionally a fix. `checkDocument`
 * reads one parsed document (and the plan); `checkWorkspace` compares documents through the
 * facts index, never a parse tree, and locates its findings by ranges kept in the facts.
 * `fix` turns one of the rule's findings (with the `fix` data its report carried) into quick
 * fixes; the document it gets is the editor's current text, which may be newer than the one
 * the finding came from, so a fix checks that what it repairs is still there.
 */
export interface Rule extends RuleMeta {
  reads: RuleReads;
  checkDocument?(doc: Cc7Document, context: DocumentContext): Report[];
  checkWorkspace?(facts: DocumentFacts, index: WorkspaceIndex, context: RuleContext): Report[];
  fix?(doc: Cc7Document, finding: Finding, context: FixContext): QuickFix[];
}

/** The base of every rule's documentation link. */
export const RULE_DOCS_BASE = 'https://github.com/cc7/cc7/blob/main/docs/rules/';

export function ruleDocsUrl(id: RuleId): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
