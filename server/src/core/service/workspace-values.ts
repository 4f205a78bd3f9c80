/**
 * The values of the workspace a slot refers to (completion): plan severity and role ids,
 * runbook and incident ids, the document's remediation ids, regime ids, rule ids. Which ones a
 * slot takes is read from its schema definition (`severity_id`, `role_id`, ...), else its key.
 */
import { BUILTIN_REGIMES, evaluateNotificationClocks, notificationPlanFrom, resolveRegimes } from '../deadlines';
import type { Cc7Document } from '../model/document';
import type { DocumentFacts } from '../model/facts';
import type { SchemaNode } from '../model/schema-nodes';
import { RULE_IDS, type Kind, type YamlPath } from '../model/types';
import { RULES_BY_ID } from '../rules/registry';
import { planRegimeIds } from '../rules/support/references';
import { trackedItems } from '../rules/support/tracking';
import { regimeSummary, severityMarkdown } from './plan-entries';
import type { ServiceRequest } from './request';

export type ValueSource = 'severity' | 'role' | 'runbook' | 'incident' | 'tracked-item' | 'regime' | 'builtin-regime' | 'rule';

/** A value to offer, most relevant first in the lists below. */
export interface Candidate {
  label: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
}

const BY_DEFINITION: Readonly<Record<string, ValueSource>> = {
  severity_id: 'severity',
  role_id: 'role',
  regime_id: 'regime',
  rule_id: 'rule',
};

/** The workspace values that fit a value slot; undefined for free values. */
export function valueSourceOf(kind: Kind, path: YamlPath, node: SchemaNode | undefined): ValueSource | undefined {
  const field = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  // The plan defines severities, roles and regimes; what it may list are the built-in regimes.
  if (kind === 'ResponsePlan') return path[0] === 'notification' && path[1] === 'regimes' && path.length === 3 ? 'builtin-regime' : undefined;
  const byDefinition = node?.definition && BY_DEFINITION[node.definition];
  if (byDefinition) return byDefinition;
  if (field === 'decided_by') return 'role';
  if ((kind === 'Incident' && field === 'runbook') || field === 'runbooks_exercised') return 'runbook';
  if (kind === 'SecurityEvent' && field === 'incident') return 'incident';
  if (field === 'action_items' || (path[0] === 'waivers' && field === 'target')) return 'tracked-item';
  return undefined;
}

/** The workspace values that fit a key slot: plan role ids in an incident's `roles`, rule ids in the plan's `rules`. */
export function keySourceOf(kind: Kind, mappingPath: YamlPath): ValueSource | undefined {
  if (mappingPath.length !== 1) return undefined;
  if (kind === 'Incident' && mappingPath[0] === 'roles') return 'role';
  if (kind === 'ResponsePlan' && mappingPath[0] === 'rules') return 'rule';
  return undefined;
}

/** The candidates of a source, most relevant first. */
export function candidatesOf(source: ValueSource, request: ServiceRequest): Candidate[] {
  const { model, doc } = request;
  const plan = model.plan();
  switch (source) {
    case 'severity':
      return (plan?.severities ?? []).map((level) => ({ label: level.id, detail: level.name, documentation: severityMarkdown(level) }));
    case 'role':
      return (plan?.roles ?? []).map((role) => ({ label: role, detail: 'plan role' }));
    case 'runbook':
      return model.workspace.ofKind('Runbook').flatMap(recordCandidate).sort(byLabel);
    case 'incident':
      // Most recent first: the incident an event is escalated to is usually a new one.
      return model.workspace.ofKind('Incident')
        .sort((a, b) => (b.detectedAt ?? -Infinity) - (a.detectedAt ?? -Infinity) || byLabel({ label: a.id ?? '' }, { label: b.id ?? '' }))
        .flatMap(recordCandidate);
    case 'tracked-item':
      return trackedItemCandidates(doc);
    case 'regime':
      return regimeCandidates(request);
    case 'builtin-regime':
      return BUILTIN_REGIMES.map((regime) => ({ label: regime.id, detail: regime.title, documentation: regimeSummary(regime) }));
    case 'rule':
      return RULE_IDS.map((id) => ({ label: id, detail: RULES_BY_ID.get(id)?.defaultSeverity, documentation: RULES_BY_ID.get(id)?.description }));
  }
}

function recordCandidate(facts: DocumentFacts): Candidate[] {
  if (!facts.id) return [];
  const status = facts.status ? ` (${facts.status})` : '';
  return [{ label: facts.id, detail: `${facts.title ?? facts.kind ?? ''}${status}` }];
}

function trackedItemCandidates(doc: Cc7Document): Candidate[] {
  return trackedItems(doc).flatMap(({ id, item, status }) =>
    id ? [{ label: id, detail: `${typeof item.action === 'string' ? item.action : ''}${status ? ` (${status})` : ''}`.trim() }] : []);
}

/** The plan's regimes; those that apply to this incident first. */
function regimeCandidates({ doc, model, now }: ServiceRequest): Candidate[] {
  const plan = model.plan();
  if (!plan) return [];
  const { regimes } = resolveRegimes(plan.regimes, { customerDpaHours: plan.customerDpaHours, custom: plan.regimesCustom });
  const applying = new Set(doc.kind === 'Incident'
    ? evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(plan), now }).map((clock) => clock.regime)
    : []);
  const candidates = planRegimeIds(plan).map((id) => {
    const regime = regimes.find((entry) => entry.id === id);
    return {
      label: id,
      detail: regime?.title,
      documentation: regime && `${regimeSummary(regime)}${applying.has(id) ? '\n\nApplies to this incident.' : ''}`,
    };
  });
  return [...candidates.filter((c) => applying.has(c.label)), ...candidates.filter((c) => !applying.has(c.label))];
}

function byLabel(a: Candidate, b: Candidate): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
