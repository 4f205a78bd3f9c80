import type { Cc7Document } from './document';
import { count, isRecord, list, record, strings, text } from './data';
import { DATE_PATTERN, resolveZone } from './time';
import { isSeveritySetting, type SeveritySetting } from './types';

/** A severity level of the plan, as the rules need it. */
export interface SeverityFacts {
  id: string;
  name?: string;
  description?: string;
  reviewRequired: boolean;
  reviewDueBusinessDays?: number;
  remediationDueDays?: number;
  escalateWithinMinutes?: number;
}

/**
 * What other documents need from the governing ResponsePlan. Plain data, so that a change
 * to the plan that leaves these facts equal re-checks nothing else.
 */
export interface PlanFacts {
  path: string;
  organization?: string;
  /** An IANA zone; UTC when the plan's is missing or unknown (the schema rule reports that). */
  timezone: string;
  severities: SeverityFacts[];
  roles: string[];
  businessDays: { weekdays?: string[]; holidays?: string[] };
  regimes: unknown[];
  /** `notification.regimes_custom`: the plan's own regimes. */
  regimesCustom: unknown[];
  customerDpaHours?: number;
  warnBeforeHours: number;
  reviewIntervalDays?: number;
  tabletopIntervalDays?: number;
  /** Per-rule severity from the plan's `rules:`. */
  rules: Record<string, SeveritySetting>;
  /** `audit_period`: its first and last day (`YYYY-MM-DD`), when both are dates. */
  auditPeriod?: { start: string; end: string };
}

const DEFAULT_WARN_BEFORE_HOURS = 24;

/** The zone local times are read in: the plan's, or UTC without a plan. */
export function zoneOf(plan: PlanFacts | undefined): string {
  return plan?.timezone ?? 'UTC';
}

export function extractPlanFacts(doc: Cc7Document): PlanFacts {
  const data = doc.data ?? {};
  const notification = record(data.notification);
  const businessDays = record(data.business_days);
  return {
    path: doc.path,
    organization: text(data.organization),
    timezone: resolveZone(data.timezone),
    severities: list(data.severity_levels).filter(isRecord).flatMap(severityFacts),
    roles: Object.keys(record(data.roles)),
    businessDays: { weekdays: strings(businessDays.weekdays), holidays: strings(businessDays.holidays) },
    regimes: list(notification.regimes),
    regimesCustom: list(notification.regimes_custom),
    customerDpaHours: count(notification.customer_dpa_hours),
    warnBeforeHours: count(notification.warn_before_hours) ?? DEFAULT_WARN_BEFORE_HOURS,
    reviewIntervalDays: count(data.review_interval_days),
    tabletopIntervalDays: count(data.tabletop_interval_days),
    rules: Object.fromEntries(Object.entries(record(data.rules))
      .filter((entry): entry is [string, SeveritySetting] => isSeveritySetting(entry[1]))),
    ...auditPeriod(record(data.audit_period)),
  };
}

function auditPeriod(period: Record<string, unknown>): Pick<PlanFacts, 'auditPeriod'> {
  const [start, end] = [text(period.start), text(period.end)];
  return start && end && DATE_PATTERN.test(start) && DATE_PATTERN.test(end) ? { auditPeriod: { start, end } } : {};
}

function severityFacts(entry: Record<string, unknown>): SeverityFacts[] {
  const id = text(entry.id);
  if (!id) return [];
  const review = record(entry.post_incident_review);
  return [{
    id,
    name: text(entry.name),
    description: text(entry.description),
    reviewRequired: review.required === true,
    reviewDueBusinessDays: count(review.due_business_days),
    remediationDueDays: count(entry.remediation_due_days),
    escalateWithinMinutes: count(entry.escalate_within_minutes),
  }];
}

/**
 * The parts of the plan that documents read, each changing on its own: a plan edit re-checks
 * only the documents that read a part it changed (RuleReads.plan). The severity parts are
 * those of the document's own severity level, one per field a rule reads, so that a change of
 * one window re-checks only what reads that window; `path` is which plan governs (and whether
 * one does).
 */
export type PlanPart = 'path' | 'zone' | 'calendar' | 'severityIds' | 'roles' | 'regimes' | SeverityPart;

