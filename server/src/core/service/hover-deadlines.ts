/**
 * The notification deadlines shown on hover, as core/deadlines computes them (never
 * recomputed here): the clocks a trigger field starts, or the clock of one regime.
 */
import { CLOCK_PATHS, evaluateNotificationClocks, formatDuration, formatInstant, notificationPlanFrom, type ClockResult } from '../deadlines';
import { zoneOf } from '../model/plan';
import { formatPath } from '../model/schemas';
import type { YamlPath } from '../model/types';
import { windowWords } from './plan-entries';
import type { ServiceRequest } from './request';

/**
 * Markdown on the clocks of an incident that start at `path` (a clock trigger field, or the
 * notice a chained clock waits on), or of `regime` when given; undefined when there is
 * nothing to say.
 */
export function deadlinesAt(request: ServiceRequest, path: YamlPath, regime?: string): string | undefined {
  const { doc, model, now } = request;
  if (doc.kind !== 'Incident') return undefined;
  const plan = model.plan();
  const clocks = evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(plan), now })
    .filter((clock) => (regime === undefined ? samePath(clock.clockField, path) : clock.regime === regime));
  if (clocks.length > 0) return clocks.map((clock) => clockMarkdown(clock, zoneOf(plan))).join('\n\n');
  // A clock field that starts nothing here says so; detected_at starts a clock only as aware_at's fallback.
  const trigger = Object.entries(CLOCK_PATHS).some(([name, field]) => name !== 'detected_at' && samePath(field, path));
  return regime === undefined && trigger ? `No notification clock of the plan starts at \`${formatPath(path)}\` for this incident.` : undefined;
}

function clockMarkdown(clock: ClockResult, zone: string): string {
  const due = clock.dueAt === undefined ? [] : [`- Due: ${formatInstant(clock.dueAt)} · ${formatInstant(clock.dueAt, zone)}`];
  const fallback = clock.awareFallback ? ' (notifications.aware_at is missing: counted from detected_at)' : '';
  const start = clock.predecessor ? `the ${clock.predecessor} notice` : `\`${formatPath(clock.clockField)}\``;
  const bound = clock.boundBy
    ? [`- Bound: at most ${windowWords(clock.boundBy.window)} from ${clock.boundBy.notice ? `the ${clock.boundBy.notice} notice` : `\`${formatPath(clock.boundBy.field)}\``}, which came first`]
    : [];
  return [
    `**${clock.title}** (\`${clock.regime}\`)`,
    '',
    ...due,
    `- Window: ${windowWords(clock.window)} from ${start}${fallback}`,
    ...bound,
    `- ${verdict(clock)}`,
  ].join('\n');
}

/** The engine's status in words, with the time left or how late. */
function verdict(clock: ClockResult): string {
  switch (clock.status) {
    case 'met':
      return clock.notifiedAt === undefined || clock.dueAt === undefined
        ? '**Met**: a notice is recorded'
        : `**Met**: notified ${formatInstant(clock.notifiedAt)}, ${formatDuration(clock.dueAt - clock.notifiedAt)} before the deadline`;
    case 'late':
      return `**Late** by ${formatDuration(clock.lateByMs ?? 0)}: notified ${formatInstant(clock.notifiedAt ?? 0)}${clock.hasDelayReason ? ', with a delay_reason' : ', with no delay_reason'}`;
    case 'not-required':
      return '**Not required**: closed by a notifications.not_required entry';
    case 'breached':
      return `**Breached**: due ${formatDuration(clock.lateByMs ?? 0)} ago, and no notice is recorded`;
    case 'approaching':
      return `**Approaching**: ${formatDuration(clock.remainingMs ?? 0)} left`;
    case 'open':
      return `**Open**: ${formatDuration(clock.remainingMs ?? 0)} left`;
    case 'clock-missing':
      return `**Cannot be checked**: \`${formatPath(clock.clockField)}\` is missing or unreadable`;
    case 'waiting':
      return `**Waiting**: starts when the ${clock.predecessor ?? 'earlier'} notice is sent`;
    case 'predecessor-missing':
      return `**Cannot start**: no ${clock.predecessor ?? 'earlier'} notice is recorded`;
    case 'no-decision':
      return '**No decision recorded**: add a notice, or a not_required entry saying why none is needed';
    case 'window-missing':
      return "**Cannot be checked**: the plan does not define this regime's window";
  }
}

function samePath(a: readonly (string | number)[], b: YamlPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
