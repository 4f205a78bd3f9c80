import type { DocumentFacts } from '../model/facts';
import type { PlanPart } from '../model/plan';
import type { RuleId } from '../model/types';
import type { Rule } from './rule';
import { breachDetermination } from './breach-determination';
import { duplicateId } from './duplicate-id';
import { escalationLink } from './escalation-link';
import { fileTooLarge } from './file-too-large';
import { multipleDocuments } from './multiple-documents';
import { notificationDeadline } from './notification-deadline';
import { phaseEvidence } from './phase-evidence';
import { pirDeadline } from './pir-deadline';
import { planMissing } from './plan-missing';
import { planReviewOverdue } from './plan-review-overdue';
import { quietPeriod } from './quiet-period';
import { remediationOverdue } from './remediation-overdue';
import { remediationUntracked } from './remediation-untracked';
import { runbookReviewOverdue } from './runbook-review-overdue';
import { schema } from './schema';
import { secretInRecord } from './secret-in-record';
import { tabletopOverdue } from './tabletop-overdue';
import { timelineOrder } from './timeline-order';
import { timestampTimezone } from './timestamp-timezone';
import { unknownKey } from './unknown-key';
import { unknownReference } from './unknown-reference';
import { waiverExpired } from './waiver-expired';
import { yamlSyntax } from './yaml-syntax';

/** The registry: every rule of the product, in the order their findings are computed. */
export const RULES: readonly Rule[] = [
  fileTooLarge,
  yamlSyntax,
  multipleDocuments,
  schema,
  unknownKey,
  phaseEvidence,
  timelineOrder,
  timestampTimezone,
  breachDetermination,
  notificationDeadline,
  pirDeadline,
  remediationUntracked,
  remediationOverdue,
  unknownReference,
  duplicateId,
  planMissing,
  planReviewOverdue,
  tabletopOverdue,
  runbookReviewOverdue,
  escalationLink,
  secretInRecord,
  waiverExpired,
  quietPeriod,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** Everything the rules read together: what a change can affect (service/program.ts). */
export const WORKSPACE_READS = {
  sameId: RULES.some((rule) => rule.reads.sameId),
  referenced: RULES.some((rule) => rule.reads.referenced),
  planOverKinds: new Set(RULES.flatMap((rule) => rule.reads.planOverKinds ?? [])),
  firstDocument: RULES.some((rule) => rule.reads.firstDocument),
};

/** Every rule that reads the plan in its document check, and in its workspace check. */
const PLAN_READERS = RULES.filter((rule) => rule.checkDocument && rule.reads.plan);
const PLAN_READERS_ACROSS = RULES.filter((rule) => rule.checkWorkspace && rule.reads.plan);

/**
 * The parts of the plan a document's analysis reads: what its rules declare, and always the
 * zone (its facts read offset-less times in it). A change to one re-analyses the document.
 */
export function planPartsRead(facts: DocumentFacts): Set<PlanPart> {
  const parts = new Set<PlanPart>(['zone']);
  for (const rule of PLAN_READERS) for (const part of rule.reads.plan!(facts)) parts.add(part);
  return parts;
}

/**
 * The parts of the plan the workspace checks read for a document: a change to one re-runs
 * them on its facts, with no new analysis.
 */
export function planPartsReadAcross(facts: DocumentFacts): Set<PlanPart> {
  const parts = new Set<PlanPart>();
  for (const rule of PLAN_READERS_ACROSS) for (const part of rule.reads.plan!(facts)) parts.add(part);
  return parts;
}
