import { zoneOf } from '../model/plan';
import { isPresent, record } from '../model/data';
import { formatInstant, parseDue } from '../model/time';
import { type DocumentContext, planPartsFor, type Report, type Rule } from './rule';
import { itemName, itemSubject, OPEN_STATUSES, trackedItems, type TrackedItem } from './support/tracking';

const RISK_ACCEPTANCE_KEYS = ['by', 'at', 'rationale'] as const;

/**
 * Remediation and improvement items that are not what they claim: past due and still open
 * (on `due`; a date-only due passes at the end of that day in the plan's zone), `done`
 * without `completed_at`, `risk-accepted` without a complete `risk_acceptance` (on `status`).
 */
export const remediationOverdue: Rule = {
  id: 'remediation-overdue',
  defaultSeverity: 'error',
  description: 'A remediation item past its due date and still open; done without completed_at; risk-accepted without risk_acceptance.',
  criteria: 'CC7.5',
  reads: { plan: planPartsFor(['Incident', 'TabletopExercise'], ['zone']) },
  checkDocument(doc, context) {
    return trackedItems(doc).flatMap((item) => [...overdue(item, context), ...unproven(item)]);
  },
};

function overdue(item: TrackedItem, context: DocumentContext): Report[] {
  if (!item.status || !OPEN_STATUSES.includes(item.status)) return [];
  const zone = zoneOf(context.plan);
  const due = parseDue(item.item.due, zone);
  if (!due || !context.now.isAfter(due.ms)) return [];
  const written = String(item.item.due).trim();
  const when = due.dateOnly ? `${written} (end of day, ${zone})` : formatInstant(due.ms);
  return [{
    path: [...item.path, 'due'],
    message: `${itemName(item)} was due ${when} and is still ${item.status}, ${context.now.formatDistance(due.ms)} overdue: `
      + 'finish it and set status: done with completed_at, or move its due date with a reason',
    ...itemSubject(item),
  }];
}

function unproven(item: TrackedItem): Report[] {
  const name = itemName(item);
  if (item.status === 'done' && !isPresent(item.item.completed_at)) {
    return [{
      path: [...item.path, 'status'],
      message: `${name} is done but has no completed_at: add completed_at (when it was finished) and evidence an auditor can check`,
      ...itemSubject(item),
    }];
  }
  if (item.status === 'risk-accepted') {
    const acceptance = record(item.item.risk_acceptance);
    const missing = RISK_ACCEPTANCE_KEYS.filter((key) => !isPresent(acceptance[key])).map((key) => `risk_acceptance.${key}`);
    if (missing.length > 0) {
      return [{
        path: [...item.path, 'status'],
        message: `${name} is risk-accepted but lacks ${missing.join(', ')}: record who accepted the risk (by), when (at) and why (rationale)`,
        ...itemSubject(item),
      }];
    }
  }
  return [];
}
