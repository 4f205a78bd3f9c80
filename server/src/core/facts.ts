import type { Cc7Document } from './document';
import { extractPlanFacts, type PlanFacts } from './plan';
import type { Kind, Range } from './types';

/** A reference from one document to another document's id. */
export interface Reference {
  id: string;
  /** The kind the referenced id must be. */
  expects: Kind;
  /** Where the reference is written. */
  range: Range;
  /** The YAML key it is written under, for messages ("runbook", "incident"). */
  field: string;
}

/**
 * What the workspace knows of one CC7 document without keeping its parse tree: enough for
 * the cross-file rules, the tree view and the bundle. Plain data, compared to decide what a
 * change affects.
 */
export interface DocumentFacts {
  path: string;
  kind?: Kind;
  id?: string;
  /** The range of the `id` value. */
  idRange?: Range;
  /** Where findings about the document as a whole sit: the `kind` key (or `apiVersion`). */
  anchor: Range;
  references: Reference[];
  /** Present on a ResponsePlan. */
  plan?: PlanFacts;
}

/** Extracts the facts of a parsed document; the extractors of later features extend this. */
export function extractFacts(doc: Cc7Document): DocumentFacts {
  const id = typeof doc.data?.id === 'string' ? doc.data.id : undefined;
  return {
    path: doc.path,
    kind: doc.kind,
    id,
    idRange: id === undefined ? undefined : doc.locate(['id']),
    anchor: doc.locate(['kind'], 'key'),
    references: [],
    plan: doc.kind === 'ResponsePlan' ? extractPlanFacts(doc) : undefined,
  };
}

/** Read access to every document's facts, for the workspace rules. */
export interface WorkspaceIndex {
  /** Documents declaring this id, in path order. */
  withId(id: string): DocumentFacts[];
  /** Every ResponsePlan, in path order; the first governs. */
  plans(): DocumentFacts[];
  /** The first CC7 document in path order. */
  first(): DocumentFacts | undefined;
  all(): Iterable<DocumentFacts>;
}
