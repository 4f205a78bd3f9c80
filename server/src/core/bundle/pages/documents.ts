// The bodies of the other kinds' pages: security event, tabletop exercise, runbook, plan.
import { isRecord, list, record, records, text } from '../core-api';
import { html, type Html } from '../html';
import type { RecordSummary } from '../summary';
import { badge, bullets, fields, prose, reference, section, show, table, when } from './parts';
import { waiversSection } from './waivers';

export function eventBody(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const triage = record(data.triage);
  return html`${fields([
    ['Detected', when(data.detected_at, zone)],
    ['Detection source', show(data.detection_source)],
    ['Reported by', show(data.reported_by)],
  ])}
${section('Triage (CC7.3)', fields([
    ['Assessed', when(triage.assessed_at, zone)],
    ['By', show(triage.assessed_by)],
    ['Outcome', show(triage.outcome)],
    ['Rationale', prose(triage.rationale)],
    ['Escalated to', data.incident === undefined ? undefined : reference('Incident', data.incident)],
  ]))}
${waiversSection(summary)}`;
}

export function tabletopBody(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const participants = list(data.participants).map((entry) => isRecord(entry) ? [show(entry.person), show(entry.role)] : [show(entry), undefined]);
  return html`${fields([['Held', when(data.held_at, zone)], ['Facilitator', show(data.facilitator)]])}
${section('Participants', table(['person', 'role'], participants))}
${section('Scenario', prose(data.scenario))}
${section('Runbooks exercised', bullets(list(data.runbooks_exercised).map((id) => reference('Runbook', id))))}
${section('Findings', bullets(list(data.findings).map(prose)))}
${section('Improvements (CC7.5)', table(['id', 'action', 'owner', 'ticket', 'due', 'status', 'completed'],
    records(data.improvements).map((item, i) => [show(item.id), show(item.action), show(item.owner), show(item.ticket), show(item.due),
      badge(text(item.status), summary.items[i]?.overdue ? '(overdue)' : undefined),
      item.completed_at === undefined ? undefined : when(item.completed_at, zone)])))}
${waiversSection(summary)}`;
}

const RUNBOOK_PHASES = ['identification', 'containment', 'investigation', 'remediation', 'recovery', 'post_incident_review'];

export function runbookBody(data: Record<string, unknown>, summary: RecordSummary): Html {
  const phases = record(data.phases);
  return html`${fields([
    ['Owner', show(data.owner)],
    ['Categories', show(data.categories)],
    ['Severities', show(data.severities)],
    ['Last reviewed', show(data.last_reviewed)],
    ['Review interval (days)', show(data.review_interval_days)],
  ])}
${RUNBOOK_PHASES.map((phase) => section(`Phase: ${phase.replace(/_/g, ' ')}`,
    table(['step', 'role'], records(phases[phase]).map((step) => [prose(step.step), show(step.role)]))))}
${waiversSection(summary)}`;
}

export function planBody(data: Record<string, unknown>, summary: RecordSummary, zone: string): Html {
  const approved = record(data.approved);
  const notification = record(data.notification);
  const businessDays = record(data.business_days);
  return html`${fields([
    ['Organization', show(data.organization)],
    ['Time zone', show(data.timezone)],
    ['Approved', approved.at === undefined ? undefined : html`${when(approved.at, zone)} by ${show(approved.by)}`],
    ['Review interval (days)', show(data.review_interval_days)],
    ['Tabletop interval (days)', show(data.tabletop_interval_days)],
    ['Records opened within (hours)', show(data.record_opened_within_hours)],
    ['Business days', show(businessDays.weekdays)],
    ['Holidays', show(businessDays.holidays)],
  ])}
${section('Reviews (CC7.4)', table(['at', 'reviewers', 'changes'], records(data.reviews).map((review) => [when(review.at, zone), show(review.reviewers), prose(review.changes)])))}
${section('Roles', table(['role', 'title', 'members'], Object.entries(record(data.roles)).map(([id, role]) => [id, show(record(role).title), show(record(role).members)])))}
${section('Reporting channels', table(['kind', 'address'], records(data.reporting_channels).map((channel) => [show(channel.kind), show(channel.address)])))}
${section('Severity levels', table(['id', 'name', 'description', 'escalate within (min)', 'review', 'remediation due (days)'],
    records(data.severity_levels).map((level) => {
      const review = record(level.post_incident_review);
      const reviewText = review.required === true ? `required, within ${String(review.due_business_days ?? '?')} business days` : 'not required';
      return [show(level.id), show(level.name), prose(level.description), show(level.escalate_within_minutes), reviewText, show(level.remediation_due_days)];
    })))}
${section('Notification', fields([
    ['Regimes in scope', show(list(notification.regimes).map((regime) => (isRecord(regime) ? text(regime.id) ?? '(unnamed)' : regime)))],
    ['Customer DPA window (hours)', show(notification.customer_dpa_hours)],
    ['Warn before (hours)', show(notification.warn_before_hours)],
  ]))}
${section('Monitoring (CC7.1, CC7.2)', table(['system', 'sources'], (summary.plan?.monitoring ?? []).map((entry) => [show(entry.system), show(entry.sources)])))}
${section('Rule severities', table(['rule', 'severity'], Object.entries(record(data.rules)).map(([rule, severity]) => [rule, show(severity)])))}
${waiversSection(summary)}`;
}
