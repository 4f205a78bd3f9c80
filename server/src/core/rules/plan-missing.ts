import type { Rule } from './rule';

/**
 * A workspace needs exactly one ResponsePlan: without one, severities, roles, business days
 * and notification duties cannot be checked; with several, the first in path order governs
 * and every other one is an error.
 */
export const planMissing: Rule = {
  id: 'plan-missing',
  defaultSeverity: 'warning',
  description: 'CC7 documents exist but no ResponsePlan; or more than one plan (the first in path order governs).',
  criteria: 'CC7.4',
  reads: { planOverKinds: ['ResponsePlan'], firstDocument: true },
  checkWorkspace(facts, index) {
    const plans = index.plans();
    if (plans.length === 0) {
      if (index.first()?.path !== facts.path) return [];
      return [{
        range: facts.anchor,
        message: 'No ResponsePlan in this workspace: severities, roles, business days and notification duties cannot be checked without one. '
          + 'Add plan/response-plan.yaml (kind: ResponsePlan with organization, timezone, roles and severity_levels), approved and reviewed.',
      }];
    }
    const governing = plans[0]!;
    if (facts.kind !== 'ResponsePlan' || facts.path === governing.path) return [];
    return [{
      range: facts.anchor,
      severity: 'error',
      message: 'More than one ResponsePlan: the first in path order governs the workspace (see related information) and this one is ignored. '
        + 'Merge what it adds into the governing plan and delete this file: one workspace, one plan.',
      related: [{ path: governing.path, range: governing.anchor, message: 'The governing ResponsePlan (first in path order)' }],
    }];
  },
};
