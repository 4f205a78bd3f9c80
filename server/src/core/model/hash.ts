/**
 * The content hash that tells texts apart (the analysis cache key, in memory and on disk), in
 * plain JS so the core needs no node module: cyrb53 with two seeds in one pass, 106 bits in
 * all, so an edit mistaken for the text it replaced is out of the question in practice.
 *
 * It hashes the UTF-8 bytes of the text, a 32-bit word at a time: a restart hashes every file
 * of the workspace as read from disk, without decoding it (`bytesHash`), four times faster than
 * reading the decoded text unit by unit, and an editor's text hashes the same (`contentHash`).
 */
export function contentHash(text: string): string {
  return bytesHash(UTF8.encode(text));
}

/** contentHash of the text these UTF-8 bytes encode. */
export function bytesHash(bytes: Uint8Array): string {
  return new BytesHasher().update(bytes).digest();
}

/**
 * bytesHash of bytes given in pieces, in order (a file written a group of lines at a time,
 * never whole in memory): the same hash, however the bytes are cut.
 */
export class BytesHasher {
  private a1 = 0xdeadbeef ^ SEED_1;
  private a2 = 0x41c6ce57 ^ SEED_1;
  private b1 = 0xdeadbeef ^ SEED_2;
  private b2 = 0x41c6ce57 ^ SEED_2;
  private length = 0;
  /** The 0 to 3 bytes after the last whole word so far. */
  private readonly pending = new Uint8Array(4);
  private pendingLength = 0;

  update(bytes: Uint8Array): this {
    this.length += bytes.length;
    let at = 0;
    if (this.pendingLength > 0) {
      while (this.pendingLength < 4 && at < bytes.length) this.pending[this.pendingLength++] = bytes[at++]!;
      if (this.pendingLength < 4) return this;
      this.mixWords(new Int32Array(this.pending.buffer));
      this.pendingLength = 0;
    }
    const whole = (bytes.length - at) & ~3;
    // Read as 32-bit words (platform order: the hash is for this machine's caches), whose view
    // must start on a multiple of 4: a copy when it does not (a slice of a larger buffer).
    const start = bytes.byteOffset + at;
    const aligned = start % 4 === 0 ? new Int32Array(bytes.buffer, start, whole >> 2) : new Int32Array(new Uint8Array(bytes.subarray(at, at + whole)).buffer);
    this.mixWords(aligned);
    for (let i = at + whole; i < bytes.length; i++) this.pending[this.pendingLength++] = bytes[i]!;
    return this;
  }

  /** The hash of everything given; once (it takes in the last bytes). */
  digest(): string {
    // The 0 to 3 bytes after the last whole word, with zeros, make one last word; the length, part of the hash, tells them apart.
    let rest = 0;
    for (let i = 0; i < this.pendingLength; i++) rest |= this.pending[i]! << (8 * i);
    this.mixWords(Int32Array.of(rest));
    return finish(this.a1, this.a2).toString(36) + ':' + finish(this.b1, this.b2).toString(36) + ':' + this.length.toString(36);
  }

  private mixWords(words: Int32Array): void {
    let { a1, a2, b1, b2 } = this;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      a1 = Math.imul(a1 ^ word, 2654435761);
      a2 = Math.imul(a2 ^ word, 1597334677);
      b1 = Math.imul(b1 ^ word, 2654435761);
      b2 = Math.imul(b2 ^ word, 1597334677);
    }
    this.a1 = a1;
    this.a2 = a2;
    this.b1 = b1;
    this.b2 = b2;
  }
}

const UTF8 = new TextEncoder();
const SEED_1 = 0x9e3779b9;
const SEED_2 = 0x85ebca6b;

/** cyrb53's final mix of its two lanes into 53 bits. */
function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
