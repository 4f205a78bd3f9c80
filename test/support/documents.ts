/** Small CC7 documents the Program tests build workspaces from. */

/** An Incident still in identification: complete for its phase, severity SEV2. */
export const identificationIncident = (id: string, title = 'Leaked API key') => `apiVersion: cc7/v1
kind: Incident
id: ${id}
title: ${title}
severity: SEV2
status: identification
category: unauthorized-access
detected_at: 2026-03-02T09:14:00Z
detection_source: siem-alert
roles: { incident_lead: alice@acme.io }
timeline:
  - { at: 2026-03-02T09:14:00Z, event: GuardDuty alert }
`;

/** A SecurityEvent triaged as escalated to `incidentId`. */
export const escalatedEvent = (id: string, incidentId: string) => `apiVersion: cc7/v1
kind: SecurityEvent
id: ${id}
title: Leaked key alert
detected_at: 2026-03-02T09:00:00Z
detection_source: siem-alert
triage: { assessed_at: 2026-03-02T09:10:00Z, assessed_by: carol@acme.io, outcome: escalated, rationale: Key valid }
incident: ${incidentId}
`;

/** The plan's `roles:` lines for role ids, each with one member. */
const roleLines = (roles: readonly string[], domain: string) =>
  roles.map((role) => `  ${role}: { title: ${role.replace(/_/g, ' ')}, members: [${role.split('_')[0]}@${domain}] }`).join('\n');

export interface PlanOptions {
  organization?: string;
  timezone?: string;
  /** The mail domain of the role members. */
  domain?: string;
  /** With `approved`, one review, and the review and tabletop intervals (plan-review-overdue stays quiet). */
  governed?: boolean;
  roles?: readonly string[];
  /** The `severity_levels:` entries, each a line starting with `  - `. */
  severities?: string;
  /** More top-level lines (business_days, notification, ...). */
  extra?: string;
}

const SEV2_WITH_REVIEW = '  - { id: SEV2, name: High, post_incident_review: { required: true, due_business_days: 10 }, remediation_due_days: 30 }\n';

/** A ResponsePlan: the one plan text the Program tests and the bench build theirs from. */
export function responsePlan(options: PlanOptions = {}): string {
  const domain = options.domain ?? 'acme.io';
  const governed = options.governed
    ? `approved: { by: CTO, at: 2026-01-15T10:00:00Z }
reviews:
  - { at: 2026-01-15T10:00:00Z, reviewers: [alice@${domain}], changes: Annual review }
review_interval_days: 365
tabletop_interval_days: 365
`
    : '';
  return `apiVersion: cc7/v1
kind: ResponsePlan
organization: ${options.organization ?? 'Acme Cloud, Inc.'}
timezone: ${options.timezone ?? 'America/New_York'}
${governed}${options.extra ?? ''}roles:
${roleLines(options.roles ?? ['incident_lead'], domain)}
severity_levels:
${options.severities ?? SEV2_WITH_REVIEW}`;
}

/** The smallest plan with these severity levels. */
export const planWithSeverities = (severities: string) => responsePlan({ severities });
