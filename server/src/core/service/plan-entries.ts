/**
 * How the plan's entries read in the editor (hover, completion documentation): a severity
 * level with its windows, a notification regime with its clock and window.
 */
import { CLOCK_PATHS, type ClockSpec, type Regime, type RegimeWindow } from '../deadlines';
import type { SeverityFacts } from '../model/plan';
import { formatPath } from '../model/schemas';
import { describeWindow } from '../rules/support/notification';

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

/** `72 h`, `30 calendar days`, `4 business days (US federal calendar)`; the windows without a number in words. */
export function windowWords(window: RegimeWindow | undefined): string {
  if (window?.unit === 'none') return 'no fixed window (without undue delay)';
  const words = describeWindow(window);
  if (!words) return 'a window the plan does not define';
  if (window?.calendar === 'us-federal') return `${words} (US federal calendar)`;
  if (window?.calendar === 'mon-fri-new-york') return `${words} (Mon–Fri, New York)`;
  return words;
}

/** Where a clock starts: `` `notifications.aware_at` ``, or another regime's notice. */
export function clockWords(clock: ClockSpec): string {
  return typeof clock === 'string' ? `\`${formatPath(CLOCK_PATHS[clock])}\`` : `the ${clock.notice} notice`;
}

/** One line on a regime: to whom, within what, from which field (and its second bound, if any). */
export function regimeSummary(regime: Pick<Regime, 'recipient' | 'window' | 'clock' | 'cap' | 'source'>): string {
  const cap = regime.cap ? `, and at most ${windowWords(regime.cap.window)} of ${clockWords(regime.cap.clock)}` : '';
  return `Notice to the ${regime.recipient} within ${windowWords(regime.window)} of ${clockWords(regime.clock)}${cap} (${regime.source}).`;
}
