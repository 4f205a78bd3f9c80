// `cc7 verify` and the VS Code command: recomputes every entry's hash from the zip and checks
// it against SHA256SUMS and manifest.json, then the signature when there is one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as yauzl from 'yauzl';
import { MANIFEST_FILE, parseSha256sums, SIGNATURE_FILE, SUMS_FILE } from '../../core/bundle/manifest';
import { BundleError, describeError } from './errors';
import { checkSignature, type SignatureCheck } from './ssh';

export interface VerifyOptions {
  /** The bundle zip. */
  file: string;
  /** An OpenSSH allowed_signers file: who may have signed the bundle. */
  allowedSigners?: string;
}

export interface VerifyProgress {
  stage: 'hashing' | 'signature';
  /** Entries hashed so far; the total is unknown until the end (0). */
  done: number;
  total: number;
}

export interface VerifyResult {
  status: 'verified' | 'failed';
  /** True only when every entry matches, none is missing or extra, and the signature (if any) verifies. */
  ok: boolean;
  /** Entries hashed, SHA256SUMS and its signature left out. */
  entries: number;
  /** Entries whose bytes differ from SHA256SUMS or manifest.json (or cannot be read). */
  changed: string[];
  /** Listed in SHA256SUMS or manifest.json, absent from the zip. */
  missing: string[];
  /** In the zip, listed in neither. */
  extra: string[];
  /** Anything else wrong: no SHA256SUMS, malformed lines, an unreadable manifest, repeated entries. */
  problems: string[];
  signature: { status: 'absent' | SignatureCheck['status']; principal?: string; message: string };
}

interface Entry {
  sha256: string;
  size: number;
  data?: Buffer;
  error?: string;
}

/** The files read whole, besides hashing: small, and needed for the checks. */
const KEPT = new Set([SUMS_FILE, SIGNATURE_FILE, MANIFEST_FILE]);

export async function verifyBundle(
  options: VerifyOptions,
  progress: (update: VerifyProgress) => void = () => undefined,
  cancel: () => boolean = () => false,
): Promise<VerifyResult | { status: 'cancelled' }> {
  if (!existsSync(options.file)) throw new BundleError(`no such file: ${options.file}`);
  if (options.allowedSigners !== undefined && !existsSync(options.allowedSigners)) throw new BundleError(`no such allowed signers file: ${options.allowedSigners}`);
  const problems: string[] = [];
  const entries = await readEntries(options.file, problems, progress, cancel);
  if (!entries) return { status: 'cancelled' };
  const changed = new Set<string>();
  const missing = new Set<string>();
  const extra = new Set<string>();
  const compare = (listed: ReadonlyMap<string, { sha256: string; size?: number }>) => {
    for (const [name, expected] of listed) {
      const actual = entries.get(name);
      if (!actual) missing.add(name);
      else if (actual.error || actual.sha256 !== expected.sha256 || (expected.size !== undefined && actual.size !== expected.size)) changed.add(name);
    }
    for (const name of entries.keys()) if (!listed.has(name) && name !== SUMS_FILE && name !== SIGNATURE_FILE && name !== MANIFEST_FILE) extra.add(name);
  };

  const sumsText = entries.get(SUMS_FILE)?.data?.toString('utf8');
  if (sumsText === undefined) problems.push('no SHA256SUMS in the bundle');
  else {
    const { sums, malformed } = parseSha256sums(sumsText);
    for (const line of malformed) problems.push(`SHA256SUMS: malformed line "${line.slice(0, 80)}"`);
    compare(new Map([...sums].map(([name, hash]) => [name, { sha256: hash }])));
  }
  const manifest = readManifest(entries.get(MANIFEST_FILE)?.data, problems);
  if (manifest) compare(manifest);

  progress({ stage: 'signature', done: entries.size, total: entries.size });
  const signatureData = entries.get(SIGNATURE_FILE)?.data;
  const signature = signatureData === undefined
    ? { status: 'absent' as const, message: options.allowedSigners ? 'absent: the bundle is not signed' : 'absent' }
    : sumsText === undefined
      ? { status: 'invalid' as const, message: 'invalid: there is no SHA256SUMS to check it against' }
      : await checkSignature(Buffer.from(sumsText, 'utf8'), signatureData, options.allowedSigners);
  const signatureHolds = signature.status === 'valid' || signature.status === 'valid-unchecked' || (signature.status === 'absent' && !options.allowedSigners);
  const sorted = (set: Set<string>) => [...set].sort();
  const ok = changed.size === 0 && missing.size === 0 && extra.size === 0 && problems.length === 0 && signatureHolds;
  return {
    status: ok ? 'verified' : 'failed',
    ok,
    entries: [...entries.keys()].filter((name) => name !== SUMS_FILE && name !== SIGNATURE_FILE).length,
    changed: sorted(changed),
    missing: sorted(missing),
    extra: sorted(extra),
    problems,
    signature,
  };
}

/** manifest.json's file list as path to hash and size; undefined (with a problem) when unreadable. */
function readManifest(data: Buffer | undefined, problems: string[]): Map<string, { sha256: string; size: number }> | undefined {
  if (data === undefined) return undefined;
  try {
    const files = (JSON.parse(data.toString('utf8')) as { files?: unknown }).files;
    if (!Array.isArray(files)) throw new Error('no "files" list');
    return new Map(files.map((file: { path: string; sha256: string; size: number }) => [file.path, { sha256: file.sha256, size: file.size }]));
  } catch (error) {
    problems.push(`manifest.json cannot be read: ${describeError(error)}`);
    return undefined;
  }
}

/** Every file entry of the zip (folders carry no content and are skipped), hashed as it streams. */
function readEntries(file: string, problems: string[], progress: (update: VerifyProgress) => void, cancel: () => boolean): Promise<Map<string, Entry> | undefined> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) {
        reject(new BundleError(`cannot read ${file} as a zip: ${describeError(openError)}`));
        return;
      }
      const entries = new Map<string, Entry>();
      zip.on('error', (error) => reject(new BundleError(`cannot read ${file} as a zip: ${describeError(error)}`)));
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (cancel()) {
          zip.close();
          resolve(undefined);
          return;
        }
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (entries.has(entry.fileName)) problems.push(`${entry.fileName} appears more than once in the zip`);
        hashEntry(zip, entry).then((result) => {
          entries.set(entry.fileName, result);
          if (entries.size % 100 === 0) progress({ stage: 'hashing', done: entries.size, total: 0 });
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  });
}

/** One entry's hash and size; bytes that cannot be inflated make it "changed", not an I/O error. */
function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Entry> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        resolve({ sha256: '', size: 0, error: describeError(error) });
        return;
      }
      const hash = createHash('sha256');
      const kept: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (KEPT.has(entry.fileName)) kept.push(chunk);
      });
      stream.on('error', (streamError) => resolve({ sha256: '', size, error: describeError(streamError) }));
      stream.on('end', () => resolve({ sha256: hash.digest('hex'), size, ...(KEPT.has(entry.fileName) ? { data: Buffer.concat(kept) } : {}) }));
    });
  });
}
