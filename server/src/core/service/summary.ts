// The workspace summary the lifecycle tree, the status bar and the deadline alerts show
// (SPEC 4): open incidents by phase, every running notification clock, the remediation and
// improvement items still to do, and the incidents closed in the audit period. Computed from
// the facts index of every workspace folder (never a parse tree), with every verdict that
// depends on "now" decided here, at the time asked, so it is never stale.
import type { Range } from 'vscode-languageserver-types';
import { clockVerdict, type RunningClockStatus } from '../deadlines';
import type { DocumentFacts, OpenClockFacts } from '../model/facts';
import { zoneOf, type PlanFacts } from '../model/plan';
import { endOfLocalDay, localDate, startOfLocalDay } from '../model/time';
import { PHASES, type Phase } from '../rules/support/lifecycle';
import { liveWaiverFor } from './policy';
import type { WorkspaceModel } from './request';

/** An incident's status that is no phase of the lifecycle (the schema reports it); such an incident still counts as open. */
export const UNKNOWN_PHASE = 'unknown';
export type SummaryPhase = Exclude<Phase, 'closed'> | typeof UNKNOWN_PHASE;

/** A place in a file: an LSP range (0-based line, UTF-16 character) in the document at `uri`. */
export interface SummaryLocation {
  uri: string;
  range: Range;
}

/** A notification clock no notice has closed. */
export interface ClockSummary extends SummaryLocation {
  regime: string;
  /** The regime's short name: "GDPR Art. 33". */
  label: string;
  /** Its full title: "GDPR Art. 33 notice to the supervisory authority". */
  title: string;
  /** The incident's id. */
  incident: string;
  /** The due instant, RFC 3339 in UTC. */
  dueAt: string;
  verdict: RunningClockStatus;
  /** Until the due instant (open, approaching). */
  msLeft?: number;
  /** Since the due instant (breached). */
  msLate?: number;
}

/** An incident not closed yet; its location is its `id` value. */
export interface IncidentSummary extends SummaryLocation {
  id: string;
  title?: string;
  severity?: string;
  phase: SummaryPhase;
  /** `detected_at`, RFC 3339 in UTC. */
  detectedAt?: string;
  /** Time since detected_at. */
  ageMs?: number;
  /** The runbook it follows; `uri` and `range` (its id) when the runbook is in the workspace. */
  runbook?: { id: string; uri?: string; range?: Range };
  /** Its running clocks, breached first, then soonest due. */
  clocks: ClockSummary[];
  /** The worst state of its clocks, when one is breached or approaching. */
  worst?: Exclude<RunningClockStatus, 'open'>;
}

export interface PhaseGroup {
  phase: SummaryPhase;
  incidents: IncidentSummary[];
}

/** A remediation (incident) or improvement (tabletop exercise) item still to do; its location is its `id` value. */
export interface ItemSummary extends SummaryLocation {
  id?: string;
  action?: string;
  owner?: string;
  /** open | in-progress. */
  status: string;
  /** As written: a date or a timestamp. */
  due?: string;
  /** The due instant, RFC 3339 in UTC (a date is due at the end of that day in the plan's zone). */
  dueAt?: string;
  overdue: boolean;
  /** The expiry of a live waiver of `remediation-overdue` covering the item. */
  waivedUntil?: string;
  /** The id of the incident or exercise holding it. */
  record: string;
  recordKind: 'Incident' | 'TabletopExercise';
}

export interface ClosedIncidentSummary extends SummaryLocation {
  id: string;
  title?: string;
  severity?: string;
  /** `closed_at`, RFC 3339 in UTC. */
  closedAt: string;
}

/** The audit period: the plan's `audit_period`, else the calendar year of now in the plan's zone. */
export interface AuditPeriod {
  start: string;
  end: string;
  fromPlan: boolean;
}

export interface WorkspaceSummary {
  /** The instant the summary was computed at, RFC 3339 in UTC. */
  asOf: string;
  /** Whether a workspace folder has a ResponsePlan. */
  hasPlan: boolean;
  /** The period of `closed` (of the first folder with a plan; each folder filters by its own). */
  auditPeriod: AuditPeriod;
  /** Open incidents by phase, in lifecycle order; only phases with incidents. */
  phases: PhaseGroup[];
  /** Every running clock, breached first, then soonest due. */
  clocks: ClockSummary[];
  /** Items still to do, overdue first, then soonest due. */
  items: ItemSummary[];
  /** Incidents closed within the audit period, the most recent first. */
  closed: ClosedIncidentSummary[];
  counts: {
    open: number;
    breached: number;
    approaching: number;
    /** Overdue items that no live waiver covers. */
    overdue: number;
  };
}