/** A field of the document's own severity level: whether it requires a review, the review's window, the remediation window. */
export type SeverityPart = 'reviewRequired' | 'reviewDays' | 'remediationDays';

const SEVERITY_PARTS: Readonly<Record<SeverityPart, (level: SeverityFacts) => unknown>> = {
  reviewRequired: (level) => level.reviewRequired,
  reviewDays: (level) => level.reviewDueBusinessDays,
  remediationDays: (level) => level.remediationDueDays,
};

function isSeverityPart(part: PlanPart): part is SeverityPart {
  return part in SEVERITY_PARTS;
}

type SharedPart = Exclude<PlanPart, SeverityPart>;

/** Each part of one plan as a comparable key. */
export interface PlanPartKeys {
  shared: Readonly<Record<SharedPart, string>>;
  /** Severity id -> the key of each of its parts. */
  severities: ReadonlyMap<string, Readonly<Record<SeverityPart, string>>>;
}

export function planPartKeys(plan: PlanFacts | undefined): PlanPartKeys {
  return {
    shared: {
      path: plan?.path ?? '',
      zone: zoneOf(plan),
      calendar: JSON.stringify(plan?.businessDays ?? null),
      severityIds: (plan?.severities ?? []).map((level) => level.id).join(','),
      roles: (plan?.roles ?? []).join(','),
      regimes: JSON.stringify([plan?.regimes ?? [], plan?.regimesCustom ?? [], plan?.customerDpaHours, plan?.warnBeforeHours]),
    },
    severities: new Map((plan?.severities ?? []).map((level) => [level.id, severityPartKeys(level)])),
  };
}

function severityPartKeys(level: SeverityFacts): Record<SeverityPart, string> {
  const keys = {} as Record<SeverityPart, string>;
  for (const part of Object.keys(SEVERITY_PARTS) as SeverityPart[]) keys[part] = JSON.stringify(SEVERITY_PARTS[part](level) ?? null);
  return keys;
}

/** The key of the parts a document reads: equal keys mean the plan changed nothing it reads. */
export function planKeyOf(parts: ReadonlySet<PlanPart>, keys: PlanPartKeys, severity: string | undefined): string {
  let key = '';
  for (const part of PLAN_PARTS) {
    if (!parts.has(part)) continue;
    key += `${part}=${isSeverityPart(part) ? severityKey(keys, severity, part) : keys.shared[part]}\u0000`;
  }
  return key;
}

/** A part of a document's severity level; '-' when the plan has no such level, '' for a document without a severity. */
function severityKey(keys: PlanPartKeys, severity: string | undefined, part: SeverityPart): string {
  return severity === undefined ? '' : keys.severities.get(severity)?.[part] ?? '-';
}

const PLAN_PARTS: readonly PlanPart[] = ['path', 'zone', 'calendar', 'severityIds', 'roles', 'regimes', ...Object.keys(SEVERITY_PARTS) as SeverityPart[]];

/** What changed between two plans: the parts, and for each severity part the ids of the levels whose part changed. */
export interface PlanChange {
  parts: ReadonlySet<PlanPart>;
  severities: ReadonlyMap<SeverityPart, ReadonlySet<string>>;
}

export function planChange(before: PlanPartKeys, after: PlanPartKeys): PlanChange {
  const parts = new Set<PlanPart>();
  for (const part of Object.keys(after.shared) as SharedPart[]) {
    if (before.shared[part] !== after.shared[part]) parts.add(part);
  }
  const severities = new Map<SeverityPart, Set<string>>();
  for (const id of new Set([...before.severities.keys(), ...after.severities.keys()])) {
    for (const part of Object.keys(SEVERITY_PARTS) as SeverityPart[]) {
      if (severityKey(before, id, part) === severityKey(after, id, part)) continue;
      parts.add(part);
      let ids = severities.get(part);
      if (!ids) severities.set(part, ids = new Set());
      ids.add(id);
    }
  }
  return { parts, severities };
}

/** Whether a document reading `parts`, of severity `severity`, reads something the change changed. */
export function isAffected(change: PlanChange, parts: ReadonlySet<PlanPart>, severity: string | undefined): boolean {
  for (const part of parts) {
    if (!change.parts.has(part)) continue;
    if (!isSeverityPart(part) || (severity !== undefined && change.severities.get(part)!.has(severity))) return true;
  }
  return false;
}
