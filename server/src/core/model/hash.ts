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
  // Read as 32-bit words (platform order: the hash is for this machine's caches), whose view
  // must start on a multiple of 4: a copy when it does not (a slice of a larger buffer).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  // The 0 to 3 bytes after the last whole word, with zeros, make one last word; the length, part of the hash, tells them apart.
  let rest = 0;
  for (let i = words.length * 4; i < aligned.length; i++) rest |= aligned[i]! << (8 * (i % 4));
  let a1 = 0xdeadbeef ^ SEED_1;
  let a2 = 0x41c6ce57 ^ SEED_1;
  let b1 = 0xdeadbeef ^ SEED_2;
  let b2 = 0x41c6ce57 ^ SEED_2;
  for (let i = 0; i <= words.length; i++) {
    const word = i < words.length ? words[i]! : rest;
    a1 = Math.imul(a1 ^ word, 2654435761);
    a2 = Math.imul(a2 ^ word, 1597334677);
    b1 = Math.imul(b1 ^ word, 2654435761);
    b2 = Math.imul(b2 ^ word, 1597334677);
  }
  return finish(a1, a2).toString(36) + ':' + finish(b1, b2).toString(36) + ':' + bytes.length.toString(36);
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
