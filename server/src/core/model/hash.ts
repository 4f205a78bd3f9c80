/**
 * A content hash for telling texts apart (the analysis cache key, in memory and on disk), in
 * plain JS so the core needs no node module: cyrb53 with two seeds in one pass, 106 bits in
 * all, so an edit mistaken for the text it replaced is out of the question in practice. It
 * reads two UTF-16 units per step (one 32-bit word): a restart hashes every file of the
 * workspace, and this halves the cost.
 */
export function contentHash(text: string): string {
  let a1 = 0xdeadbeef ^ SEED_1;
  let a2 = 0x41c6ce57 ^ SEED_1;
  let b1 = 0xdeadbeef ^ SEED_2;
  let b2 = 0x41c6ce57 ^ SEED_2;
  const end = text.length - 1;
  let i = 0;
  for (; i < end; i += 2) {
    const word = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    a1 = Math.imul(a1 ^ word, 2654435761);
    a2 = Math.imul(a2 ^ word, 1597334677);
    b1 = Math.imul(b1 ^ word, 2654435761);
    b2 = Math.imul(b2 ^ word, 1597334677);
  }
  // An odd length leaves one unit; the length, part of the hash, tells it from a pair ending in 0.
  // (Written out rather than folded into the loop: a test per step costs a third more.)
  if (i === end) {
    const word = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ word, 2654435761);
    a2 = Math.imul(a2 ^ word, 1597334677);
    b1 = Math.imul(b1 ^ word, 2654435761);
    b2 = Math.imul(b2 ^ word, 1597334677);
  }
  return finish(a1, a2).toString(36) + ':' + finish(b1, b2).toString(36) + ':' + text.length.toString(36);
}

const SEED_1 = 0x9e3779b9;
const SEED_2 = 0x85ebca6b;

/** cyrb53's final mix of its two lanes into 53 bits. */
function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
