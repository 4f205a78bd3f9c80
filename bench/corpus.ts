/**
 * A deterministic corpus of realistic CC7 records for the benchmark: one plan, a few
 * runbooks, and N incidents of 1 to 30 KB (long timelines, investigation notes, remediation
 * items), from a seeded generator so every run measures the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { responsePlan } from '../test/support/documents';
import { random } from '../test/support/random';

const PHASES = ['identification', 'containment', 'investigation', 'remediation', 'recovery', 'post-incident-review', 'closed'];
const CATEGORIES = ['unauthorized-access', 'data-breach', 'malware', 'denial-of-service', 'insider-threat', 'vendor', 'availability', 'other'];
const SOURCES = ['siem-alert', 'cloud-provider', 'ids', 'vulnerability-scan', 'employee-report', 'customer-report', 'vendor-notice'];
const WORDS = 'access key token bucket policy alert login session host container cluster database export queue worker vendor laptop phishing credential rotation firewall egress replica backup snapshot audit'.split(' ');

const PLAN = responsePlan({
  organization: 'Bench Corp',
  domain: 'bench.io',
  governed: true,
  extra: `business_days: { weekdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25] }
notification:
  regimes: [gdpr-art33, us-ca, customer-dpa]
  customer_dpa_hours: 48
  warn_before_hours: 24
`,
  roles: ['incident_lead', 'security_operations', 'engineering_on_call', 'legal', 'executive_sponsor'],
  severities: `  - { id: SEV1, name: Critical, post_incident_review: { required: true, due_business_days: 5 }, remediation_due_days: 14 }
  - { id: SEV2, name: High, post_incident_review: { required: true, due_business_days: 10 }, remediation_due_days: 30 }
  - { id: SEV3, name: Medium, post_incident_review: { required: false }, remediation_due_days: 90 }
`,
});

function runbook(id: string): string {
  const phase = (name: string) => `  ${name}: [ { step: Do the ${name.replace(/_/g, ' ')} work, role: security_operations } ]`;
  return [`apiVersion: cc7/v1`, `kind: Runbook`, `id: ${id}`, `title: Runbook ${id}`, `owner: security_operations`,
    `last_reviewed: 2026-02-01`, `review_interval_days: 365`, `phases:`,
    ...['identification', 'containment', 'investigation', 'remediation', 'recovery', 'post_incident_review'].map(phase), ''].join('\n');
}

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** One incident of roughly `targetBytes`, at a random phase. */
export function incident(n: number, next: () => number, targetBytes: number): string {
  const id = `INC-2026-${String(n).padStart(5, '0')}`;
  const detected = Date.UTC(2026, 0, 1) + Math.floor(next() * 300) * 86_400_000 + Math.floor(next() * 86_400_000);
  const phase = Math.floor(next() * PHASES.length);
  const lines = [
    'apiVersion: cc7/v1', 'kind: Incident', `id: ${id}`, `title: ${sentence(next, 6)}`,
    `severity: SEV${1 + Math.floor(next() * 3)}`, `status: ${PHASES[phase]}`,
    `category: ${CATEGORIES[Math.floor(next() * CATEGORIES.length)]}`, `runbook: RB-${1 + Math.floor(next() * 3)}`,
    `detected_at: ${iso(detected)}`, `detection_source: ${SOURCES[Math.floor(next() * SOURCES.length)]}`,
    'reported_by: carol@bench.io',
    `triage: { assessed_at: ${iso(detected + 1_800_000)}, assessed_by: carol@bench.io, rationale: ${sentence(next, 8)} }`,
    'roles: { incident_lead: alice@bench.io, engineering_on_call: dan@bench.io }',
    'containment:', `  - { action: ${sentence(next, 5)}, at: ${iso(detected + 3_600_000)}, by: dan@bench.io }`,
    'investigation:', `  root_cause: ${sentence(next, 10)}`, '  affected_systems: [billing-api]',
    '  customer_data: { involved: false }', '  personal_data: { involved: false }', '  notes: |',
  ];
  const timeline = ['timeline:'];
  let at = detected;
  let size = lines.join('\n').length;
  // Grow timeline and notes together until the record reaches its size.
  while (size < targetBytes) {
    at += Math.floor(next() * 3_600_000);
    const entry = `  - { at: ${iso(at)}, event: ${sentence(next, 9)}, by: dan@bench.io }`;
    const note = `    ${sentence(next, 14)}`;
    timeline.push(entry);
    lines.push(note);
    size += entry.length + note.length + 2;
  }
  if (timeline.length === 1) timeline.push(`  - { at: ${iso(detected)}, event: alert }`);
  const remediation = ['remediation:',
    `  - { id: REM-1, action: ${sentence(next, 6)}, owner: dan@bench.io, ticket: SEC-${n}, due: 2027-03-01, status: open }`];
  return [...lines, ...timeline, ...remediation, ...laterEvidence(phase, detected, next), ''].join('\n');
}

