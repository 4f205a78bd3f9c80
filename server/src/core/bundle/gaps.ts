// What an auditor would ask about first, found at the as-of over the period: no tabletop
// exercise, an overdue plan review, required post-incident reviews not held, quiet periods
// with nothing detected, records opened late in the repository.
import { DAY_MS, QUIET_PERIOD_DAYS } from './core-api';
import { iso } from './format';
import { recordsOf, type BundleModel } from './model';
import { openingCheck } from './provenance';

export type Criterion = 'CC7.1' | 'CC7.2' | 'CC7.3' | 'CC7.4' | 'CC7.5';

export interface Gap {
  criterion: Criterion;
  kind: 'no-plan' | 'no-tabletop' | 'plan-review-overdue' | 'review-not-held' | 'quiet-period' | 'opened-late';
  message: string;
  /** The bundle page the gap is about, when it is about one record. */
  page?: string;
}

const day = (ms: number) => iso(ms)!.slice(0, 10);

export function findGaps(model: BundleModel): Gap[] {
  return [...planGaps(model), ...reviewGaps(model), ...quietPeriods(model), ...openedLate(model)];
}

function planGaps(model: BundleModel): Gap[] {
  const plans = recordsOf(model, 'ResponsePlan');
  const gaps: Gap[] = [];
  if (plans.length === 0) gaps.push({ criterion: 'CC7.4', kind: 'no-plan', message: 'No ResponsePlan in the workspace: there is no documented incident response program.' });
  if (recordsOf(model, 'TabletopExercise').every((record) => record.summary.selection !== 'held-in-period')) {
    gaps.push({ criterion: 'CC7.5', kind: 'no-tabletop', message: `No tabletop exercise held in the period ${model.period.text}: the plan was not tested.` });
  }
  // The rule's own finding at the as-of: the bundle never recomputes what the core decides.
  const planFiles = new Set(plans.map((record) => record.summary.path));
  for (const finding of model.findings) {
    if (finding.rule !== 'plan-review-overdue' || !planFiles.has(finding.file) || finding.severity === 'info') continue;
    const plan = plans.find((record) => record.summary.path === finding.file)!;
    gaps.push({ criterion: 'CC7.4', kind: 'plan-review-overdue', message: finding.message, page: `${plan.name}.html` });
  }
  return gaps;
}

/** A review the severity requires, not held, once the incident is closed or the review's due time has passed. */
function reviewGaps(model: BundleModel): Gap[] {
  return recordsOf(model, 'Incident').flatMap((record) => {
    const s = record.summary;
    const review = s.review;
    if (!review?.required || review.heldAt !== undefined) return [];
    const overdue = review.dueAt !== undefined && model.asOf > review.dueAt;
    if (!overdue && s.status !== 'closed') return [];
    const why = overdue ? `it was due ${iso(review.dueAt)}` : 'the incident is closed';
    return [{
      criterion: 'CC7.5' as const,
      kind: 'review-not-held' as const,
      message: `${s.id ?? s.path} (${s.severity}) has no post-incident review, which its severity requires; ${why}.`,
      page: `${record.name}.html`,
    }];
  });
}

/** Stretches of more than QUIET_PERIOD_DAYS in the period (up to the as-of) with no incident or event detected. */
function quietPeriods(model: BundleModel): Gap[] {
  const end = Math.min(model.period.end, model.asOf);
  if (end <= model.period.start) return [];
  const detections = model.records
    .filter((record) => record.summary.kind === 'Incident' || record.summary.kind === 'SecurityEvent')
    .map((record) => record.summary.detectedAt)
    .filter((ms): ms is number => ms !== undefined && ms >= model.period.start && ms <= end)
    .sort((a, b) => a - b);
  const marks = [model.period.start, ...detections, end];
  const gaps: Gap[] = [];
  for (let i = 1; i < marks.length; i++) {
    const length = marks[i]! - marks[i - 1]!;
    if (length <= QUIET_PERIOD_DAYS * DAY_MS) continue;
    gaps.push({
      criterion: 'CC7.2',
      kind: 'quiet-period',
      message: `Nothing detected from ${day(marks[i - 1]!)} to ${day(marks[i]!)} (${Math.floor(length / DAY_MS)} days): `
        + 'an auditor may ask whether detection worked then.',
    });
  }
  return gaps;
}

function openedLate(model: BundleModel): Gap[] {
  const provenance = model.provenance;
  if (!provenance.available) return [];
  return model.records.flatMap((record) => {
    const s = record.summary;
    const history = provenance.records.get(s.path);
    const check = openingCheck(history, s.detectedAt, model.openedWithinHours, model.asOf);
    if (!check.late) return [];
    const when = check.openedAfterHours === undefined
      ? 'is still not committed'
      : `was first committed ${check.openedAfterHours} h after detection`;
    return [{
      criterion: 'CC7.3' as const,
      kind: 'opened-late' as const,
      message: `${s.id ?? s.path} ${when}; the plan allows ${model.openedWithinHours} h (record_opened_within_hours).`,
      page: `${record.name}.html`,
    }];
  });
}
