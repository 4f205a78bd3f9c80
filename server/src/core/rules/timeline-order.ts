import { zoneOf } from '../model/plan';
import { list, record } from '../model/data';
import type { TrackedNow } from '../model/horizon';
import { formatDuration, formatInstant, parseInstant } from '../model/time';
import { planPartsFor, type Report, type Rule } from './rule';
import { formatPath } from '../model/schemas';
import { chainStamps, instantsIn, type Stamp } from './support/lifecycle';

/**
 * Times of an incident that cannot all be true (SPEC 2.5): timeline entries out of order, the
 * detected → triaged → contained → resolved → closed chain running backwards, or a time after
 * now. Times are compared as instants; unreadable ones are skipped (the schema reports them).
 */
export const timelineOrder: Rule = {
  id: 'timeline-order',
  defaultSeverity: 'warning',
  description: 'Timeline entries out of time order, the detection-to-closure chain broken, or a time in the future.',
  criteria: 'CC7.4',
  reads: { plan: planPartsFor(['Incident'], ['zone']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const zone = zoneOf(context.plan);
    return [
      ...timelineReports(doc.data, zone),
      ...chainReports(doc.data, zone),
      ...futureReports(doc.data, zone, context.now),
    ];
  },
};

const at = (stamp: Stamp) => `${formatPath(stamp.path)} (${formatInstant(stamp.ms)})`;

/** The first timeline entry earlier than the readable entry before it. */
function timelineReports(data: Record<string, unknown>, zone: string): Report[] {
  let previous: Stamp | undefined;
  const entries = list(data.timeline);
  for (let i = 0; i < entries.length; i++) {
    const path = ['timeline', i, 'at'];
    const ms = parseInstant(record(entries[i]).at, zone)?.ms;
    if (ms === undefined) continue;
    const current = { path, ms };
    if (previous && ms < previous.ms) {
      return [{
        path,
        message: `Timeline entry ${at(current)} is ${formatDuration(previous.ms - ms)} earlier than the entry before it, `
          + `${at(previous)}: keep the timeline in ascending time order (move the entry, or correct its time).`,
      }];
    }
    previous = current;
  }
  return [];
}

/** detected_at ≤ triage.assessed_at ≤ first containment ≤ resolved_at ≤ closed_at, over the links present. */
function chainReports(data: Record<string, unknown>, zone: string): Report[] {
  const links = chainStamps(data, zone).filter((stamp): stamp is Stamp => stamp !== undefined);
  const reports: Report[] = [];
  for (let i = 1; i < links.length; i++) {
    const before = links[i - 1]!;
    const later = links[i]!;
    if (later.ms >= before.ms) continue;
    reports.push({
      path: later.path,
      message: `${at(later)} is ${formatDuration(before.ms - later.ms)} before ${at(before)}, but must not precede it `
        + '(detected_at, triage.assessed_at, the first containment action, resolved_at, closed_at come in this order): correct one of the two times.',
    });
  }
  return reports;
}

/** Any time of the incident after now; deadlines (`due`, `expires`) excepted. */
function futureReports(data: Record<string, unknown>, zone: string, now: TrackedNow): Report[] {
  return instantsIn(data, zone, (ms) => now.isBefore(ms))
    .map((stamp) => ({
      path: stamp.path,
      message: `${at(stamp)} is ${now.formatDistance(stamp.ms)} in the future (now ${now.format()}): `
        + 'record what happened only once it has happened, and check the date and the UTC offset.',
    }));
}
