import type { DocumentFacts } from '../model/facts';
import { formatInstant } from '../model/time';
import type { Rule } from './rule';
import { byPath, interval, intervalDays, isGoverningPlan, wholeDays } from './support/program-hygiene';

type Held = DocumentFacts & { heldAt: number };

/**
 * The governing plan needs a TabletopExercise held within tabletop_interval_days (default
 * 365) before now; an exercise dated after now has not happened and does not count.
 */
export const tabletopOverdue: Rule = {
  id: 'tabletop-overdue',
  defaultSeverity: 'warning',
  description: 'No TabletopExercise held within tabletop_interval_days (default 365) before now; reported on the plan.',
  criteria: 'CC7.5',
  reads: { planOverKinds: ['ResponsePlan', 'TabletopExercise'] },
  checkWorkspace(facts, index, context) {
    if (!isGoverningPlan(facts, index)) return [];
    const every = interval(intervalDays(facts.plan?.tabletopIntervalDays), 'tabletop_interval_days', facts.tabletopIntervalRange !== undefined);
    const exercises = index.ofKind('TabletopExercise').sort(byPath);
    // The latest held by now; on a tie, the first in path order.
    let latest: Held | undefined;
    for (const other of exercises) {
      if (other.heldAt === undefined || other.heldAt > context.now) continue;
      if (!latest || other.heldAt > latest.heldAt) latest = { ...other, heldAt: other.heldAt };
    }
    if (latest && context.now - latest.heldAt <= every.ms) return [];

    const notes = exercises.flatMap((other) => {
      const name = other.id ?? 'An exercise without an id';
      if (other.heldAt === undefined) return [`${name} has no readable held_at (an RFC 3339 timestamp) and does not count.`];
      if (other.heldAt > context.now) return [`${name} is dated ${formatInstant(other.heldAt)}, after now, and does not count.`];
      return [];
    });
    const status = latest
      ? `No tabletop exercise held in the last ${every.describe}: the latest, ${latest.id ?? 'without an id'}, was held ${formatInstant(latest.heldAt)}, `
        + `${wholeDays(context.now - latest.heldAt)} ago (the next one was due ${formatInstant(latest.heldAt + every.ms)}).`
      : `No tabletop exercise recorded: the plan requires one every ${every.describe}.`;
    return [{
      range: facts.tabletopIntervalRange ?? facts.anchor,
      message: [
        status,
        ...notes,
        'Hold one and record it as a TabletopExercise document (held_at, participants, scenario, findings): '
          + 'auditors treat an untested plan as a design-only control (CC7.5).',
      ].join(' '),
    }];
  },
};
