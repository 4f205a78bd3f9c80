// The bundle's files as they go into the zip: compressed and hashed in batches on the worker
// threads (compressing is most of the cost of writing a bundle, and async zlib on libuv's pool
// costs about twice the CPU of the same work done synchronously in a worker), the compressed
// bytes appended to one pack per batch until the zip is written.
import * as path from 'node:path';
import type { BundleFile } from '../../core/bundle/manifest';
import { deflate } from './deflate';
import { PackReader, PackWriter, type Span } from './pack';
import type { ZipEntry } from './zip';

export type StoredFile = BundleFile & ZipEntry;

/** A file's content as the zip and the manifest need it, before it has a name in the bundle. */
export type StoredContent = Omit<StoredFile, 'path'>;

/** Compresses `data` into `pack`: the content as the zip and the manifest need it. */
export function storeContent(pack: PackWriter, data: Buffer): StoredContent {
  const deflated = deflate(data);
  return { sha256: deflated.sha256, size: deflated.size, crc32: deflated.crc32, deflated: pack.append(deflated.data) };
}

/** Compresses `data` into `pack` as the bundle file `file`. */
export function storeOne(pack: PackWriter, file: string, data: Buffer): StoredFile {
  return { path: file, ...storeContent(pack, data) };
}

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
    return request.files.map((file) => storeOne(pack, file.path, reader.read(file.content)));
  } finally {
    reader.close();
    pack.close();
  }
}

/** Bytes of content per batch, and batches in flight: the workers kept busy, few requests waiting. */
const BATCH_BYTES = 1 << 20;
const BATCHES_IN_FLIGHT = 4;

/**
 * Sends items in batches of about a megabyte to `run` (a job on a worker, with the new pack its
 * files go to), a few batches in flight; `finish` gives every file stored, in the order added.
 */
export class Batcher<Item> {
  private batch: Item[] = [];
  private batchBytes = 0;
  private readonly results: StoredFile[][] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly run: (items: Item[], pack: string) => Promise<StoredFile[]>, private readonly packPrefix: string) {}

  /** Adds an item of about `bytes` of content; resolves when there is room for more. */
  async add(item: Item, bytes: number): Promise<void> {
    this.batch.push(item);
    this.batchBytes += bytes;
    if (this.batchBytes >= BATCH_BYTES) await this.send();
  }

  async finish(): Promise<StoredFile[]> {
    await this.send();
    await Promise.all(this.pending);
    return this.results.flat();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const index = this.results.length;
    const items = this.batch;
    this.results.push([]);
    this.batch = [];
    this.batchBytes = 0;
    const done = this.run(items, `${this.packPrefix}-${index}`).then((stored) => { this.results[index] = stored; });
    this.pending.push(done);
    this.inFlight.add(done);
    const settle = () => this.inFlight.delete(done);
    done.then(settle, settle);
    while (this.inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(this.inFlight);
  }
}

/**
 * Files made on this thread (the generated files, the manifest): appended to an input pack at
 * once and sent as spans, so no text waits in memory for its batch.
 */
export class EntryStore {
  private readonly input: PackWriter;
  private readonly batcher: Batcher<StoreRequest['files'][number]>;
  private alone = 0;

  constructor(run: (request: StoreRequest) => Promise<StoredFile[]>, private readonly staging: string) {
    this.input = new PackWriter(path.join(staging, 'store-input'));
    this.batcher = new Batcher((files, pack) => run({ pack, files }), path.join(staging, 'store'));
  }

  /** Adds a file; resolves when there is room for more. */
  add(file: string, content: string | Buffer): Promise<void> {
    const span = this.spanOf(content);
    return this.batcher.add({ path: file, content: span }, span.length);
  }

  finish(): Promise<StoredFile[]> {
    return this.batcher.finish();
  }

  /** One file compressed in this thread at once: for the few files made from all the others' hashes. */
  now(file: string, content: string | Buffer): StoredFile {
    return storeFiles({ pack: path.join(this.staging, `alone-${this.alone++}`), files: [{ path: file, content: this.spanOf(content) }] })[0]!;
  }

  close(): void {
    this.input.close();
  }

  private spanOf(content: string | Buffer): Span {
    return this.input.append(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
}