/** The evidence of the phases after remediation, so each record is complete for its phase (SPEC 2.3). */
function laterEvidence(phase: number, detected: number, next: () => number): string[] {
  const resolved = detected + 86_400_000;
  const lines: string[] = [];
  if (phase >= PHASES.indexOf('post-incident-review')) {
    lines.push(`recovery: { restored_at: ${iso(resolved)}, verified_by: carol@bench.io }`, `resolved_at: ${iso(resolved)}`);
  }
  if (phase === PHASES.indexOf('closed')) {
    lines.push('post_incident_review:', `  held_at: ${iso(resolved + 86_400_000)}`, '  participants: [alice@bench.io, dan@bench.io]',
      `  summary: ${sentence(next, 12)}`, `  lessons_learned: [${sentence(next, 6)}]`, '  action_items: [REM-1]',
      `closed_at: ${iso(resolved + 2 * 86_400_000)}`);
  }
  return lines;
}

/**
 * A 30 KB incident with every deadline the editor shows (notification clocks from aware_at and
 * decided_at, remediation dues, a waiver's expiry): what the editor-request benchmarks open.
 */
export function deadlineIncident(n: number): string {
  const text = incident(n, random(n), 30 * 1024)
    .replace('  customer_data: { involved: false }', '  customer_data: { involved: true, customers: [globex] }')
    .replace('  personal_data: { involved: false }', '  personal_data: { involved: true, jurisdictions: [eu, us-ca], records_affected: 1200 }');
  return `${text}notifications:
  aware_at: 2026-11-25T08:00:00Z
  breach_determination: { is_breach: true, decided_at: 2026-11-25T15:00:00Z, decided_by: legal, rationale: Customer records read }
  notices:
    - { regime: customer-dpa, recipient: globex, notified_at: 2026-11-26T09:00:00Z }
waivers:
  - { rule: remediation-overdue, target: REM-1, reason: Vendor fix pending, approved_by: executive_sponsor, approved_at: 2026-11-20T10:00:00Z, expires: 2026-12-31 }
`;
}

/** Writes the corpus into `dir` (emptied first) and returns the incident paths. */
export function writeCorpus(dir: string, count: number, seed = 7): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'incidents'), { recursive: true });
  mkdirSync(path.join(dir, 'runbooks'), { recursive: true });
  writeFileSync(path.join(dir, 'plan.yaml'), PLAN);
  for (let i = 1; i <= 3; i++) writeFileSync(path.join(dir, 'runbooks', `RB-${i}.yaml`), runbook(`RB-${i}`));
  const next = random(seed);
  const files: string[] = [];
  for (let n = 1; n <= count; n++) {
    const file = path.join(dir, 'incidents', `INC-2026-${String(n).padStart(5, '0')}.yaml`);
    writeFileSync(file, incident(n, next, 1024 + Math.floor(next() * 29 * 1024)));
    files.push(file);
  }
  return files;
}

/**
 * An incident as imported from a tracker that kept local times and no owners: every timeline
 * time without its offset, the remediation items without an owner. It has findings to fix
 * (timestamp-timezone, remediation-untracked) for the code-action benchmark.
 */
export function withProblems(text: string): string {
  return text.replace(/(\{ at: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z/g, '$1').replace(/, owner: [^,]+/g, '');
}
