import type { Rule } from './rule';
import { describeDocument, fileName, joinAnd, relatedTo, withArticle } from './support/references';

/**
 * A SecurityEvent triaged as `escalated` must name, in its top-level `incident`, the
 * Incident opened for it (CC7.3: the auditor follows each escalated event to its incident).
 * On `triage.outcome` when `incident` is missing; on `incident` when it names no Incident.
 */
export const escalationLink: Rule = {
  id: 'escalation-link',
  defaultSeverity: 'error',
  description: 'A SecurityEvent escalated to an incident that it does not name, or names an incident that does not exist.',
  criteria: 'CC7.3',
  reads: { referenced: true },
  checkWorkspace(facts, index) {
    const escalation = facts.escalation;
    if (facts.kind !== 'SecurityEvent' || escalation?.outcome !== 'escalated') return [];
    const name = facts.id ?? 'This event';
    if (escalation.incident === undefined) {
      return [{
        range: escalation.incidentRange ?? escalation.outcomeRange,
        message: escalation.incidentRange
          ? `${name} was escalated but its incident is not an incident id: write the id of the Incident opened for it (incident: INC-...)`
          : `${name} was escalated but names no incident: add incident: <the id of the Incident opened for it> at the top level`,
      }];
    }
    const sharing = index.withId(escalation.incident);
    if (sharing.some((other) => other.kind === 'Incident')) return [];
    const range = escalation.incidentRange ?? escalation.outcomeRange;
    if (sharing.length > 0) {
      const kinds = joinAnd(sharing.map((other) => withArticle(other.kind ?? 'document')));
      return [{
        range,
        message: `${name} was escalated to ${escalation.incident}, which is ${kinds} (${sharing.map(fileName).join(', ')}), not an Incident: `
          + 'name the Incident opened for this event',
        related: sharing.map((other) => relatedTo(other, `${escalation.incident} is this ${describeDocument(other)}`)),
      }];
    }
    return [{
      range,
      message: `${name} was escalated to ${escalation.incident}, but no Incident has that id: `
        + `fix the id, or add the incident record (incidents/${escalation.incident}.yaml)`,
    }];
  },
};
