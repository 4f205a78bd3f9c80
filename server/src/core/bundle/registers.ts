// The CSV files of the bundle (docs/bundle.md describes every column). Pure: rows from the
// bundle model, one function per file, in the order the files are listed there.
import type { Table } from './csv';
import { hours, iso, local } from './format';
import { bundleFileIndex, recordsOf, type BundleModel, type BundleRecord } from './model';
import { openingCheck } from './provenance';
import { inPeriod } from './period';

const page = (record: BundleRecord) => `${record.name}.html`;
const yaml = (record: BundleRecord) => `${record.name}.yaml`;
const list = (items: readonly string[]) => items.join('; ');

export function incidentsRegister(model: BundleModel): Table {
  return {
    header: ['id', 'title', 'severity', 'status', 'category', 'detected_at', 'detection_source', 'triaged_at',
      'first_containment_at', 'resolved_at', 'closed_at', 'review_required', 'review_due_at', 'review_held_at',
      'missing_evidence', 'in_period', 'file', 'page'],
    rows: recordsOf(model, 'Incident').map((record) => {
      const s = record.summary;
      return [s.id, s.title, s.severity, s.status, s.category, iso(s.detectedAt), s.detectionSource, iso(s.triagedAt),
        iso(s.firstContainmentAt), iso(s.resolvedAt), iso(s.closedAt), s.review?.required, iso(s.review?.dueAt),
        iso(s.review?.heldAt), list(s.missingEvidence), s.selection, yaml(record), page(record)];
    }),
  };
}

export function eventsRegister(model: BundleModel): Table {
  return {
    header: ['id', 'title', 'detected_at', 'detection_source', 'triaged_at', 'outcome', 'incident', 'in_period', 'file', 'page'],
    rows: recordsOf(model, 'SecurityEvent').map((record) => {
      const s = record.summary;
      return [s.id, s.title, iso(s.detectedAt), s.detectionSource, iso(s.triagedAt), s.outcome, s.incident, s.selection, yaml(record), page(record)];
    }),
  };
}

export function remediationRegister(model: BundleModel): Table {
  return {
    header: ['record', 'section', 'item', 'action', 'owner', 'ticket', 'due', 'status', 'completed_at', 'evidence', 'overdue_at_as_of', 'file'],
    rows: model.records.flatMap((record) => record.summary.items.map((item) => [
      record.summary.id, item.section, item.id, item.action, item.owner, item.ticket, item.due, item.status,
      iso(item.completedAt), item.evidence, item.overdue, yaml(record),
    ])),
  };
}

export function notificationsRegister(model: BundleModel): Table {
  return {
    header: ['incident', 'regime', 'title', 'recipient', 'clock_field', 'clock_started_at', 'due_at', 'due_local',
      'status', 'notified_at', 'late_by_hours', 'delay_reason_given', 'file'],
    rows: recordsOf(model, 'Incident').flatMap((record) => record.summary.clocks.map((clock) => [
      record.summary.id, clock.regime, clock.title, clock.recipient, clock.clockField, iso(clock.startsAt), iso(clock.dueAt),
      local(clock.dueAt, model.zone), clock.status, iso(clock.notifiedAt), hours(clock.lateByMs),
      clock.notifiedAt === undefined ? undefined : clock.hasDelayReason === true, yaml(record),
    ])),
  };
}

export function tabletopRegister(model: BundleModel): Table {
  return {
    header: ['id', 'title', 'held_at', 'facilitator', 'participants', 'runbooks_exercised', 'findings', 'improvements', 'in_period', 'file', 'page'],
    rows: recordsOf(model, 'TabletopExercise').map((record) => {
      const s = record.summary;
      return [s.id, s.title, iso(s.heldAt), s.facilitator, s.participants, list(s.runbooks), s.findingsRecorded, s.items.length, s.selection, yaml(record), page(record)];
    }),
  };
}

/** Plan reviews held within the period (SPEC 6). */
export function planReviewsRegister(model: BundleModel): Table {
  return {
    header: ['plan', 'reviewed_at', 'reviewers', 'changes', 'file'],
    rows: recordsOf(model, 'ResponsePlan').flatMap((record) => (record.summary.plan?.reviews ?? [])
      .filter((review) => review.at !== undefined && inPeriod(review.at, model.period))
      .map((review) => [record.summary.plan?.organization, iso(review.at), list(review.reviewers), review.changes, yaml(record)])),
  };
}

export function waiversRegister(model: BundleModel): Table {
  return {
    header: ['record', 'kind', 'rule', 'target', 'reason', 'approved_by', 'approved_at', 'expires', 'live_at_as_of', 'file'],
    rows: model.records.flatMap((record) => record.summary.waivers.map((waiver) => [
      record.summary.id, record.summary.kind, waiver.rule, waiver.target, waiver.reason, waiver.approvedBy,
      waiver.approvedAt, waiver.expires, waiver.live, yaml(record),
    ])),
  };
}

export function findingsTable(model: BundleModel): Table {
  const files = bundleFileIndex(model);
  return {
    header: ['file', 'line', 'column', 'rule', 'severity', 'message', 'bundle_file'],
    rows: model.findings.map((f) => [f.file, f.line, f.column, f.rule, f.severity, f.message, files.get(f.file)]),
  };
}

export function provenanceTable(model: BundleModel): Table {
  const header = ['file', 'record', 'kind', 'state', 'first_commit_at', 'last_commit_at', 'commits', 'authors',
    'detected_at', 'opened_after_detection_hours', 'opened_late'];
  const provenance = model.provenance;
  return {
    header,
    rows: model.records.map((record) => {
      const s = record.summary;
      const base = [yaml(record), s.id, s.kind];
      if (!provenance.available) return [...base, 'unavailable', ...Array(header.length - 4).fill(undefined)];
      const history = provenance.records.get(s.path);
      const check = openingCheck(history, s.detectedAt, model.openedWithinHours, model.asOf);
      return [...base, history?.state ?? 'not-committed', iso(history?.firstCommitAt), iso(history?.lastCommitAt),
        history?.commits ?? 0, list(history?.authors ?? []), iso(s.detectedAt), check.openedAfterHours,
        s.detectedAt === undefined ? undefined : check.late];
    }),
  };
}
