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
