/**
 * Tracked items (SPEC 2.2, 2.6): an Incident's `remediation[]` and a TabletopExercise's
 * `improvements[]` share one shape (id, action, owner, ticket, due, status, completed_at,
 * evidence, rationale, risk_acceptance). The remediation rules and duplicate-id read them here.
 */
import { isRecord, list, text } from '../../model/data';
import type { Cc7Document } from '../../model/document';
import type { YamlPath } from '../../model/types';

export type TrackedSection = 'remediation' | 'improvements';

/** The statuses of an item still to do: only these can be overdue. */
export const OPEN_ITEM_STATUSES: readonly string[] = ['open', 'in-progress'];

export interface TrackedItem {
  section: TrackedSection;
  index: number;
  /** The item's path: `['remediation', 2]`. */
  path: YamlPath;
  item: Record<string, unknown>;
  /** The item's id when it is a non-blank string. */
  id?: string;
  status?: string;
}

/** The section holding tracked items in a document of this kind, if any. */
export function trackedSection(doc: Cc7Document): TrackedSection | undefined {
  if (doc.kind === 'Incident') return 'remediation';
  if (doc.kind === 'TabletopExercise') return 'improvements';
  return undefined;
}

/** Every tracked item of the document that is a mapping (anything else is the schema rule's). */
export function trackedItems(doc: Cc7Document): TrackedItem[] {
  const section = trackedSection(doc);
  if (!section || !doc.data) return [];
  return list(doc.data[section]).flatMap((item, index) => isRecord(item)
    ? [{ section, index, path: [section, index], item, id: text(item.id), status: text(item.status) }]
    : []);
}

/** How a message names an item: its id, or its place when it has none. */
export function itemName(item: TrackedItem): string {
  return item.id ?? `${item.section}[${item.index}]`;
}

/** Where a finding about the whole item sits: the id value, or the item itself when it has none. */
export function itemAnchor(item: TrackedItem): YamlPath {
  return item.id ? [...item.path, 'id'] : item.path;
}

/** `remediation` item or `improvement`, for messages. */
export function itemNoun(section: TrackedSection): string {
  return section === 'remediation' ? 'remediation item' : 'improvement';
}
