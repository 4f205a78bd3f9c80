/**
 * Wording shared by the reference rules (unknown-reference, escalation-link, duplicate-id,
 * remediation-untracked): the nearest defined id, a short list of the known ones, and how a
 * message names another document.
 */
import type { DocumentFacts } from '../../model/facts';
import { nearest } from '../../model/suggest';
import type { PlanFacts } from '../../model/plan';
import type { Range, RelatedLocation } from '../../model/types';

/** How many known ids a message lists before "…". */
const LISTED = 8;


/** `SEV1, SEV2, SEV3`, or the first eight `and 4 more`. */
export function listed(known: readonly string[]): string {
  const shown = known.slice(0, LISTED).join(', ');
  return known.length > LISTED ? `${shown} and ${known.length - LISTED} more` : shown;
}

/**
 * The end of an unknown-reference message: `did you mean "SEV1"? Defined: SEV1, SEV2, SEV3`,
 * or `none is defined` when there are none.
 */
export function suggestion(value: string, known: readonly string[], noun: string): string {
  const sorted = [...new Set(known)].sort();
  if (sorted.length === 0) return `no ${noun} is defined`;
  const best = nearest(value, sorted);
  return `${best ? `did you mean "${best}"? ` : ''}Defined: ${listed(sorted)}`;
}

/** `Incident "Leaked API key"`, for related-location messages about another document. */
export function describeDocument(facts: DocumentFacts): string {
  return `${facts.kind ?? 'document'}${facts.title ? ` "${facts.title}"` : ''}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `a Runbook`, `an Incident`. */
export function withArticle(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** The file name of a document, for messages (the full path is in the related location). */
export function fileName(facts: DocumentFacts): string {
  return facts.path.split(/[\\/]/).pop() ?? facts.path;
}

/** `the Incident in INC-2026-001.yaml`. */
export function documentInFile(facts: DocumentFacts): string {
  return `the ${facts.kind ?? 'document'} in ${fileName(facts)}`;
}

/** A related location on another document: its id when it has one, else its anchor. */
export function relatedTo(facts: DocumentFacts, message: string): RelatedLocation {
  return { path: facts.path, range: facts.idRange ?? facts.anchor, message };
}

const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A related location on the governing plan, for findings about plan-defined ids. The plan's
 * facts carry no ranges (so that moving text in the plan re-checks nothing), hence the start
 * of the file. Nothing when the document is the plan itself.
 */
export function planRelated(plan: PlanFacts, path: string, message: string): RelatedLocation[] {
  return plan.path === path ? [] : [{ path: plan.path, range: START_OF_FILE, message }];
}

/** Ids of the regimes the plan puts in scope: built-in ids and plan regimes `{ id, ... }` of both lists. */
export function planRegimeIds(plan: PlanFacts): string[] {
  return [...plan.regimes, ...plan.regimesCustom].flatMap((entry) => {
    if (typeof entry === 'string' && entry.trim() !== '') return [entry.trim()];
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const id = (entry as Record<string, unknown>).id;
      if (typeof id === 'string' && id.trim() !== '') return [id.trim()];
    }
    return [];
  });
}