export interface SummaryInput {
  /** The program of each workspace folder. */
  folders: readonly WorkspaceModel[];
  /** Epoch ms. */
  now: number;
  /** The URI a file path is shown under. */
  uriOf(path: string): string;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** How a record without an id is named: its file name. */
const nameOf = (facts: DocumentFacts) => facts.id ?? facts.path.split(/[\\/]/).pop()!;

export function workspaceSummary({ folders, now, uriOf }: SummaryInput): WorkspaceSummary {
  const incidents: IncidentSummary[] = [];
  const clocks: ClockSummary[] = [];
  const items: ItemSummary[] = [];
  const closed: ClosedIncidentSummary[] = [];
  for (const model of folders) {
    const plan = model.plan();
    const period = resolvePeriod(auditPeriodOf(plan, now), zoneOf(plan));
    for (const facts of model.workspace.ofKind('Incident')) {
      const isOpen = facts.status !== 'closed';
      const inPeriod = !isOpen && facts.closedAt !== undefined && facts.closedAt >= period.start && facts.closedAt <= period.end;
      if (!isOpen && !inPeriod && !facts.openClocks && !facts.openItems) continue;
      const uri = uriOf(facts.path);
      // Every incident's clocks, closed ones too: a clock no notice closed is still a breach to show.
      const own = clocksOf(facts, now, uri);
      for (const clock of own) clocks.push(clock);
      for (const item of itemsOf(facts, now, uri)) items.push(item);
      const location = { uri, range: facts.idRange ?? facts.anchor };
      if (isOpen) incidents.push(openIncident(facts, model, location, own, now, uriOf));
      else if (inPeriod) closed.push({ id: nameOf(facts), title: facts.title, severity: facts.severity, closedAt: iso(facts.closedAt!), ...location });
    }
    for (const facts of model.workspace.ofKind('TabletopExercise')) {
      if (facts.openItems) for (const item of itemsOf(facts, now, uriOf(facts.path))) items.push(item);
    }
  }
  const firstPlan = folders.map((model) => model.plan()).find((plan) => plan !== undefined);
  return {
    asOf: iso(now),
    hasPlan: firstPlan !== undefined,
    auditPeriod: auditPeriodOf(firstPlan, now),
    phases: groupByPhase(incidents),
    clocks: clocks.sort(byUrgency),
    items: items.sort(byDueItem),
    closed: closed.sort((a, b) => compare(b.closedAt, a.closedAt) || compare(a.id, b.id)),
    counts: {
      open: incidents.length,
      breached: clocks.filter((clock) => clock.verdict === 'breached').length,
      approaching: clocks.filter((clock) => clock.verdict === 'approaching').length,
      overdue: items.filter((item) => item.overdue && !item.waivedUntil).length,
    },
  };
}

/** Code-unit order: the same on every machine, and much cheaper than localeCompare on large workspaces. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function openIncident(
  facts: DocumentFacts,
  model: WorkspaceModel,
  location: SummaryLocation,
  clocks: ClockSummary[],
  now: number,
  uriOf: (path: string) => string,
): IncidentSummary {
  // Built field by field, absent fields left out: this runs for every open incident of the workspace.
  const incident: IncidentSummary = {
    id: nameOf(facts),
    phase: PHASES.includes(facts.status as Phase) ? facts.status as SummaryPhase : UNKNOWN_PHASE,
    clocks: clocks.length > 1 ? [...clocks].sort(byUrgency) : clocks,
    uri: location.uri,
    range: location.range,
  };
  if (facts.title !== undefined) incident.title = facts.title;
  if (facts.severity !== undefined) incident.severity = facts.severity;
  if (facts.detectedAt !== undefined) {
    incident.detectedAt = iso(facts.detectedAt);
    incident.ageMs = now - facts.detectedAt;
  }
  const runbookId = facts.references.find((reference) => reference.field === 'runbook')?.id;
  if (runbookId !== undefined) {
    const runbook = model.workspace.withId(runbookId).find((other) => other.kind === 'Runbook');
    incident.runbook = runbook ? { id: runbookId, uri: uriOf(runbook.path), range: runbook.idRange ?? runbook.anchor } : { id: runbookId };
  }
  const worst = incident.clocks.find((clock) => clock.verdict !== 'open')?.verdict;
  if (worst === 'breached' || worst === 'approaching') incident.worst = worst;
  return incident;
}

function clocksOf(facts: DocumentFacts, now: number, uri: string): ClockSummary[] {
  if (!facts.openClocks) return [];
  return facts.openClocks.map((clock: OpenClockFacts) => {
    const verdict = clockVerdict(clock.dueAt, now, clock.warnBeforeMs);
    const summary: ClockSummary = {
      regime: clock.regime,
      label: clock.label,
      title: clock.title,
      incident: nameOf(facts),
      dueAt: iso(clock.dueAt),
      verdict,
      uri,
      range: clock.range,
    };
    if (verdict === 'breached') summary.msLate = now - clock.dueAt;
    else summary.msLeft = clock.dueAt - now;
    return summary;
  });
}

function itemsOf(facts: DocumentFacts, now: number, uri: string): ItemSummary[] {
  if (!facts.openItems) return [];
  return facts.openItems.map((item) => {
    const overdue = item.dueAt !== undefined && now > item.dueAt;
    const summary: ItemSummary = {
      status: item.status,
      overdue,
      record: nameOf(facts),
      recordKind: facts.kind === 'TabletopExercise' ? 'TabletopExercise' : 'Incident',
      uri,
      range: item.range,
    };
    if (item.id !== undefined) summary.id = item.id;
    if (item.action !== undefined) summary.action = item.action;
    if (item.owner !== undefined) summary.owner = item.owner;
    if (item.due !== undefined) summary.due = item.due;
    if (item.dueAt !== undefined) summary.dueAt = iso(item.dueAt);
    const waiver = overdue ? liveWaiverFor({ rule: 'remediation-overdue', subject: item.id }, facts.waivers, now) : undefined;
    if (waiver) summary.waivedUntil = waiver.expires;
    return summary;
  });
}

/** The plan's audit period, or the calendar year of now in the plan's zone. */
export function auditPeriodOf(plan: PlanFacts | undefined, now: number): AuditPeriod {
  if (plan?.auditPeriod) return { ...plan.auditPeriod, fromPlan: true };
  const year = localDate(now, zoneOf(plan)).slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31`, fromPlan: false };
}

/** The period as instants: from the start of its first day to the end of its last, in the plan's zone. */
function resolvePeriod(period: AuditPeriod, zone: string): { start: number; end: number } {
  return { start: startOfLocalDay(period.start, zone) ?? -Infinity, end: endOfLocalDay(period.end, zone) ?? Infinity };
}

function groupByPhase(incidents: IncidentSummary[]): PhaseGroup[] {
  const byPhase = new Map<SummaryPhase, IncidentSummary[]>();
  for (const incident of incidents) {
    const group = byPhase.get(incident.phase);
    if (group) group.push(incident);
    else byPhase.set(incident.phase, [incident]);
  }
  const order: readonly SummaryPhase[] = [...PHASES.filter((phase): phase is Exclude<Phase, 'closed'> => phase !== 'closed'), UNKNOWN_PHASE];
  return order.flatMap((phase) => {
    const inPhase = byPhase.get(phase);
    return inPhase ? [{ phase, incidents: inPhase.sort((a, b) => compare(a.id, b.id) || compare(a.uri, b.uri)) }] : [];
  });
}

/** Breached clocks first, then the soonest due. */
function byUrgency(a: ClockSummary, b: ClockSummary): number {
  return Number(b.verdict === 'breached') - Number(a.verdict === 'breached')
    || compare(a.dueAt, b.dueAt) || compare(a.incident, b.incident) || compare(a.regime, b.regime);
}

/** Overdue items first, then the soonest due (items without a due last), then by record and id. */
function byDueItem(a: ItemSummary, b: ItemSummary): number {
  return Number(b.overdue) - Number(a.overdue)
    || compare(a.dueAt ?? '\uffff', b.dueAt ?? '\uffff')
    || compare(a.record, b.record) || compare(a.id ?? '', b.id ?? '');
}
