// Each bundled record's page made around its body, then stored: on a worker thread, as a batch,
// so making pages (reading, resolving links, encoding, compressing) takes every core. The YAML
// copies were stored as they were read (process-file.ts).
import { readFileSync } from 'node:fs';
import type { BundleFinding } from '../../core/bundle/model';
import { recordPage, type RecordPageInput } from '../../core/bundle/pages/record-page';
import { PackReader, PackWriter, type Span } from './pack';
import { storeOne, type StoredFile } from './store';

export interface PageRecord {
  /** The bundle name without extension: `incidents/INC-2026-014`. */
  name: string;
  summary: RecordPageInput['summary'];
  /** The page body the analysis staged. */
  body: Span;
  findings: BundleFinding[];
  history: RecordPageInput['history'];
  openedAfterHours?: number;
}

export interface PagesRequest {
  /** The new pack file the compressed files go to. */
  pack: string;
  /** A JSON file of `[Kind/ID, bundle name]` pairs: what a page's references link to. */
  names: string;
  zone: string;
  asOf: number;
  records: PageRecord[];
}

/** The last names file read: every batch of an export reads the same one. */
let names: { file: string; byKey: Map<string, string> } | undefined;

function namesOf(file: string): Map<string, string> {
  if (names?.file !== file) names = { file, byKey: new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, string][]) };
  return names.byKey;
}

/** Per record, its page, stored. */
export function storePages(request: PagesRequest): StoredFile[] {
  const byKey = namesOf(request.names);
  const pack = new PackWriter(request.pack);
  const reader = new PackReader();
  try {
    return request.records.map((record) => {
      const page = recordPage({
        summary: record.summary,
        name: record.name,
        body: reader.read(record.body).toString('utf8'),
        findings: record.findings,
        history: record.history,
        openedAfterHours: record.openedAfterHours,
        zone: request.zone,
        asOf: request.asOf,
        nameOf: (kind, id) => byKey.get(`${kind}/${id}`),
      });
      return storeOne(pack, `${record.name}.html`, Buffer.from(page, 'utf8'));
    });
  } finally {
    reader.close();
    pack.close();
  }
}
