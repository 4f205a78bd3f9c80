// The CC7.1–CC7.5 coverage matrix: which evidence in the bundle supports each criterion, the
// findings of the rules that serve it, and its gaps.
import type { Table } from './csv';
import { RULES } from './core-api';
import { iso } from './format';
import type { Criterion, Gap } from './gaps';
import { recordsOf, type BundleModel, type BundleRecord } from './model';
import { inPeriod } from './period';

export interface CriterionInfo {
  id: Criterion;
  /** What the criterion asks, in a line. */
  asks: string;
}

export const CRITERIA: readonly CriterionInfo[] = [
  { id: 'CC7.1', asks: 'Detection and monitoring procedures identify configuration changes and new vulnerabilities.' },
  { id: 'CC7.2', asks: 'System components are monitored for anomalies indicative of malicious acts, disasters and errors.' },
  { id: 'CC7.3', asks: 'Security events are evaluated to determine whether they are incidents.' },
  { id: 'CC7.4', asks: 'Incidents are responded to by a defined program: contain, investigate, communicate, remediate.' },
  { id: 'CC7.5', asks: 'Recovery from incidents is carried out, and lessons are learned and acted on.' },
];

export interface Evidence {
  criterion: Criterion;
  evidence: string;
  /** The bundle file holding it. */
  file: string;
}

export interface CoverageRow {
  criterion: CriterionInfo;
  evidence: number;
  errors: number;
  warnings: number;
  gaps: Gap[];
  status: 'covered' | 'gaps' | 'no evidence';
}

const yaml = (record: BundleRecord) => `${record.name}.yaml`;
const name = (record: BundleRecord) => record.summary.id ?? record.summary.path;

export function coverageEvidence(model: BundleModel): Evidence[] {
  const items: Evidence[] = [];
  const add = (criterion: Criterion, record: BundleRecord, evidence: string) => items.push({ criterion, evidence, file: yaml(record) });
  const detected = [...recordsOf(model, 'SecurityEvent'), ...recordsOf(model, 'Incident')].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const plan of recordsOf(model, 'ResponsePlan')) {
    for (const entry of plan.summary.plan?.monitoring ?? []) {
      add('CC7.1', plan, `Monitoring: ${entry.system ?? '(no system)'} (${entry.sources.join(', ') || 'no sources'})`);
    }
  }
  for (const record of detected) {
    const s = record.summary;
    if (s.detectionSource === 'vulnerability-scan') add('CC7.1', record, `${name(record)}: found by a vulnerability scan`);
    if (s.selection === 'detected-in-period') add('CC7.2', record, `${name(record)}: detected ${iso(s.detectedAt)} (${s.detectionSource ?? 'no source'})`);
    if (s.triagedAt !== undefined) add('CC7.3', record, `${name(record)}: triaged ${iso(s.triagedAt)}${s.outcome ? ` (${s.outcome})` : ''}`);
  }
  for (const plan of recordsOf(model, 'ResponsePlan')) {
    const p = plan.summary.plan;
    if (p?.approvedAt !== undefined) add('CC7.4', plan, `Response plan approved ${iso(p.approvedAt)} by ${p.approvedBy ?? '(unknown)'}`);
    for (const review of p?.reviews ?? []) {
      if (review.at !== undefined && inPeriod(review.at, model.period)) add('CC7.4', plan, `Response plan reviewed ${iso(review.at)}`);
    }
  }
  for (const runbook of recordsOf(model, 'Runbook')) add('CC7.4', runbook, `Runbook ${name(runbook)}: last reviewed ${runbook.summary.lastReviewed ?? '(never)'}`);
  for (const incident of recordsOf(model, 'Incident')) {
    const s = incident.summary;
    if (s.firstContainmentAt !== undefined) add('CC7.4', incident, `${name(incident)}: contained ${iso(s.firstContainmentAt)}`);
    for (const clock of s.clocks) {
      if (clock.status === 'met' || clock.status === 'late' || clock.status === 'not-required') add('CC7.4', incident, `${name(incident)}: ${clock.regime} notice ${clock.status}`);
    }
    for (const item of s.items) add('CC7.4', incident, `${name(incident)} ${item.id ?? 'remediation item'}: ${item.status ?? 'no status'}`);
    if (s.resolvedAt !== undefined) add('CC7.5', incident, `${name(incident)}: recovered, resolved ${iso(s.resolvedAt)}`);
    if (s.review?.heldAt !== undefined) add('CC7.5', incident, `${name(incident)}: post-incident review held ${iso(s.review.heldAt)}`);
  }
  for (const exercise of recordsOf(model, 'TabletopExercise')) {
    if (exercise.summary.selection === 'held-in-period') add('CC7.5', exercise, `${name(exercise)}: tabletop exercise held ${iso(exercise.summary.heldAt)}`);
    for (const item of exercise.summary.items) add('CC7.5', exercise, `${name(exercise)} ${item.id ?? 'improvement'}: ${item.status ?? 'no status'}`);
  }
  return items;
}

/** `coverage.csv`: criterion, evidence item, file (SPEC 6), by criterion. */
export function coverageTable(evidence: readonly Evidence[]): Table {
  const sorted = [...evidence].sort((a, b) => (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0));
  return { header: ['criterion', 'evidence', 'file'], rows: sorted.map((item) => [item.criterion, item.evidence, item.file]) };
}

export function coverageMatrix(model: BundleModel, evidence: readonly Evidence[], gaps: readonly Gap[]): CoverageRow[] {
  const served = criteriaByRule();
  return CRITERIA.map((criterion) => {
    const findings = model.findings.filter((finding) => served.get(finding.rule)?.has(criterion.id));
    const own = gaps.filter((gap) => gap.criterion === criterion.id);
    const count = evidence.filter((item) => item.criterion === criterion.id).length;
    return {
      criterion,
      evidence: count,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      gaps: own,
      status: count === 0 ? 'no evidence' : own.length > 0 ? 'gaps' : 'covered',
    };
  });
}

/** The CC7 criteria each rule serves, from the registry's `criteria` ("all", "CC7.3–CC7.5", "CC7.4, CC2.3"). */
function criteriaByRule(): Map<string, Set<Criterion>> {
  const all = CRITERIA.map((criterion) => criterion.id);
  return new Map(RULES.map((rule) => {
    if (rule.criteria === 'all') return [rule.id, new Set(all)];
    const served = rule.criteria.split(',').flatMap((part) => {
      const [from, to = from] = part.trim().split('–');
      return all.filter((id) => id >= from! && id <= to!);
    });
    return [rule.id, new Set(served)];
  }));
}
