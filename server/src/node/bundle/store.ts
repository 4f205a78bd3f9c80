// The bundle's files as they go into the zip: compressed and hashed in batches on the worker
// threads (compressing is most of the cost of writing a bundle, and async zlib on libuv's pool
// costs about twice the CPU of the same work done synchronously in a worker), the compressed
// bytes appended to one pack per batch until the zip is written. A file made on this thread
// (a page) is appended to the input pack at once and sent as a span: text waiting in batches
// would outlive the young generation and grow the heap by hundreds of megabytes.
import * as path from 'node:path';
import type { BundleFile } from '../../core/bundle/manifest';
import { deflate } from './deflate';
import { PackReader, PackWriter, type Span } from './pack';
import type { ZipEntry } from './zip';

export type StoredFile = BundleFile & ZipEntry;

export interface StoreRequest {
  /** The new pack file the compressed files go to. */
  pack: string;
  /** Each file's content, where it is in a pack. */
  files: { path: string; content: Span }[];
}

export function storeFiles(request: StoreRequest): StoredFile[] {
  const pack = new PackWriter(request.pack);
  const reader = new PackReader();
  try {
    return request.files.map((file) => {
      const deflated = deflate(reader.read(file.content));
      return { path: file.path, sha256: deflated.sha256, size: deflated.size, crc32: deflated.crc32, deflated: pack.append(deflated.data) };
    });
  } finally {
    reader.close();
    pack.close();
  }
}

/** Bytes of content per batch, and batches in flight: the workers kept busy, few requests waiting. */
const BATCH_BYTES = 1 << 20;
const BATCHES_IN_FLIGHT = 4;

/** Gathers files into batches for `run` (storeFiles on a worker); `finish` gives every file stored, in the order added. */
export class EntryStore {
  private readonly input: PackWriter;
  private batch: StoreRequest['files'] = [];
  private batchBytes = 0;
  private packs = 0;
  private readonly results: StoredFile[][] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly run: (request: StoreRequest) => Promise<StoredFile[]>, private readonly staging: string) {
    this.input = new PackWriter(path.join(staging, 'store-input'));
  }

  /** Adds a file (its content, or where it already is); resolves when there is room for more. */
  async add(file: string, content: string | Buffer | Span): Promise<void> {
    const span = this.spanOf(content);
    this.batch.push({ path: file, content: span });
    this.batchBytes += span.length;
    if (this.batchBytes >= BATCH_BYTES) await this.send();
  }

  async finish(): Promise<StoredFile[]> {
    await this.send();
    await Promise.all(this.pending);
    return this.results.flat();
  }

  /** One file compressed in this thread at once: for the few files made from all the others' hashes. */
  now(file: string, content: string | Buffer): StoredFile {
    return storeFiles({ pack: this.nextPack(), files: [{ path: file, content: this.spanOf(content) }] })[0]!;
  }

  close(): void {
    this.input.close();
  }

  private spanOf(content: string | Buffer | Span): Span {
    if (typeof content === 'string') return this.input.append(Buffer.from(content, 'utf8'));
    return Buffer.isBuffer(content) ? this.input.append(content) : content;
  }

  private nextPack(): string {
    return path.join(this.staging, `store-${this.packs++}`);
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const index = this.results.length;
    const request: StoreRequest = { pack: this.nextPack(), files: this.batch };
    this.results.push([]);
    this.batch = [];
    this.batchBytes = 0;
    const done = this.run(request).then((stored) => { this.results[index] = stored; });
    this.pending.push(done);
    this.inFlight.add(done);
    const settle = () => this.inFlight.delete(done);
    done.then(settle, settle);
    while (this.inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(this.inFlight);
  }
}
