// manifest.json and SHA256SUMS: what the bundle holds and how to check it.
import { GENERATOR_VERSION } from './core-api';
import { iso } from './format';
import type { Gap } from './gaps';
import { recordsOf, type BundleModel } from './model';

export interface BundleFile {
  /** The path inside the zip, `/` separators. */
  path: string;
  sha256: string;
  size: number;
}

export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'SHA256SUMS.sig';
export const MANIFEST_FILE = 'manifest.json';
/** The OpenSSH signature namespace: a signature made for anything else does not verify here. */
export const SIGNATURE_NAMESPACE = 'cc7-bundle';
export const GENERATOR = `cc7 ${GENERATOR_VERSION}`;

export interface ManifestSigning {
  namespace: string;
  file: string;
  /** `ssh-keygen -l` of the signing key: `256 SHA256:... comment (ED25519)`. */
  key: string;
}

/** The manifest; `files` every file of the bundle except the manifest, SHA256SUMS and its signature. */
export function manifestJson(model: BundleModel, files: readonly BundleFile[], gaps: readonly Gap[], signing?: ManifestSigning): string {
  const bySeverity = (severity: string) => model.findings.filter((finding) => finding.severity === severity).length;
  const byRule: Record<string, number> = {};
  for (const finding of model.findings) byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
  const provenance = model.provenance;
  const manifest = {
    format: 'cc7-evidence-bundle/1',
    generator: { name: 'cc7', version: GENERATOR_VERSION },
    organization: model.organization ?? null,
    period: { text: model.period.text, start: iso(model.period.start), end: iso(model.period.end), zone: model.zone },
    asOf: iso(model.asOf),
    repository: provenance.available
      ? { available: true, head: provenance.head ?? null, dirty: provenance.dirty }
      : { available: false, reason: provenance.reason },
    redacted: model.redacted,
    signature: signing ?? null,
    counts: {
      incidents: recordsOf(model, 'Incident').length,
      securityEvents: recordsOf(model, 'SecurityEvent').length,
      tabletopExercises: recordsOf(model, 'TabletopExercise').length,
      runbooks: recordsOf(model, 'Runbook').length,
      responsePlans: recordsOf(model, 'ResponsePlan').length,
      remediationItems: model.records.reduce((sum, record) => sum + record.summary.items.length, 0),
      notificationClocks: model.records.reduce((sum, record) => sum + record.summary.clocks.length, 0),
      waivers: model.records.reduce((sum, record) => sum + record.summary.waivers.length, 0),
      gaps: gaps.length,
      files: files.length,
    },
    findings: {
      error: bySeverity('error'),
      warning: bySeverity('warning'),
      info: bySeverity('info'),
      byRule: Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    skippedSymbolicLinks: model.skippedLinks,
    files: files.map((file) => ({ path: file.path, sha256: file.sha256, size: file.size })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `sha256sum -c` input: `<hash>  <path>` per line (two spaces: text mode), in the order given. */
export function sha256sums(files: readonly BundleFile[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}\n`).join('');
}

/** Reads SHA256SUMS back (for verify): path to hash; malformed lines are returned apart. */
export function parseSha256sums(text: string): { sums: Map<string, string>; malformed: string[] } {
  const sums = new Map<string, string>();
  const malformed: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (match && !sums.has(match[2]!)) sums.set(match[2]!, match[1]!);
    else malformed.push(line);
  }
  return { sums, malformed };
}

/** Byte order of UTF-8 paths (code-unit order of these ASCII names): the order of every list in the bundle. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
