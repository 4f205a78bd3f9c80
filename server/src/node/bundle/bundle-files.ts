// The files of a bundle once the workspace is analysed: the generated files, each record's page
// (made now that the findings and provenance of the whole workspace are known) and copy (compressed
// when it was read), the manifest, SHA256SUMS and its signature; each compressed and hashed, ready
// for the zip.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalysisPool } from '../analysis-pool';
import { generatedFiles } from '../../core/bundle/contents';
import type { Gap } from '../../core/bundle/gaps';
import {
  byPath, manifestJson, MANIFEST_FILE, SIGNATURE_FILE, SIGNATURE_NAMESPACE, sha256sums, SUMS_FILE, type ManifestSigning,
} from '../../core/bundle/manifest';
import type { BundleModel, BundleRecord } from '../../core/bundle/model';
import { openingCheck } from '../../core/bundle/provenance';
import type { ExportProgress } from './export';
import { onPool } from './jobs';
import type { PageRecord } from './pages';
import type { ProcessedRecord } from './process-file';
import { keyFingerprint, signSums } from './ssh';
import { Batcher, EntryStore, type StoredFile } from './store';

/** A bundled record's analysis output: its summary, and where its copy and page body are. */
export type SourceRecord = ProcessedRecord & { path: string };

export interface FilesContext {
  /** The signing key, when signing. */
  sign?: string;
  staging: string;
  /** Workers to compress on (this thread without). */
  pool: AnalysisPool | undefined;
}

export interface BundleFiles {
  /** Every file, in zip order. */
  entries: StoredFile[];
  gaps: Gap[];
  signed: boolean;
}

/** Records between progress reports. */
const PROGRESS_EVERY = 100;

/** Every file of the bundle, compressed and hashed, in zip order. */
export async function bundleFiles(model: BundleModel, records: readonly SourceRecord[], context: FilesContext,
  progress: (update: ExportProgress) => void, checkCancel: () => void): Promise<BundleFiles> {
  const { sign, staging, pool } = context;
  const store = new EntryStore((batch) => onPool<StoredFile>(pool, { job: 'store', ...batch }, checkCancel), staging);
  try {
    const { files: generated, gaps } = generatedFiles(model);
    for (const [file, content] of generated) await store.add(file, content);
    const names = path.join(staging, 'names.json');
    writeFileSync(names, JSON.stringify(documentNames(model.records)));
    const pages = new Batcher<PageRecord>((batch, pack) => onPool<StoredFile>(pool, { job: 'pages', pack, names, zone: model.zone, asOf: model.asOf, records: batch }, checkCancel),
      path.join(staging, 'pages'));
    const byFile = groupBy(model.findings, (finding) => finding.file);
    const sources = new Map(records.map((record) => [record.summary.path, record]));
    // The copies were compressed as they were read: each takes its name now.
    const copies: StoredFile[] = [];
    for (const [i, record] of model.records.entries()) {
      if (i % PROGRESS_EVERY === 0) {
        checkCancel();
        progress({ stage: 'writing', done: i, total: model.records.length });
      }
      const { summary } = record;
      const source = sources.get(summary.path)!;
      const history = model.provenance.available ? model.provenance.records.get(summary.path) : undefined;
      copies.push({ path: `${record.name}.yaml`, ...source.copy! });
      await pages.add({
        name: record.name,
        summary: { kind: summary.kind, id: summary.id, title: summary.title, path: summary.path },
        body: source.body!,
        findings: byFile.get(summary.path) ?? [],
        history: model.provenance.available ? history! : 'unavailable',
        openedAfterHours: openingCheck(history, summary.detectedAt, model.openedWithinHours, model.asOf).openedAfterHours,
      }, source.body!.length);
    }
    const entries = [...await store.finish(), ...copies, ...await pages.finish()].sort(byPath);
    progress({ stage: 'writing', done: model.records.length, total: model.records.length });

    let signing: ManifestSigning | undefined;
    if (sign !== undefined) {
      progress({ stage: 'signing', done: 0, total: 1 });
      signing = { namespace: SIGNATURE_NAMESPACE, file: SIGNATURE_FILE, key: await keyFingerprint(sign) };
    }
    const all = [...entries, store.now(MANIFEST_FILE, manifestJson(model, entries, gaps, signing))].sort(byPath);
    const sums = Buffer.from(sha256sums(all));
    const signature = sign === undefined ? undefined : await signSums(sums, sign, staging);
    const final = [store.now(SUMS_FILE, sums), ...(signature ? [store.now(SIGNATURE_FILE, signature)] : []), ...all].sort(byPath);
    return { entries: final, gaps, signed: signature !== undefined };
  } finally {
    store.close();
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** `Kind/ID` and bundle name pairs; the first in name order wins where ids repeat. */
function documentNames(records: readonly BundleRecord[]): [string, string][] {
  const names = new Map<string, string>();
  for (const record of records) {
    const key = `${record.summary.kind}/${record.summary.id}`;
    if (record.summary.id !== undefined && !names.has(key)) names.set(key, record.name);
  }
  return [...names];
}
