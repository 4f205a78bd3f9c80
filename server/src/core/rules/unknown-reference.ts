import { getIn, isRecord, list, record, text } from '../model/data';
import type { Cc7Document } from '../model/document';
import type { DocumentFacts, Reference, WorkspaceIndex } from '../model/facts';
import type { PlanFacts } from '../model/plan';
import type { Report, Rule } from './rule';
import { isRuleId, ROLE_ID_PATTERN, RULE_IDS, type YamlPath } from '../model/types';
import { describeDocument, fileName, joinAnd, planRegimeIds, planRelated, relatedTo, suggestion, withArticle } from './support/references';
import { trackedItems } from './support/tracking';

/**
 * Ids that name nothing: plan severities and roles used in a document (when there is a plan;
 * plan-missing reports its absence), waiver targets that name no id of the document, and,
 * across files, an incident's runbook, a tabletop's exercised runbooks and a non-escalated
 * event's incident (an escalated one is escalation-link's).
 */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A severity, role, runbook, remediation id or incident id that is not defined.',
  criteria: 'all',
  reads: {
    referenced: true,
    // Regimes only for a waiver of notification-deadline with a target (a regime id).
    plan: (facts) => [
      'path', 'severityIds', 'roles',
      ...(facts.waivers.some((waiver) => waiver.rule === 'notification-deadline' && waiver.target !== undefined) ? ['regimes' as const] : []),
    ],
  },
  checkDocument(doc, context) {
    if (!doc.kind || !doc.data) return [];
    return [...(context.plan ? planReferences(doc, context.plan) : []), ...waiverRules(doc), ...waiverTargets(doc, context.plan)];
  },
  checkWorkspace(facts, index) {
    return facts.references.flatMap((reference) => {
      if (reference.expects === 'Incident' && facts.escalation?.outcome === 'escalated') return [];
      return resolve(reference, index);
    });
  },
};

// ---- Plan-defined ids -------------------------------------------------------------------

function planReferences(doc: Cc7Document, plan: PlanFacts): Report[] {
  const data = doc.data ?? {};
  const found: Report[] = [];
  const severity = (value: unknown, path: YamlPath, what: string) => {
    const id = text(value);
    if (id === undefined || plan.severities.some((level) => level.id === id)) return;
    found.push({
      path,
      message: `${what} "${id}" is not a severity level of the plan: ${suggestion(id, plan.severities.map((level) => level.id), 'severity level')}`,
      related: planRelated(plan, doc.path, 'The plan defines the severity levels under severity_levels'),
    });
  };
  const role = (value: unknown, path: YamlPath, what: string, on?: 'key', advice = '') => {
    const id = text(value);
    if (id === undefined || plan.roles.includes(id)) return;
    found.push({
      path,
      on,
      message: `${what} "${id}" is not a role of the plan${advice}: ${suggestion(id, plan.roles, 'role')}`,
      related: planRelated(plan, doc.path, 'The plan defines the roles under roles'),
    });
  };

  if (doc.kind === 'Incident' || doc.kind === 'SecurityEvent') severity(data.severity, ['severity'], 'Severity');
  if (doc.kind === 'Incident') {
    for (const key of Object.keys(record(data.roles))) role(key, ['roles', key], 'Role', 'key');
    const decidedBy = text(getIn(data, ['notifications', 'breach_determination', 'decided_by']));
    // Written as a role id (snake_case, no @), decided_by names a role rather than a person.
    if (decidedBy && ROLE_ID_PATTERN.test(decidedBy)) {
      role(decidedBy, ['notifications', 'breach_determination', 'decided_by'], 'decided_by', undefined,
        ' (write a person as an email address)');
    }
  }
  if (doc.kind === 'Runbook') {
    list(data.severities).forEach((value, i) => severity(value, ['severities', i], 'Severity'));
    role(data.owner, ['owner'], 'Runbook owner');
    for (const [phase, steps] of Object.entries(record(data.phases))) {
      list(steps).forEach((step, i) => {
        if (isRecord(step)) role(step.role, ['phases', phase, i, 'role'], `${phase} step ${i + 1}: role`);
      });
    }
  }
  if (doc.kind === 'TabletopExercise') {
    list(data.participants).forEach((participant, i) => {
      if (isRecord(participant)) role(participant.role, ['participants', i, 'role'], 'Participant role');
    });
  }
  list(data.waivers).forEach((waiver, i) => {
    if (isRecord(waiver)) role(waiver.approved_by, ['waivers', i, 'approved_by'], 'Waiver approver', undefined, ' (approved_by is a role id)');
  });
  return found;
}

// ---- Waiver targets ---------------------------------------------------------------------

/** A waiver's `rule` must be a rule id: any other covers nothing, silently. */
function waiverRules(doc: Cc7Document): Report[] {
  return list(doc.data?.waivers).flatMap((waiver, i) => {
    const rule = isRecord(waiver) ? text(waiver.rule) : undefined;
    if (rule === undefined || isRuleId(rule)) return [];
    return [{
      path: ['waivers', i, 'rule'],
      message: `Waiver rule "${rule}" is not a cc7 rule, so the waiver covers nothing: ${suggestion(rule, RULE_IDS, 'rule')}`,
    }];
  });
}

/**
 * A waiver's `target` must name an id inside the document: a remediation or improvement id,
 * or, for notification-deadline, a regime the plan lists (checked only when there is a plan).
 */
function waiverTargets(doc: Cc7Document, plan: PlanFacts | undefined): Report[] {
  const itemIds = trackedItems(doc).flatMap((item) => (item.id ? [item.id] : []));
  return list(doc.data?.waivers).flatMap((waiver, i) => {
    if (!isRecord(waiver)) return [];
    const target = text(waiver.target);
    if (target === undefined) return [];
    const regimes = waiver.rule === 'notification-deadline';
    const known = regimes ? (plan && planRegimeIds(plan)) : itemIds;
    if (!known) return [];
    if (known.includes(target)) return [];
    const noun = regimes ? 'regime of the plan' : 'remediation or improvement id of this document';
    return [{
      path: ['waivers', i, 'target'],
      message: `Waiver target "${target}" is not a ${noun}, so the waiver covers nothing: ${suggestion(target, known, regimes ? 'regime' : 'item id')}; `
        + 'name an existing id, or omit target to cover the whole document',
    }];
  });
}

// ---- Cross-file references --------------------------------------------------------------

function resolve(reference: Reference, index: WorkspaceIndex): Report[] {
  const sharing = index.withId(reference.id);
  if (sharing.some((other) => other.kind === reference.expects)) return [];
  if (sharing.length > 0) {
    const kinds = joinAnd([...new Set(sharing.map((other) => withArticle(other.kind ?? 'document')))]);
    return [{
      range: reference.range,
      message: `${reference.field}: ${reference.id} is ${kinds} (${sharing.map(fileName).join(', ')}), not ${withArticle(reference.expects)}: `
        + `name ${withArticle(reference.expects)} here`,
      related: sharing.map((other) => relatedTo(other, `${reference.id} is this ${describeDocument(other)}`)),
    }];
  }
  const known = index.ofKind(reference.expects).flatMap((other: DocumentFacts) => (other.id ? [other.id] : []));
  return [{
    range: reference.range,
    message: `${reference.field}: no ${reference.expects} has the id ${reference.id}: ${suggestion(reference.id, known, reference.expects)}`,
  }];
}
