import type { Cc7Document } from '../model/document';
import { contentHash } from '../model/hash';
import { readDocument } from './analyze';

/** Open documents are few; this bounds the parse trees kept however many a client opens. */
const KEPT = 32;

/**
 * The parse trees of the documents an editor asks about (open ones only, never the whole
 * workspace): each request on an unchanged text reuses the tree instead of parsing again.
 */
export class DocumentCache {
  private readonly byPath = new Map<string, { hash: string; doc: Cc7Document | undefined }>();

  constructor(private readonly maxFileBytes: () => number) {}

  /** The document of this text; undefined when it is not a CC7 document. */
  get(path: string, text: string): Cc7Document | undefined {
    const hash = contentHash(text);
    const cached = this.byPath.get(path);
    if (cached?.hash === hash) {
      // Most recently used last, so the oldest is evicted first.
      this.byPath.delete(path);
      this.byPath.set(path, cached);
      return cached.doc;
    }
    const doc = readDocument({ path, text }, this.maxFileBytes());
    this.byPath.delete(path);
    this.byPath.set(path, { hash, doc });
    if (this.byPath.size > KEPT) this.byPath.delete(this.byPath.keys().next().value!);
    return doc;
  }

  forget(path: string): void {
    this.byPath.delete(path);
  }
}
