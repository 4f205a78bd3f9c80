// The files of the bundle that are made from the whole model (everything but the records'
// own copies and pages): index.html and every CSV.
import { coverageEvidence, coverageMatrix, coverageTable } from './coverage';
import { toCsv, type Table } from './csv';
import { findGaps, type Gap } from './gaps';
import { GENERATOR } from './manifest';
import type { BundleModel } from './model';
import { indexPage } from './pages/index-page';
import {
  eventsRegister, findingsTable, incidentsRegister, notificationsRegister, planReviewsRegister, provenanceTable,
  remediationRegister, tabletopRegister, waiversRegister,
} from './registers';

const TABLES: readonly { file: string; what: string; make(model: BundleModel): Table }[] = [
  { file: 'registers/incidents.csv', what: 'incidents detected or open in the period', make: incidentsRegister },
  { file: 'registers/events.csv', what: 'security events detected or open in the period', make: eventsRegister },
  { file: 'registers/remediation.csv', what: 'remediation and improvement items of the bundled records', make: remediationRegister },
  { file: 'registers/notifications.csv', what: 'every notification clock of the bundled incidents', make: notificationsRegister },
  { file: 'registers/tabletop.csv', what: 'tabletop exercises held in the period', make: tabletopRegister },
  { file: 'registers/plan-reviews.csv', what: 'plan reviews held in the period', make: planReviewsRegister },
  { file: 'registers/waivers.csv', what: 'waivers of the bundled records', make: waiversRegister },
  { file: 'findings.csv', what: 'every finding of the workspace at the as-of', make: findingsTable },
  { file: 'provenance.csv', what: 'git history of each bundled record', make: provenanceTable },
];

export interface GeneratedFiles {
  /** Bundle path to content. */
  files: Map<string, string>;
  gaps: Gap[];
}

export function generatedFiles(model: BundleModel): GeneratedFiles {
  const gaps = findGaps(model);
  const evidence = coverageEvidence(model);
  const files = new Map<string, string>();
  const listed: { file: string; what: string; rows: number }[] = [];
  const tables = [...TABLES.map((t) => ({ file: t.file, what: t.what, table: t.make(model) })),
    { file: 'coverage.csv', what: 'evidence supporting each CC7 criterion', table: coverageTable(evidence) }];
  for (const { file, what, table } of tables) {
    files.set(file, toCsv(table));
    listed.push({ file, what, rows: table.rows.length });
  }
  files.set('index.html', indexPage({ model, coverage: coverageMatrix(model, evidence, gaps), gaps, tables: listed, generator: GENERATOR }));
  return { files, gaps };
}
