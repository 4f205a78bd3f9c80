/**
 * The response plan cc7.createResponsePlan writes (SPEC 2.1): valid, with comments saying
 * what to change. `approved` is left for the approver, so plan-review-overdue asks for it.
 */
export function responsePlanTemplate(today: Date): string {
  const date = today.toISOString().slice(0, 10);
  return `# The security incident response plan (SOC 2 CC7.1-CC7.5). Change the organization,
# timezone, people and severities to yours; cc7 checks every incident against them.
apiVersion: cc7/v1
kind: ResponsePlan
organization: Example, Inc.
timezone: UTC                          # IANA zone: business days and date-only dues

# approved: { by: CTO, at: ${date}T12:00:00Z }   # who approved the plan, and when
reviews:                               # every review of the plan (annual, and on major change)
  - { at: ${date}T12:00:00Z, reviewers: [you@example.com], changes: Plan adopted }
review_interval_days: 365
tabletop_interval_days: 365

business_days: { weekdays: [mon, tue, wed, thu, fri], holidays: [] }

roles:
  incident_lead:       { title: Incident Response Lead, members: [you@example.com] }
  security_operations: { title: Security Operations, members: [you@example.com] }
  legal:               { title: Legal Counsel, members: [legal@example.com] }
  executive_sponsor:   { title: Executive Sponsor, members: [cto@example.com] }

reporting_channels:
  - { kind: email, address: security@example.com }

severity_levels:
  - id: SEV1
    name: Critical
    description: Confirmed access to customer data, or a full outage
    escalate_within_minutes: 15
    post_incident_review: { required: true, due_business_days: 5 }
    remediation_due_days: 14
  - id: SEV2
    name: High
    description: Suspected access to customer data, or a degraded security control
    escalate_within_minutes: 60
    post_incident_review: { required: true, due_business_days: 10 }
    remediation_due_days: 30
  - id: SEV3
    name: Medium
    description: Contained event with no customer impact
    post_incident_review: { required: false }
    remediation_due_days: 90

notification:
  regimes: [gdpr-art33, customer-dpa]  # the notification duties in scope for you
  customer_dpa_hours: 48               # the shortest customer contract window
  warn_before_hours: 24                # warn this long before any deadline

monitoring:                            # what is watched, and by what
  - { system: production cloud accounts, sources: [cloud-audit-log] }
`;
}
