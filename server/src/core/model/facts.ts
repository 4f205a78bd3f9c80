import { getIn, isPresent, records, text } from './data';
import { localDate, parseDue, parseInstant } from './time';
import type { Cc7Document } from './document';
import { extractMentions, type Mention, type MentionKind } from './mentions';
import { extractPlanFacts, type PlanFacts } from './plan';
import type { Kind, Range } from './types';

/** A reference from one document to another document's id. */
export interface Reference {
  id: string;
  /** The kind the referenced id must be. */
  expects: Kind;
  /** Where the reference is written. */
  range: Range;
  /** The YAML key it is written under, for messages ("runbook", "incident"). */
  field: string;
}

/** A SecurityEvent's triage outcome and its link to an incident (escalation-link). */
export interface EscalationFacts {
  outcome?: string;
  outcomeRange: Range;
  incident?: string;
  incidentRange?: Range;
}

/** An accepted exception (SPEC 2.5), as the policy step applies it. */
export interface WaiverFacts {
  rule: string;
  /** An id inside the document; undefined covers the whole document. */
  target?: string;
  reason: string;
  approvedBy: string;
  /** As written, for messages. */
  expires: string;
  /** The instant it expires (end of the day for a date); undefined when unreadable. */
  expiresAt?: number;
  /** The waiver entry, where `waiver-expired` sits. */
  range: Range;
}

/**
 * A notification clock of an incident that no notice or `not_required` entry has closed.
 * Whether it is open, approaching or breached depends on "now", so that verdict is computed
 * when asked (core/deadlines clockVerdict), never stored.
 */
export interface OpenClockFacts {
  regime: string;
  /** The regime's short name ("GDPR Art. 33"). */
  label: string;
  /** Its full title ("GDPR Art. 33 notice to the supervisory authority"). */
  title: string;
  /** The due instant, epoch ms. */
  dueAt: number;
  /** How long before `dueAt` it counts as approaching: the plan's warn_before_hours, or the regime's own lead when shorter. */
  warnBeforeMs: number;
  /** The field the clock starts at (`notifications.aware_at`, ...). */
  range: Range;
}

/** A remediation or improvement item still to do (status open or in-progress). */
export interface OpenItemFacts {
  id?: string;
  action?: string;
  owner?: string;
  status: string;
  /** As written: a date (due at the end of that day in the plan's zone) or a timestamp. */
  due?: string;
  /** The due instant, epoch ms; undefined without a readable due. */
  dueAt?: number;
  /** The item's `id` value, or the item when it has none. */
  range: Range;
}

/**
 * An incident's post-incident review as pir-deadline checks it, without the parse tree: so
 * that a change of a severity's review window re-checks the incident from its facts.
 */
export interface ReviewFacts {
  /** `resolved_at` (epoch ms; offset-less times in the plan's zone), its local day in the plan's zone, and where it is written. */
  resolvedAt: number;
  resolvedDay: string;
  resolvedRange: Range;
  /** `post_incident_review.held_at` when present: its instant (undefined when unreadable) and where it is written. */
  held?: { at?: number; range: Range };
}

/**
 * What the workspace knows of one CC7 document without keeping its parse tree: enough for
 * the cross-file rules, the tree view and the bundle. Plain data, compared to decide what a
 * change affects.
 */
export interface DocumentFacts {
  path: string;
  kind?: Kind;
  id?: string;
  /** The range of the `id` value. */
  idRange?: Range;
  /** Where findings about the document as a whole sit: the `kind` key (or `apiVersion`). */
  anchor: Range;
  title?: string;
  /** Incident status (its lifecycle phase). */
  status?: string;
  severity?: string;
  /** Incidents and events: when detected (epoch ms). */
  detectedAt?: number;
  /** Tabletop exercises: when held (epoch ms). */
  heldAt?: number;
  /** Incidents: `closed_at` (epoch ms). */
  closedAt?: number;
  /** Incidents with a readable `resolved_at`: the review pir-deadline checks. */
  review?: ReviewFacts;
  /** Incidents: the notification clocks still running or breached (service/work-facts.ts). */
  openClocks?: OpenClockFacts[];
  /** Incidents and tabletop exercises: the remediation or improvement items still to do (service/work-facts.ts). */
  openItems?: OpenItemFacts[];
  references: Reference[];
  escalation?: EscalationFacts;
  waivers: WaiverFacts[];
  /** Present on a ResponsePlan. */
  plan?: PlanFacts;
  /** On a ResponsePlan: where `tabletop_interval_days` is written (tabletop-overdue sits there). */
  tabletopIntervalRange?: Range;
  /** Every id the document defines or uses, with its place (definitions, references, rename). */
  mentions: Mention[];
}

