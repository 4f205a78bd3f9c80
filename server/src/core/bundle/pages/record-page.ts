// A record's page: the body (rendered where the record's data is, in a worker), then the
// page around it once the whole workspace is known: findings at the as-of, provenance, links.
import type { Kind } from '../core-api';
import { Html, html } from '../html';
import type { BundleFinding } from '../model';
import type { RecordHistory } from '../provenance';
import type { RecordSummary } from '../summary';
import { eventBody, planBody, runbookBody, tabletopBody } from './documents';
import { incidentBody } from './incident';
import { page } from './layout';
import { badge, fields, resolveReferences, section, table, whenMs } from './parts';

export function recordBody(data: Record<string, unknown>, summary: RecordSummary, zone: string): string {
  const bodies: Record<Kind, () => Html> = {
    Incident: () => incidentBody(data, summary, zone),
    SecurityEvent: () => eventBody(data, summary, zone),
    TabletopExercise: () => tabletopBody(data, summary, zone),
    Runbook: () => runbookBody(data, summary),
    ResponsePlan: () => planBody(data, summary, zone),
  };
  return bodies[summary.kind]().markup;
}

const KIND_TITLES: Record<Kind, string> = {
  Incident: 'Incident',
  SecurityEvent: 'Security event',
  TabletopExercise: 'Tabletop exercise',
  Runbook: 'Runbook',
  ResponsePlan: 'Response plan',
};

export interface RecordPageInput {
  /** What the page shows of the summary (the body shows the rest). */
  summary: Pick<RecordSummary, 'kind' | 'id' | 'title' | 'path'>;
  /** The bundle name without extension: `incidents/INC-2026-014`. */
  name: string;
  body: string;
  findings: readonly BundleFinding[];
  history: RecordHistory | 'unavailable';
  openedAfterHours?: number;
  zone: string;
  asOf: number;
  /** The bundle name of a document, by kind and id, when it is in the bundle. */
  nameOf(kind: Kind, id: string): string | undefined;
}

export function recordPage(input: RecordPageInput): string {
  const s = input.summary;
  const heading = `${KIND_TITLES[s.kind]} ${s.id ?? s.path}${s.title ? `: ${s.title}` : ''}`;
  const stem = input.name.slice(input.name.indexOf('/') + 1);
  // Markup recordBody made with `html` (kept on disk between the two steps), links resolved.
  const body = resolveReferences(input.body, (kind, id) => {
    const target = input.nameOf(kind, id);
    return target && `../${target}.html`;
  });
  return page(heading, '../', html`<h1>${heading}</h1>
<p class="meta">Workspace file <code>${s.path}</code> · <a href="${stem}.yaml">the record as in the repository (YAML)</a> · as of ${whenMs(input.asOf, input.zone)}</p>
${new Html(body)}
${findingsSection(input.findings)}
${provenanceSection(input)}`);
}

function findingsSection(findings: readonly BundleFinding[]): Html {
  return section('Findings at the as-of', table(['line', 'rule', 'severity', 'message'],
    findings.map((f) => [f.line, f.rule, badge(f.severity), f.message]), 'No findings: the record is clean.'));
}

function provenanceSection(input: RecordPageInput): Html {
  const history = input.history;
  if (history === 'unavailable') return section('Provenance (git)', html`<p class="muted">Unavailable: see the index.</p>`);
  return section('Provenance (git)', fields([
    ['State', history.state],
    ['First commit', whenMs(history.firstCommitAt, input.zone)],
    ['Last commit', whenMs(history.lastCommitAt, input.zone)],
    ['Commits', history.commits],
    ['Authors', history.authors.join(', ')],
    ['Opened after detection (h)', input.openedAfterHours],
  ]));
}
