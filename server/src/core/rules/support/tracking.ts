/**
 * Tracked items (SPEC 2.2, 2.6): an Incident's `remediation[]` and a TabletopExercise's
 * `improvements[]` share one shape (id, action, owner, ticket, due, status, completed_at,
 * evidence, rationale, risk_acceptance). The remediation rules and duplicate-id read them here.
 */
import { isRecord, list, text } from '../../model/data';
import type { Cc7Document } from '../../model/document';
import { zoneOf } from '../../model/plan';
import { localDateAfter } from '../../model/time';
import type { YamlPath } from '../../model/types';
import { Commented, type YamlValue } from '../../model/yaml-edit';
import type { FixContext } from '../rule';
import { severityOf } from './lifecycle';
import { PERSON_PLACEHOLDER, todo } from './placeholders';

export type TrackedSection = 'remediation' | 'improvements';

/** The statuses of an item still to be done: its due date still counts. */
export const OPEN_STATUSES: readonly string[] = ['open', 'in-progress'];

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

/** A report's `subject` for a finding about the item: its id (what a waiver's target names), when it has one. */
export function itemSubject(item: TrackedItem): { subject?: string } {
  return item.id ? { subject: item.id } : {};
}

/** Where a finding about the whole item sits: the id value, or the item itself when it has none. */
export function itemAnchor(item: TrackedItem): YamlPath {
  return item.id ? [...item.path, 'id'] : item.path;
}

/** `remediation` item or `improvement`, for messages. */
export function itemNoun(section: TrackedSection): string {
  return section === 'remediation' ? 'remediation item' : 'improvement';
}

/** The id prefix of new items of a section (SPEC 2.2, 2.6). */
const ITEM_PREFIX: Record<TrackedSection, string> = { remediation: 'REM', improvements: 'IMP' };

/** When no severity of the plan sets `remediation_due_days`, a new item is due this many days from today. */
const DEFAULT_DUE_DAYS = 30;

/** The next free item id of the document's section: one more than the highest `REM-<n>` (or `IMP-<n>`). */
export function nextItemId(doc: Cc7Document): string {
  const prefix = ITEM_PREFIX[trackedSection(doc) ?? 'remediation'];
  const numbers = trackedItems(doc).flatMap((item) => {
    const match = item.id?.startsWith(`${prefix}-`) ? /^\d+$/.exec(item.id.slice(prefix.length + 1)) : null;
    return match ? [Number(match[0])] : [];
  });
  return `${prefix}-${Math.max(0, ...numbers) + 1}`;
}

/**
 * What tracks an item to completion, as a fix writes it: an owner and a ticket to fill in, and
 * a due date today (in the plan's zone) plus the severity's `remediation_due_days`.
 */
export function trackingValues(doc: Cc7Document, context: FixContext): Record<'owner' | 'due' | 'ticket', YamlValue> {
  const severity = doc.kind === 'Incident' ? severityOf(doc.data, context.plan) : undefined;
  const days = severity?.remediationDueDays;
  const due = localDateAfter(context.now, days ?? DEFAULT_DUE_DAYS, zoneOf(context.plan));
  return {
    owner: PERSON_PLACEHOLDER,
    due: new Commented(due, days === undefined ? 'TODO: the real due date' : `TODO: confirm (${severity!.id} allows ${days} days)`),
    ticket: todo('ticket'),
  };
}

/** A new, fully tracked item of the document's section (a remediation item, or an improvement). */
export function newTrackedItem(doc: Cc7Document, context: FixContext): YamlValue {
  const { owner, due, ticket } = trackingValues(doc, context);
  return { id: nextItemId(doc), action: todo('action'), owner, ticket, due, status: 'open' };
}
