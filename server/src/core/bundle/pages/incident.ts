// The body of an incident's page: its phases and their evidence, the timeline, every
// notification clock with its due instant and when it was met, remediation, review, waivers.
import { PHASES, getIn, list, phaseIndex, record, records, text } from '../core-api';
import { hours } from '../format';
import { html, type Html } from '../html';
import type { RecordSummary } from '../summary';
import { badge, bullets, fields, prose, reference, section, show, table, when, whenMs } from './parts';
import { waiversSection } from './waivers';

export function incidentBody(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  return html`${overview(data, zone)}
${lifecycle(data, summary)}
${section('Triage (CC7.3)', triage(data, zone))}
${section('Timeline', table(['at', 'event', 'by'], records(data.timeline).map((entry) => [when(entry.at, zone), show(entry.event), show(entry.by)])))}
${section('Containment (CC7.4)', table(['action', 'at', 'by'], records(data.containment).map((entry) => [show(entry.action), when(entry.at, zone), show(entry.by)])))}
${section('Investigation (CC7.4)', investigation(data))}
${section('Notifications (CC7.4)', notifications(data, summary, zone))}
${section('Remediation (CC7.4, CC7.5)', remediation(data, summary, zone))}
${section('Recovery (CC7.5)', recovery(data, zone))}
${section('Post-incident review (CC7.5)', review(data, summary, zone))}
${waiversSection(summary)}`;
}

function overview(data: Record<string, unknown>, zone: string): Html {
  const roles = Object.entries(record(data.roles));
  return section('Overview', fields([
    ['Severity', show(data.severity)],
    ['Status (phase in progress)', show(data.status)],
    ['Category', show(data.category)],
    ['Detected', when(data.detected_at, zone)],
    ['Detection source', show(data.detection_source)],
    ['Reported by', show(data.reported_by)],
    ['Runbook', data.runbook === undefined ? undefined : reference('Runbook', data.runbook)],
    ['Roles', roles.length ? roles.map(([role, person]) => html`${role}: ${show(person)}<br>`) : undefined],
    ['Closed', data.closed_at === undefined ? undefined : when(data.closed_at, zone)],
  ]));
}

/** Every phase in order: done, in progress or not reached, and what the phase still lacks. */
function lifecycle(data: Record<string, unknown>, summary: RecordSummary): Html {
  const current = phaseIndex(data.status);
  const rows = PHASES.map((phase, i) => {
    const state = current === undefined ? 'unknown' : i < current ? 'done' : i === current ? 'current' : 'not reached';
    return [html`<span class="${i === current ? 'current' : ''}">${phase}</span>`, state];
  });
  const missing = summary.missingEvidence.length
    ? html`<p class="error">Evidence missing for the phase in progress:</p>${bullets(summary.missingEvidence)}`
    : html`<p class="met">Every phase up to the current one has its evidence (SPEC 2.3).</p>`;
  return section('Lifecycle and evidence (CC7.3–CC7.5)', table(['phase', 'state'], rows), missing);
}

function triage(data: Record<string, unknown>, zone: string): Html {
  const t = record(data.triage);
  return fields([['Assessed', when(t.assessed_at, zone)], ['By', show(t.assessed_by)], ['Rationale', prose(t.rationale)]]);
}

function investigation(data: Record<string, unknown>): Html {
  const i = record(data.investigation);
  const personal = record(i.personal_data);
  return fields([
    ['Root cause', prose(i.root_cause)],
    ['Affected systems', show(i.affected_systems)],
    ['Customer data involved', show(getIn(i, ['customer_data', 'involved']))],
    ['Customers', show(getIn(i, ['customer_data', 'customers']))],
    ['Personal data involved', show(personal.involved)],
    ['Jurisdictions', show(personal.jurisdictions)],
    ['Records affected', show(personal.records_affected)],
    ['Notes', prose(i.notes)],
  ]);
}

function notifications(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const n = record(data.notifications);
  const determination = record(n.breach_determination);
  const clocks = summary.clocks.map((clock) => [
    html`${clock.title} <span class="muted">(${clock.regime})</span>`,
    clock.recipient,
    html`${clock.clockField}<br>${whenMs(clock.startsAt, zone)}`,
    whenMs(clock.dueAt, zone),
    badge(clock.status, clock.lateByMs === undefined ? undefined : `by ${hours(clock.lateByMs)} h`),
    whenMs(clock.notifiedAt, zone),
  ]);
  return html`${fields([
    ['Aware', when(n.aware_at, zone)],
    ['Breach determination', determination.is_breach === undefined ? undefined : show(determination.is_breach)],
    ['Decided', determination.decided_at === undefined ? undefined : html`${when(determination.decided_at, zone)} by ${show(determination.decided_by)}`],
    ['Rationale', prose(determination.rationale)],
  ])}
<h3>Notification clocks (the core's deadline engine, at the as-of)</h3>
${table(['regime', 'recipient', 'clock started', 'due', 'status', 'notified'], clocks, 'No notification regime applies.')}
<h3>Notices sent</h3>
${table(['regime', 'recipient', 'notified at', 'reference', 'delay reason'], records(n.notices).map((notice) => [
    show(notice.regime), show(notice.recipient), when(notice.notified_at, zone), show(notice.reference), prose(notice.delay_reason),
  ]))}
<h3>Not required</h3>
${table(['regime', 'rationale'], records(n.not_required).map((entry) => [show(entry.regime), prose(entry.rationale)]))}`;
}

function remediation(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const reason = text(data.remediation_not_required);
  const rows = records(data.remediation).map((item, i) => [
    html`<span id="${text(item.id) ?? `remediation-${i}`}">${show(item.id)}</span>`,
    show(item.action), show(item.owner), show(item.ticket), show(item.due),
    badge(text(item.status), summary.items[i]?.overdue ? '(overdue)' : undefined),
    item.completed_at === undefined ? undefined : when(item.completed_at, zone),
    show(item.evidence),
  ]);
  return html`${reason ? fields([['Not required', prose(reason)]]) : ''}
${table(['id', 'action', 'owner', 'ticket', 'due', 'status', 'completed', 'evidence'], rows)}`;
}

function recovery(data: Record<string, unknown>, zone: string): Html {
  const r = record(data.recovery);
  return fields([
    ['Restored', when(r.restored_at, zone)],
    ['Verified by', show(r.verified_by)],
    ['Notes', prose(r.notes)],
    ['Resolved', when(data.resolved_at, zone)],
  ]);
}

function review(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const r = record(data.post_incident_review);
  const required = summary.review?.required ? 'yes, by the severity' : 'no';
  return fields([
    ['Required', required],
    ['Due', summary.review?.dueAt === undefined ? undefined : whenMs(summary.review.dueAt, zone)],
    ['Held', when(r.held_at, zone)],
    ['Participants', show(r.participants)],
    ['Summary', prose(r.summary)],
    ['Lessons learned', list(r.lessons_learned).length ? bullets(list(r.lessons_learned).map(show)) : undefined],
    ['Action items', list(r.action_items).length
      ? list(r.action_items).map((id) => html`<a href="#${String(id)}">${show(id)}</a> `)
      : undefined],
  ]);
}
