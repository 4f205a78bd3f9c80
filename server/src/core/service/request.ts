import type { Cc7Document } from '../model/document';
import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import type { PlanFacts } from '../model/plan';
import type { Finding } from '../model/types';

/** What the editor features read of a workspace (Program implements it). */
export interface WorkspaceModel {
  /** The governing plan's facts. */
  plan(): PlanFacts | undefined;
  /** Every CC7 document's path, in path order. */
  paths(): readonly string[];
  facts(path: string): DocumentFacts | undefined;
  /** The published findings of a document. */
  findings(path: string): Finding[];
  /** Documents by id, kind and reference. */
  readonly workspace: WorkspaceIndex;
}

/**
 * The input of every editor feature (core/service/*): the document asked about, parsed
 * (from the editor's text), the workspace it belongs to, and "now". Features return
 * LSP-shaped data and never touch a connection.
 */
export interface ServiceRequest {
  doc: Cc7Document;
  model: WorkspaceModel;
  /** Epoch milliseconds. */
  now: number;
}
