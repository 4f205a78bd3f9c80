import type { Cc7Document } from '../model/document';
import type { ParseCounts } from '../model/reparse';
import { readDocument, type FileInput } from './analyze';

/** Open documents are few; this bounds the parse trees kept however many a client opens. */
const KEPT = 32;

interface Kept {
  text: string;
  maxFileBytes: number;
  doc: Cc7Document | undefined;
}

/**
 * The parse trees of the documents open in an editor (open ones only, never the whole
 * workspace; the host forgets one when it is closed): one parse per text, shared by the
 * analysis that publishes its diagnostics and by every editor request on it, and each edit
 * re-parsed from the parse before it (model/reparse.ts: only the top-level entry it changed).
 */
export class DocumentCache {
  private readonly byPath = new Map<string, Kept>();
  /** The texts parsed, whole or spliced: one per version of an open document, whoever asks for it. */
  readonly counts: ParseCounts = { whole: 0, spliced: 0 };

  constructor(private readonly maxFileBytes: () => number) {}

  /** The document of this text, with the size limit of the settings; undefined when it is not a CC7 document. */
  get(path: string, text: string): Cc7Document | undefined {
    return this.read({ path, text }, this.maxFileBytes());
  }

  /** readDocument(input, maxFileBytes), kept: the same object again for the same text. */
  read(input: FileInput, maxFileBytes: number): Cc7Document | undefined {
    const { path, text } = input;
    const cached = this.byPath.get(path);
    // The most recently used last, so the oldest is evicted first.
    this.byPath.delete(path);
    if (cached && cached.text === text && cached.maxFileBytes === maxFileBytes) {
      this.byPath.set(path, cached);
      return cached.doc;
    }
    const doc = readDocument(input, maxFileBytes, { previous: cached?.doc?.file, counts: this.counts });
    this.byPath.set(path, { text, maxFileBytes, doc });
    if (this.byPath.size > KEPT) this.byPath.delete(this.byPath.keys().next().value!);
    return doc;
  }

  forget(path: string): void {
    this.byPath.delete(path);
  }
}
