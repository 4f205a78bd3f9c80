// Writing the zip from entries already compressed (deflate.ts, on every core): local headers,
// data and the central directory, in the order given (sorted by the caller), every entry with
// the same time and mode, so the same files always give the same bytes. Zip libraries compress
// as they write, one entry at a time on one core; none of those kept well both takes compressed
// entries and writes Zip64, which more than 65,535 entries or 4 GiB need (APPNOTE 6.3.10 4.3, 4.5.3).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Span } from './pack';

export interface ZipEntry {
  /** The path inside the zip, `/` separators. */
  path: string;
  /** Raw DEFLATE data. */
  deflated: Span;
  crc32: number;
  /** Uncompressed bytes. */
  size: number;
}

/** 1980-01-01 00:00, the first instant a DOS time can hold: the same in every time zone, no extended time field. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
/** A regular file, rw-r--r--, as Unix zip tools write it (made by 3: Unix). */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MADE_BY_UNIX = 3 << 8;
const VERSION_DEFLATE = 20;
const VERSION_ZIP64 = 45;
const UTF8_NAMES = 1 << 11;
const DEFLATE = 8;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
/** Bytes gathered before a write: few system calls for many small entries. */
const WRITE_BYTES = 1 << 20;

/** Writes the zip to `destination`; returns its SHA-256 and size. */
export async function writeZip(entries: readonly ZipEntry[], read: (span: Span) => Buffer, destination: string): Promise<{ sha256: string; bytes: number }> {
  const file = await open(destination, 'w');
  const hash = createHash('sha256');
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    hash.update(data);
    await file.write(data);
  };
  const emit = async (data: Buffer) => {
    pending.push(data);
    pendingBytes += data.length;
    offset += data.length;
    if (pendingBytes >= WRITE_BYTES) await flush();
  };
  try {
    const central: Buffer[] = [];
    for (const entry of entries) {
      if (entry.size > MAX_32 || entry.deflated.length > MAX_32) throw new Error(`${entry.path}: entries of 4 GiB or more are not supported`);
      const name = Buffer.from(entry.path, 'utf8');
      central.push(centralHeader(entry, name, offset));
      await emit(localHeader(entry, name));
      await emit(read(entry.deflated));
    }
    const directoryOffset = offset;
    for (const header of central) await emit(header);
    await emit(directoryEnd(entries.length, offset - directoryOffset, directoryOffset));
    await flush();
    // The bytes must be on disk before the caller's rename makes the file visible.
    await file.sync();
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), bytes: offset };
}

function localHeader(entry: ZipEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION_DEFLATE, 4);
  writeEntryFields(header, 6, entry, name);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

/**
 * The fields the local header and the central record share, in the same order, from `at`:
 * flags, method, time, date, CRC-32, sizes and the name's length.
 */
function writeEntryFields(header: Buffer, at: number, entry: ZipEntry, name: Buffer): void {
  header.writeUInt16LE(UTF8_NAMES, at);
  header.writeUInt16LE(DEFLATE, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(entry.crc32, at + 8);
  header.writeUInt32LE(entry.deflated.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(name.length, at + 20);
}

/** The entry's central directory record; past 4 GiB its offset moves to a Zip64 extra field. */
function centralHeader(entry: ZipEntry, name: Buffer, offset: number): Buffer {
  const zip64 = offset >= MAX_32;
  const extra = Buffer.alloc(zip64 ? 12 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(offset), 4);
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 4);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFLATE, 6);
  writeEntryFields(header, 8, entry, name);
  header.writeUInt16LE(extra.length, 30);
  // Comment length, disk number, internal attributes: 0.
  header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  header.writeUInt32LE(zip64 ? MAX_32 : offset, 42);
  return Buffer.concat([header, name, extra]);
}

/** The end of central directory record, after the Zip64 record and locator when a count or offset needs them. */
function directoryEnd(count: number, size: number, offset: number): Buffer {
  const zip64 = count >= MAX_16 || size >= MAX_32 || offset >= MAX_32;
  const records: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    // This disk and the directory's disk: 0.
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + size), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX_16), 8);
  end.writeUInt16LE(Math.min(count, MAX_16), 10);
  end.writeUInt32LE(Math.min(size, MAX_32), 12);
  end.writeUInt32LE(Math.min(offset, MAX_32), 16);
  records.push(end);
  return Buffer.concat(records);
}
