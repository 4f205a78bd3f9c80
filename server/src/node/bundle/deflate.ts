// One bundle file as the zip stores it: its bytes DEFLATE-compressed, with the CRC-32 the zip
// records and the SHA-256 the manifest lists.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface Deflated {
  /** Raw DEFLATE data (the zip's method 8). */
  data: Buffer;
  crc32: number;
  /** Uncompressed bytes. */
  size: number;
  sha256: string;
}

/**
 * On a generated 1,000-record bundle (48 MB): level 4 writes 10.3 MB for 0.55 s of CPU, the
 * default 6 9.9 MB for 0.95 s, level 1 11.3 MB for 0.5 s. Compressing is most of writing a
 * bundle, so 4% more bytes buy 40% less of it.
 */
const LEVEL = 4;
const GZIP_HEADER_BYTES = 10;
const GZIP_TRAILER_BYTES = 8;

export function deflate(data: Buffer): Deflated {
  // A gzip member is raw DEFLATE between a fixed 10-byte header (node writes no name, time or
  // flags) and a trailer of the CRC-32 and the length: one native pass gives the zip both, on
  // every Node 20 (zlib.crc32 is not in all of them, the VS Code's among them).
  const member = gzipSync(data, { level: LEVEL });
  if (member[3] !== 0) throw new Error('unexpected gzip header flags');
  return {
    data: member.subarray(GZIP_HEADER_BYTES, member.length - GZIP_TRAILER_BYTES),
    crc32: member.readUInt32LE(member.length - GZIP_TRAILER_BYTES),
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}