/** Extracts the facts of a parsed document; times without an offset are read in `zone`. */
export function extractFacts(doc: Cc7Document, zone: string): DocumentFacts {
  const data = doc.data ?? {};
  const id = text(data.id);
  const instant = (value: unknown) => parseInstant(value, zone)?.ms;
  return {
    path: doc.path,
    kind: doc.kind,
    id,
    idRange: id === undefined ? undefined : doc.locate(['id']),
    anchor: doc.locate(['kind'], 'key'),
    title: text(data.title),
    status: doc.kind === 'Incident' ? text(data.status) : undefined,
    severity: text(data.severity),
    detectedAt: doc.kind === 'Incident' || doc.kind === 'SecurityEvent' ? instant(data.detected_at) : undefined,
    heldAt: doc.kind === 'TabletopExercise' ? instant(data.held_at) : undefined,
    closedAt: doc.kind === 'Incident' ? instant(data.closed_at) : undefined,
    review: doc.kind === 'Incident' ? review(doc, zone) : undefined,
    references: references(doc),
    escalation: doc.kind === 'SecurityEvent' ? escalation(doc) : undefined,
    waivers: waivers(doc, zone),
    plan: doc.kind === 'ResponsePlan' ? extractPlanFacts(doc) : undefined,
    tabletopIntervalRange: doc.kind === 'ResponsePlan' && data.tabletop_interval_days !== undefined
      ? doc.locate(['tabletop_interval_days'])
      : undefined,
    mentions: extractMentions(doc),
  };
}

const HELD_AT = ['post_incident_review', 'held_at'];

function review(doc: Cc7Document, zone: string): ReviewFacts | undefined {
  const resolvedAt = parseInstant(doc.data?.resolved_at, zone)?.ms;
  if (resolvedAt === undefined) return undefined;
  const held = getIn(doc.data, HELD_AT);
  return {
    resolvedAt,
    resolvedDay: localDate(resolvedAt, zone),
    resolvedRange: doc.locate(['resolved_at']),
    ...(isPresent(held) ? { held: { at: parseInstant(held, zone)?.ms, range: doc.locate(HELD_AT) } } : {}),
  };
}

function references(doc: Cc7Document): Reference[] {
  const data = doc.data ?? {};
  const found: Reference[] = [];
  const add = (value: unknown, expects: Kind, path: (string | number)[], field: string) => {
    const id = text(value);
    if (id) found.push({ id, expects, range: doc.locate(path), field });
  };
  if (doc.kind === 'Incident') add(data.runbook, 'Runbook', ['runbook'], 'runbook');
  if (doc.kind === 'SecurityEvent') add(data.incident, 'Incident', ['incident'], 'incident');
  if (doc.kind === 'TabletopExercise' && Array.isArray(data.runbooks_exercised)) {
    data.runbooks_exercised.forEach((value, i) => add(value, 'Runbook', ['runbooks_exercised', i], 'runbooks_exercised'));
  }
  return found;
}

function escalation(doc: Cc7Document): EscalationFacts {
  const data = doc.data ?? {};
  const triage = records([data.triage])[0] ?? {};
  const incident = text(data.incident);
  return {
    outcome: text(triage.outcome),
    outcomeRange: doc.locate(['triage', 'outcome']),
    incident,
    incidentRange: isPresent(data.incident) ? doc.locate(['incident']) : undefined,
  };
}

function waivers(doc: Cc7Document, zone: string): WaiverFacts[] {
  return records(doc.data?.waivers).flatMap((waiver, i) => {
    const rule = text(waiver.rule);
    if (!rule) return [];
    const expires = typeof waiver.expires === 'string' ? waiver.expires : '';
    return [{
      rule,
      target: text(waiver.target),
      reason: text(waiver.reason) ?? '(no reason given)',
      approvedBy: text(waiver.approved_by) ?? '(no approver)',
      expires,
      expiresAt: parseDue(expires, zone)?.ms,
      range: doc.locate(['waivers', i]),
    }];
  });
}

/** Read access to every document's facts, for the workspace rules. */
export interface WorkspaceIndex {
  /** Documents declaring this id, in path order. */
  withId(id: string): DocumentFacts[];
  /** Every ResponsePlan, in path order; the first governs. */
  plans(): DocumentFacts[];
  /** The first CC7 document in path order. */
  first(): DocumentFacts | undefined;
  /** Every document of a kind, in no particular order. */
  ofKind(kind: Kind): DocumentFacts[];
  /** Documents that refer to this id (their paths). */
  referringTo(id: string): string[];
  /** The Incident or SecurityEvent detected last at or before the instant (on a tie, the first in path order). */
  latestDetection(atOrBefore: number): DocumentFacts | undefined;
  /** Documents that mention a severity, role or document id (define it or use it), in no particular order. */
  mentioning(kind: Exclude<MentionKind, 'item'>, id: string): DocumentFacts[];
}
