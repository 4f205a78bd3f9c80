// index.html, the auditor's entry page: what the bundle is, the CC7 coverage, the gaps, and a
// link to every page and register in it.
import { iso } from '../format';
import { html, type Html } from '../html';
import type { CoverageRow } from '../coverage';
import type { Gap } from '../gaps';
import { recordsOf, type BundleModel, type BundleRecord } from '../model';
import { badge, bullets, fields, section, show, table, whenMs } from './parts';
import { page } from './layout';
import type { Kind } from '../core-api';

export interface IndexInput {
  model: BundleModel;
  coverage: readonly CoverageRow[];
  gaps: readonly Gap[];
  /** Every CSV of the bundle, with what it lists. */
  tables: readonly { file: string; what: string; rows: number }[];
  generator: string;
}

export function indexPage(input: IndexInput): string {
  const { model } = input;
  const title = `SOC 2 CC7 evidence bundle: ${model.organization ?? 'no organization named'}`;
  return page(title, '', html`<h1>${title}</h1>
<p class="meta">Audit period ${model.period.text} (${whenMs(model.period.start, model.zone)} to ${whenMs(model.period.end, model.zone)}) · as of ${whenMs(model.asOf, model.zone)}</p>
${overview(input)}
${section('CC7 coverage', coverageTable(input.coverage), html`<p class="muted">Evidence per criterion: <a href="coverage.csv">coverage.csv</a>. Findings are counted for the rules that serve each criterion (<a href="findings.csv">findings.csv</a>).</p>`)}
${section(`Gaps (${input.gaps.length})`, bullets(input.gaps.map(gapItem), 'No gaps found.'))}
${section('Registers', table(['file', 'lists', 'rows'], input.tables.map((t) => [html`<a href="${t.file}">${t.file}</a>`, t.what, t.rows])))}
${recordSections(model)}
${section('Integrity', integrity(model))}`);
}

function overview({ model, gaps, generator }: IndexInput): Html {
  const incidents = recordsOf(model, 'Incident');
  const items = model.records.flatMap((record) => record.summary.items);
  const clocks = incidents.flatMap((record) => record.summary.clocks);
  const severities = (['error', 'warning', 'info'] as const).map((severity) => `${model.findings.filter((f) => f.severity === severity).length} ${severity}`);
  const provenance = model.provenance;
  return fields([
    ['Incidents', `${incidents.length} (${incidents.filter((r) => r.summary.status === 'closed').length} closed)`],
    ['Security events', recordsOf(model, 'SecurityEvent').length],
    ['Tabletop exercises', recordsOf(model, 'TabletopExercise').length],
    ['Runbooks', recordsOf(model, 'Runbook').length],
    ['Remediation and improvement items', `${items.length} (${items.filter((i) => i.overdue).length} overdue at the as-of)`],
    ['Notification clocks', `${clocks.length} (${clocks.filter((c) => c.status === 'breached' || c.status === 'late').length} breached or late)`],
    ['Findings at the as-of', severities.join(', ')],
    ['Gaps', gaps.length],
    ['Repository', provenance.available
      ? `HEAD ${provenance.head ?? '(no commits)'}${provenance.dirty ? ', with changes not committed' : ', clean'}`
      : `provenance unavailable: ${provenance.reason}`],
    ['Redacted', model.redacted ? 'yes: values that look like credentials are masked in every copy' : 'no'],
    ['Signed', model.signed ? 'yes: SHA256SUMS.sig (OpenSSH, namespace cc7-bundle)' : 'no'],
    ['Skipped symbolic links', model.skippedLinks.length ? model.skippedLinks.join(', ') : 'none'],
    ['Generator', generator],
  ]);
}

function coverageTable(rows: readonly CoverageRow[]): Html {
  return table(['criterion', 'what it asks', 'evidence items', 'errors', 'warnings', 'gaps', 'status'], rows.map((row) => [
    row.criterion.id, row.criterion.asks, row.evidence, row.errors, row.warnings, row.gaps.length, badge(row.status),
  ]));
}

function gapItem(gap: Gap): Html {
  return html`<strong>${gap.criterion}</strong> ${gap.message}${gap.page ? html` (<a href="${gap.page}">${gap.page}</a>)` : ''}`;
}

const SECTIONS: readonly { kind: Kind; title: string; columns: string[]; cells(record: BundleRecord): unknown[] }[] = [
  { kind: 'Incident', title: 'Incidents', columns: ['severity', 'status', 'detected'], cells: (r) => [r.summary.severity, r.summary.status, iso(r.summary.detectedAt)] },
  { kind: 'SecurityEvent', title: 'Security events', columns: ['outcome', 'detected'], cells: (r) => [r.summary.outcome, iso(r.summary.detectedAt)] },
  { kind: 'TabletopExercise', title: 'Tabletop exercises', columns: ['held'], cells: (r) => [iso(r.summary.heldAt)] },
  { kind: 'Runbook', title: 'Runbooks', columns: ['owner', 'last reviewed'], cells: (r) => [r.summary.owner, r.summary.lastReviewed] },
  { kind: 'ResponsePlan', title: 'Response plan', columns: ['organization'], cells: (r) => [r.summary.plan?.organization] },
];

function recordSections(model: BundleModel): Html {
  return html`${SECTIONS.map((s) => section(s.title, table(['id', 'title', ...s.columns, 'in the bundle because', 'YAML'],
    recordsOf(model, s.kind).map((record) => [
      html`<a href="${record.name}.html">${record.summary.id ?? record.summary.path}</a>`,
      record.summary.title,
      ...s.cells(record).map(show),
      record.summary.selection,
      html`<a href="${record.name}.yaml">${record.name}.yaml</a>`,
    ]))))}`;
}

function integrity(model: BundleModel): Html {
  return html`<p>Every file's SHA-256 is in <a href="SHA256SUMS">SHA256SUMS</a> and, with sizes and counts, in <a href="manifest.json">manifest.json</a>. From the extracted folder:</p>
<pre>sha256sum -c SHA256SUMS
cc7 verify THE-BUNDLE.zip --allowed-signers allowed_signers</pre>
${model.signed ? html`<p>The signature over SHA256SUMS, by hand (OpenSSH 8.2 or later):</p>
<pre>ssh-keygen -Y find-principals -f allowed_signers -s SHA256SUMS.sig
ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n cc7-bundle -s SHA256SUMS.sig &lt; SHA256SUMS</pre>` : ''}`;
}
