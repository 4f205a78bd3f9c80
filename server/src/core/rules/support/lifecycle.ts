// The incident lifecycle (SPEC 2.3): its phase order, the evidence each phase needs, and the
// readers the lifecycle rules share (phase-evidence, timeline-order, timestamp-timezone,
// breach-determination, pir-deadline). Pure, and safe on any data: a wrong type is absent.
import { getIn, isPresent, isRecord, list, record, text } from '../../model/data';
import { endOfLocalDay, localDate, parseInstant } from '../../model/time';
import { zoneOf, type PlanFacts, type SeverityFacts } from '../../model/plan';
import { businessDaysAfter, planCalendar, type BusinessCalendar } from '../../deadlines/calendar';
import { formatPath } from '../../model/schemas';
import type { YamlPath } from '../../model/types';

/** `status` values in lifecycle order: the phase now in progress. */
export const PHASES = [
  'identification',
  'containment',
  'investigation',
  'remediation',
  'recovery',
  'post-incident-review',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

/** The position of a status in the lifecycle, or undefined for anything that is not a phase. */
export function phaseIndex(status: unknown): number | undefined {
  const index = PHASES.indexOf(status as Phase);
  return index === -1 ? undefined : index;
}

/**
 * One row of the SPEC 2.3 table from `containment` on (the identification row is the
 * schema's): once the status is at least `phase`, `missing` lists the absent evidence.
 */
interface EvidenceRow {
  phase: Phase;
  missing(data: Record<string, unknown>, plan: PlanFacts | undefined): YamlPath[];
}

/** The leaf paths among `paths` whose value is absent (undefined, null, blank, empty list). */
function absent(data: unknown, paths: readonly YamlPath[]): YamlPath[] {
  return paths.filter((path) => !isPresent(getIn(data, path)));
}

/** The whole-section path that stands for "one item or more" when a list is missing or empty. */
export const CONTAINMENT_PATH: YamlPath = ['containment'];
export const REMEDIATION_PATH: YamlPath = ['remediation'];
const CONTAINMENT_FIELDS = ['action', 'at', 'by'] as const;
const REVIEW_FIELDS = ['held_at', 'participants', 'summary', 'lessons_learned'] as const;

export const EVIDENCE_TABLE: readonly EvidenceRow[] = [
  {
    phase: 'containment',
    missing: (data) => absent(data, [['triage', 'assessed_at'], ['triage', 'assessed_by'], ['triage', 'rationale']]),
  },
  {
    phase: 'investigation',
    missing: (data) => {
      const actions = list(data.containment);
      if (actions.length === 0) return [CONTAINMENT_PATH];
      // A present list: name every incomplete action by its index (`containment[1].by`).
      return actions.flatMap((action, i) =>
        CONTAINMENT_FIELDS.filter((field) => !isPresent(record(action)[field])).map((field) => ['containment', i, field]));
    },
  },
  {
    phase: 'remediation',
    missing: (data) => absent(data, [
      ['investigation', 'root_cause'],
      ['investigation', 'affected_systems'],
      ['investigation', 'personal_data', 'involved'],
      ['investigation', 'customer_data', 'involved'],
    ]),
  },
  {
    phase: 'recovery',
    missing: (data) =>
      list(data.remediation).length > 0 || text(data.remediation_not_required) ? [] : [REMEDIATION_PATH],
  },
  {
    phase: 'post-incident-review',
    missing: (data) => absent(data, [['recovery', 'restored_at'], ['recovery', 'verified_by'], ['resolved_at']]),
  },
  {
    phase: 'closed',
    missing: (data, plan) => [
      ...absent(data, [['closed_at']]),
      ...(severityOf(data, plan)?.reviewRequired
        ? absent(data, REVIEW_FIELDS.map((field) => ['post_incident_review', field]))
        : []),
    ],
  },
];

/**
 * The YAML paths of the evidence an incident lacks for its status (SPEC 2.3), in table order;
 * [] for an unknown status (the schema reports it). Leaf paths inside present sections
 * (`triage.rationale`, `containment[1].by`); a missing or empty list is named by its key
 * (`containment`, `remediation`), since what goes into it is one item or more. The post-incident
 * review is required only when the plan's severity says so (no plan, unknown severity: not).
 */
export function missingEvidence(data: unknown, plan: PlanFacts | undefined): YamlPath[] {
  if (!isRecord(data)) return [];
  const current = phaseIndex(data.status);
  if (current === undefined) return [];
  return EVIDENCE_TABLE
    .filter((row) => PHASES.indexOf(row.phase) <= current)
    .flatMap((row) => row.missing(data, plan));
}

/** How a missing path reads in a message. */
export function describeMissing(path: YamlPath): string {
  if (path.length === 1 && path[0] === CONTAINMENT_PATH[0]) {
    return `containment (one action or more, each with ${CONTAINMENT_FIELDS.join(', ')})`;
  }
  if (path.length === 1 && path[0] === REMEDIATION_PATH[0]) {
    return 'remediation (one item or more, or remediation_not_required: <reason>)';
  }
  return formatPath(path);
}

/** The plan's severity level of an incident, when both exist. */
export function severityOf(data: unknown, plan: PlanFacts | undefined): SeverityFacts | undefined {
  const id = text(record(data).severity);
  return id === undefined ? undefined : plan?.severities.find((level) => level.id === id);
}

/** The post-incident review an incident's severity requires, and when it is due. */
export interface ReviewDeadline {
  severity: SeverityFacts;
  /** The severity's `due_business_days`. */
  days: number;
  /** The local day of resolved_at (day 0) and the day the review is due by the end of, in the plan's zone. */
  resolvedDay: string;
  dueDay: string;
  dueAt: number;
  /** The plan's zone, whose local days are counted. */
  zone: string;
}

/**
 * SPEC 2.5 `pir-deadline`: a review the severity requires is due at the end of the Nth
 * business day after the local day of resolved_at (day 0), in the plan's zone over the plan's
 * business days. Undefined when no review is required or resolved_at cannot be read.
 */
export function reviewDeadline(data: unknown, plan: PlanFacts | undefined): ReviewDeadline | undefined {
  const zone = zoneOf(plan);
  const resolved = parseInstant(record(data).resolved_at, zone);
  return resolved && reviewDue(text(record(data).severity), localDate(resolved.ms, zone), plan);
}

/** The review deadline of an incident of `severityId` resolved on `resolvedDay`, local to the plan's zone (see reviewDeadline). */
export function reviewDue(severityId: string | undefined, resolvedDay: string, plan: PlanFacts | undefined): ReviewDeadline | undefined {
  const severity = severityId === undefined ? undefined : plan?.severities.find((level) => level.id === severityId);
  const days = severity?.reviewDueBusinessDays;
  if (!plan || !severity?.reviewRequired || days === undefined) return undefined;
  const zone = zoneOf(plan);
  const dueDay = dueDayOf(plan, resolvedDay, days);
  const dueAt = dueDay === undefined ? undefined : endOfLocalDay(dueDay, zone);
  return dueDay === undefined || dueAt === undefined ? undefined : { severity, days, resolvedDay, dueDay, dueAt, zone };
}

/**
 * Each plan's calendar with the due days counted on it: the workspace step checks every
 * resolved incident at each settle, and thousands of them share a few hundred resolution days.
 * Keyed by the plan's facts, which stay the same object while the plan's facts do.
 */
const reviewCalendars = new WeakMap<PlanFacts, { calendar: BusinessCalendar; dueDays: Map<string, string | undefined> }>();

function dueDayOf(plan: PlanFacts, resolvedDay: string, days: number): string | undefined {
  let counted = reviewCalendars.get(plan);
  if (!counted) reviewCalendars.set(plan, counted = { calendar: planCalendar(zoneOf(plan), plan.businessDays.weekdays, plan.businessDays.holidays), dueDays: new Map() });
  const key = `${resolvedDay}|${days}`;
  if (!counted.dueDays.has(key)) counted.dueDays.set(key, Number.isInteger(days) && days >= 0 ? businessDaysAfter(resolvedDay, days, counted.calendar) : undefined);
  return counted.dueDays.get(key);
}

/** A timestamp at a path, read as an instant; undefined when absent or unreadable. */
export function instantAt(data: unknown, path: YamlPath, zone: string): number | undefined {
  return parseInstant(getIn(data, path), zone)?.ms;
}

/** A time of the incident, with where it is written. */
export interface Stamp {
  path: YamlPath;
  ms: number;
}

/**
 * The chain of SPEC 2.5 (timeline-order), in order: detected_at, triage.assessed_at, the first
 * containment action (the earliest `containment[i].at`), resolved_at, closed_at; each link's
 * time must not precede the one before.
 */
const CHAIN: readonly (YamlPath | 'first containment')[] = [
  ['detected_at'],
  ['triage', 'assessed_at'],
  'first containment',
  ['resolved_at'],
  ['closed_at'],
];

/** One stamp per link of the chain, in order; undefined where it is absent or unreadable. */
export function chainStamps(data: Record<string, unknown>, zone: string): (Stamp | undefined)[] {
  const stamp = (path: YamlPath): Stamp | undefined => {
    const ms = instantAt(data, path, zone);
    return ms === undefined ? undefined : { path, ms };
  };
  return CHAIN.map((link) => link !== 'first containment' ? stamp(link) : list(data.containment)
    .map((_, i) => stamp([...CONTAINMENT_PATH, i, 'at']))
    .reduce<Stamp | undefined>((earliest, next) => (!next || (earliest && earliest.ms <= next.ms) ? earliest : next), undefined));
}

/** Which link of the chain a path's time is (any containment action's `at` may be the first); undefined for none. */
export function chainLink(path: YamlPath): number | undefined {
  const containmentAt = path.length === 3 && path[0] === CONTAINMENT_PATH[0] && typeof path[1] === 'number' && path[2] === 'at';
  const index = CHAIN.findIndex((link) => link === 'first containment' ? containmentAt : formatPath(link) === formatPath(path));
  return index === -1 ? undefined : index;
}

/**
 * A time to write at a missing link of the chain that keeps the chain in order: `now`, moved
 * into the bounds the present links set (no earlier than the latest link before it, no later
 * than the earliest link after it; the earlier bound wins when the chain is broken already).
 */
export function fittingInstant(data: Record<string, unknown>, link: number, zone: string, now: number): number {
  const times = chainStamps(data, zone).map((stamp) => stamp?.ms);
  const present = (ms: number | undefined): ms is number => ms !== undefined;
  const lower = Math.max(-Infinity, ...times.slice(0, link).filter(present));
  const upper = Math.min(Infinity, ...times.slice(link + 1).filter(present));
  return Math.max(lower, Math.min(now, upper));
}

/** Keys whose timestamps are deadlines, which are expected to lie in the future. */
const FUTURE_KEYS: ReadonlySet<string> = new Set(['due', 'expires']);

/** A path kept as a chain of parents, so that walking deep data does not copy paths. */
export interface PathLink {
  segment: string | number;
  parent: PathLink | undefined;
}

/** The YAML path a chain of links spells. */
export function pathOf(link: PathLink | undefined): YamlPath {
  const path: (string | number)[] = [];
  for (let at = link; at; at = at.parent) path.push(at.segment);
  return path.reverse();
}

/**
 * Every string in the data that reads as an instant `keep` accepts, with its path, in document
 * order; values under deadline keys (`due`, `expires`) are left out. Iterative, so deep data
 * cannot overflow; paths are spelled out only for the instants kept.
 */
export function instantsIn(data: unknown, zone: string, keep: (ms: number) => boolean): { path: YamlPath; ms: number }[] {
  const found: { path: YamlPath; ms: number }[] = [];
  const stack: { value: unknown; at: PathLink | undefined }[] = [{ value: data, at: undefined }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'string') {
      const instant = parseInstant(value, zone);
      if (instant && keep(instant.ms)) found.push({ path: pathOf(at), ms: instant.ms });
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const children: { value: unknown; at: PathLink }[] = Array.isArray(value)
      ? value.map((item, i) => ({ value: item, at: { segment: i, parent: at } }))
      : Object.entries(value)
        .filter(([key]) => !FUTURE_KEYS.has(key))
        .map(([key, item]) => ({ value: item, at: { segment: key, parent: at } }));
    // Pushed in reverse so that they come off the stack in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
