/**
 * Evidence-bundle test helpers: workspaces written from text, records built from a few fields,
 * a zip read back into a map or a folder, and git commits at chosen dates.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `cc7-${prefix}-`));
}

/** Writes `files` (relative path to text) below `root`. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

export function planYaml(options: { zone?: string; reviews?: string[]; extra?: string } = {}): string {
  return [
    'apiVersion: cc7/v1',
    'kind: ResponsePlan',
    'organization: Test Co',
    `timezone: ${options.zone ?? 'America/New_York'}`,
    'approved: { by: CTO, at: 2025-12-01T10:00:00Z }',
    'reviews:',
    ...(options.reviews ?? ['2025-12-01T10:00:00Z']).map((at) => `  - { at: ${at}, reviewers: [alice@test.io], changes: Review }`),
    'roles:',
    '  incident_lead: { title: Lead, members: [alice@test.io] }',
    'severity_levels:',
    '  - { id: SEV1, name: Critical, post_incident_review: { required: true, due_business_days: 5 }, remediation_due_days: 14 }',
    '  - { id: SEV3, name: Medium, post_incident_review: { required: false }, remediation_due_days: 90 }',
    'notification: { regimes: [gdpr-art33, customer-dpa], customer_dpa_hours: 48 }',
    options.extra ?? '',
    '',
  ].join('\n');
}

export interface IncidentFields {
  id: string;
  detected: string;
  title?: string;
  severity?: string;
  closed?: string;
  /** Extra YAML lines at the top level. */
  extra?: string[];
}

/** An incident complete for identification, or closed (then with every later phase's evidence) when `closed` is given. */
export function incidentYaml(fields: IncidentFields): string {
  const lines = [
    'apiVersion: cc7/v1',
    'kind: Incident',
    `id: ${fields.id}`,
    `title: ${fields.title ?? `Incident ${fields.id}`}`,
    `severity: ${fields.severity ?? 'SEV3'}`,
    `status: ${fields.closed ? 'closed' : 'identification'}`,
    'category: other',
    `detected_at: ${fields.detected}`,
    'detection_source: siem-alert',
    'roles: { incident_lead: alice@test.io }',
    'timeline:',
    `  - { at: ${fields.detected}, event: Alert }`,
  ];
  if (fields.closed) {
    lines.push(
      `triage: { assessed_at: ${fields.detected}, assessed_by: alice@test.io, rationale: Real }`,
      `containment: [ { action: Blocked, at: ${fields.detected}, by: alice@test.io } ]`,
      'investigation: { root_cause: Bug, affected_systems: [api], customer_data: { involved: false }, personal_data: { involved: false } }',
      'remediation_not_required: Nothing to fix',
      `recovery: { restored_at: ${fields.detected}, verified_by: alice@test.io }`,
      `resolved_at: ${fields.detected}`,
      `closed_at: ${fields.closed}`,
    );
  }
  return [...lines, ...(fields.extra ?? []), ''].join('\n');
}

export function eventYaml(id: string, detected: string, triaged = detected): string {
  return ['apiVersion: cc7/v1', 'kind: SecurityEvent', `id: ${id}`, `title: Event ${id}`, `detected_at: ${detected}`,
    'detection_source: siem-alert',
    `triage: { assessed_at: ${triaged}, assessed_by: alice@test.io, outcome: false-positive, rationale: Benign }`, ''].join('\n');
}

export function tabletopYaml(id: string, held: string): string {
  return ['apiVersion: cc7/v1', 'kind: TabletopExercise', `id: ${id}`, `title: Exercise ${id}`, `held_at: ${held}`,
    'participants: [ { person: alice@test.io, role: incident_lead } ]', 'scenario: A drill', ''].join('\n');
}

/** Every file entry of a zip, name to bytes, in the zip's order. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The zip rebuilt from `entries` (any order, any content): what someone tampering would write. */
export function rezip(entries: Map<string, Buffer>, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const [name, data] of entries) zip.addBuffer(data, name);
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
    zip.end();
  });
}

/** Extracts a zip into a new temporary folder and returns it. */
export async function extractZip(file: string): Promise<string> {
  const dir = tempDir('extracted');
  for (const [name, data] of await readZip(file)) writeFiles(dir, { [name]: data });
  return dir;
}

/** Rows of a CSV text as objects by header (no quoted line breaks in the tested cells). */
export function csvRows(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; } else if (char === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += char;
  }
  return rows;
}

export interface Commit {
  /** RFC 3339: both the author and the committer date. */
  at: string;
  author: 'Alice' | 'Bob';
  message: string;
}

/** Runs git in `cwd` with a fixed identity and, for a commit, its dates. */
export function git(cwd: string, args: string[], commit?: Commit): string {
  const who = commit?.author ?? 'Alice';
  return execFileSync('git', ['-c', `user.name=${who}`, '-c', `user.email=${who.toLowerCase()}@test.io`, '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(commit ? { GIT_AUTHOR_DATE: commit.at, GIT_COMMITTER_DATE: commit.at } : {}) },
  });
}

export function commitAll(cwd: string, commit: Commit): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', commit.message], commit);
}
