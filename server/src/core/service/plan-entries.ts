/**
 * How the plan's entries read in the editor (hover, completion documentation): a severity
 * level with its windows, a notification regime with its clock and window.
 */
import { CLOCK_PATHS, type Regime, type RegimeWindow } from '../deadlines';
import type { SeverityFacts } from '../model/plan';
import { describeWindow, dotted } from '../rules/support/notification';

/** `**SEV2 — High**`, the description, then the escalation, review and remediation windows. */
export function severityMarkdown(level: SeverityFacts): string {
  const review = level.reviewRequired
    ? `required, held within ${level.reviewDueBusinessDays ?? '?'} business days of resolved_at`
    : 'not required';
  const windows = [
    `- Escalate within: ${level.escalateWithinMinutes === undefined ? 'not set' : `${level.escalateWithinMinutes} min of detection`}`,
    `- Post-incident review: ${review}`,
    `- Remediation due: ${level.remediationDueDays === undefined ? 'not set' : `${level.remediationDueDays} days`}`,
  ];
  return [`**${level.id}${level.name ? ` — ${level.name}` : ''}**`, level.description, windows.join('\n')]
    .filter((part): part is string => part !== undefined)
    .join('\n\n');
}

/** `72 h`, `30 calendar days`, `4 business days`; the windows without a number in words. */
export function windowWords(window: RegimeWindow | undefined): string {
  if (window?.unit === 'none') return 'no fixed window (without undue delay)';
  const words = describeWindow(window);
  if (!words) return 'a window the plan does not define';
  return window?.calendar === 'us-federal' ? `${words} (US federal calendar)` : words;
}

/** One line on a regime: to whom, within what, from which field. */
export function regimeSummary(regime: Pick<Regime, 'recipient' | 'window' | 'clock' | 'source'>): string {
  return `Notice to the ${regime.recipient} within ${windowWords(regime.window)} of \`${dotted(CLOCK_PATHS[regime.clock])}\` (${regime.source}).`;
}
