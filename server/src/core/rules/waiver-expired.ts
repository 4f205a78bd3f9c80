import { records, text } from '../model/data';
import { formatInstant, parseDue } from '../model/time';
import { zoneOf } from '../model/plan';
import type { Report, Rule } from './rule';

/**
 * SPEC 2.5: a waiver whose `expires` has passed (a date lasts to the end of that day in the
 * plan's zone, the same reading the policy step uses), on the `expires` value. The policy
 * step has already brought the covered finding back at its own severity; this says why.
 * An `expires` that names no real day (2026-02-30) is the schema rule's finding; such a waiver
 * silences nothing.
 */
export const waiverExpired: Rule = {
  id: 'waiver-expired',
  defaultSeverity: 'warning',
  description: 'A waiver whose expiry has passed: the finding it covered is back at its own severity.',
  criteria: 'all',
  reads: { plan: (facts) => (facts.waivers.length > 0 ? ['zone'] : []) },
  checkDocument(doc, context): Report[] {
    if (!doc.kind || !doc.data || !Array.isArray(doc.data.waivers)) return [];
    const zone = zoneOf(context.plan);
    const reports: Report[] = [];
    doc.data.waivers.forEach((entry, index) => {
      const waiver = records([entry])[0];
      const rule = text(waiver?.rule);
      const expires = typeof waiver?.expires === 'string' ? waiver.expires.trim() : undefined;
      if (!waiver || !rule || expires === undefined) return;
      const target = text(waiver.target);
      const what = target ? `waiver of ${rule} for ${target}` : `waiver of ${rule} for the whole document`;
      const path = ['waivers', index, 'expires'];
      const due = parseDue(expires, zone);
      // An expiry that names no real day (2026-02-30) is the schema rule's; such a waiver covers nothing.
      if (!due || !context.now.isAfter(due.ms)) return;
      const when = due.dateOnly ? expires : formatInstant(due.ms);
      const back = target ? 'the finding is reported again' : `every ${rule} finding of this document is reported again`;
      reports.push({
        path,
        message: `${what} expired ${when}: ${back}; renew the waiver with a new approval or fix the finding${target ? '' : 's'}`,
      });
    });
    return reports;
  },
};
