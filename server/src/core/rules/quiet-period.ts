import { DAY_MS, localDate } from '../model/time';
import type { Rule } from './rule';
import { isGoverningPlan, wholeDays } from './support/program-hygiene';

/** How far back a detected incident or event keeps the workspace from being "quiet". */
export const QUIET_PERIOD_DAYS = 90;

/**
 * On the governing plan: no Incident or SecurityEvent detected in the last 90 days
 * (now − 90 × 24 h < detected_at ≤ now). A record dated after now does not count.
 */
export const quietPeriod: Rule = {
  id: 'quiet-period',
  defaultSeverity: 'info',
  description: 'No Incident or SecurityEvent recorded in the last 90 days: auditors may question whether detection works.',
  criteria: 'CC7.2',
  reads: { planOverKinds: ['ResponsePlan', 'Incident', 'SecurityEvent'] },
  checkWorkspace(facts, index, context) {
    if (!isGoverningPlan(facts, index)) return [];
    const latest = index.latestDetection(context.now);
    const since = context.now - QUIET_PERIOD_DAYS * DAY_MS;
    if (latest?.detectedAt !== undefined && latest.detectedAt > since) return [];
    const quiet = latest
      ? `No incident or security event recorded since ${localDate(latest.detectedAt!, 'UTC')} (${wholeDays(context.now - latest.detectedAt!)}; the latest is ${latest.id ?? latest.path})`
      : `No incident or security event recorded in the last ${QUIET_PERIOD_DAYS} d (none recorded)`;
    return [{
      range: facts.anchor,
      message: `${quiet}: auditors may question whether detection works (CC7.2). Record triaged events as SecurityEvent documents.`,
    }];
  },
};
