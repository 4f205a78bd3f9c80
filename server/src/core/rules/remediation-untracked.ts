import { getIn, isPresent, list, strings, text, yamlPath } from '../model/data';
import { type DocumentContext, planPartsFor, type Report, type Rule } from './rule';
import type { Cc7Document } from '../model/document';
import { formatPath } from '../model/schemas';
import { nearest } from '../model/suggest';
import { itemAnchor, itemName, itemNoun, itemSubject, trackedItems, trackingValues, type TrackedItem } from './support/tracking';

/** What tracks an item to completion; every item needs all three, whatever its status. */
const TRACKING_KEYS = ['owner', 'due', 'ticket'] as const;

/**
 * A remediation or improvement item without owner, due or ticket (on the item's id), and a
 * review action item that is not a remediation id of the incident (on the action item). A
 * warning while the incident is open, an error once it is closed: a closed incident is
 * audit evidence. A missing remediation section is phase-evidence's. The fix completes an
 * untracked item: an owner and a ticket to fill in, due after the severity's remediation_due_days.
 */
export const remediationUntracked: Rule = {
  id: 'remediation-untracked',
  defaultSeverity: 'warning',
  description: 'A remediation or improvement item without owner, due date or ticket; a review action item that is not a remediation id.',
  criteria: 'CC7.4, CC7.5',
  reads: { plan: planPartsFor(['Incident'], ['remediationDays']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Incident' && doc.kind !== 'TabletopExercise') return [];
    const severity = doc.kind === 'Incident' && doc.data?.status === 'closed' ? 'error' : undefined;
    const reports = trackedItems(doc).flatMap((item) => untracked(doc, item, context));
    if (doc.kind === 'Incident') reports.push(...actionItems(doc));
    return severity ? reports.map((report) => ({ ...report, severity })) : reports;
  },
  fix(doc, finding, context) {
    const item = yamlPath(finding.fix?.item);
    const missing = (strings(finding.fix?.missing) ?? []).filter((key): key is (typeof TRACKING_KEYS)[number] =>
      (TRACKING_KEYS as readonly string[]).includes(key));
    if (!item || missing.length === 0) return [];
    const values = trackingValues(doc, context);
    return [{
      title: `Track ${finding.subject ?? formatPath(item)}: add ${missing.join(', ')} to fill in`,
      isPreferred: true,
      placeholders: true,
      apply: (editor) => missing.every((key) => editor.ensure([...item, key], values[key])),
    }];
  },
};

function untracked(doc: Cc7Document, item: TrackedItem, context: DocumentContext): Report[] {
  const missing = TRACKING_KEYS.filter((key) => !isPresent(item.item[key]));
  if (missing.length === 0) return [];
  const noun = itemNoun(item.section);
  const wanted = missing.map((key) => hint(key, doc, context)).join(', ');
  return [{
    path: itemAnchor(item),
    message: `${noun[0].toUpperCase()}${noun.slice(1)} ${itemName(item)} has no ${joinOr(missing)}: add ${wanted}, so that an auditor can trace it to completion`,
    ...itemSubject(item),
    fix: { item: item.path, missing },
  }];
}

/** What to write for a missing key; for `due`, the severity's remediation window when the plan has one. */
function hint(key: (typeof TRACKING_KEYS)[number], doc: Cc7Document, context: DocumentContext): string {
  if (key === 'owner') return 'owner (the person accountable)';
  if (key === 'ticket') return 'ticket (the tracking key or URL)';
  const severity = text(doc.data?.severity);
  const days = context.plan?.severities.find((level) => level.id === severity)?.remediationDueDays;
  return days === undefined ? 'due (a date)' : `due (a date; ${severity} allows ${days} days)`;
}

function joinOr(keys: readonly string[]): string {
  return keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
}

/** Each review action item must be the id of a remediation item of this incident (SPEC 2.2). */
function actionItems(doc: Cc7Document): Report[] {
  const ids = trackedItems(doc).flatMap((item) => (item.id ? [item.id] : []));
  return list(getIn(doc.data, ['post_incident_review', 'action_items'])).flatMap((value, i) => {
    const entry = text(value);
    if (!entry || ids.includes(entry.trim())) return [];
    const near = nearest(entry, ids);
    return [{
      path: ['post_incident_review', 'action_items', i],
      message: `${entry} is not a remediation id of this incident: `
        + (near ? `did you mean "${near}"? Otherwise add` : 'add')
        + ' it under remediation with owner, due and ticket, and list its id here',
    }];
  });
}
