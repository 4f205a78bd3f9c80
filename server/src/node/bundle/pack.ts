// The staging of an export: what is made before the zip can be written (each record's copy and
// page body, then every entry compressed) is appended to a few pack files and read back by its
// span. One file per bundle file was most of an export's cost: creating and deleting tens of
// thousands of small files took longer than analysing them.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Where some bytes were put: `length` bytes from `offset` in `file`. */
export interface Span {
  file: string;
  offset: number;
  length: number;
}

/** Appends to one new pack file; one writer per file, on one thread. */
export class PackWriter {
  private readonly fd: number;
  private offset = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  append(data: Buffer): Span {
    for (let written = 0; written < data.length;) written += writeSync(this.fd, data, written, data.length - written);
    const span = { file: this.file, offset: this.offset, length: data.length };
    this.offset += data.length;
    return span;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Reads spans of any pack files, each opened once. */
export class PackReader {
  private readonly fds = new Map<string, number>();

  read(span: Span): Buffer {
    let fd = this.fds.get(span.file);
    if (fd === undefined) {
      fd = openSync(span.file, 'r');
      this.fds.set(span.file, fd);
    }
    const data = Buffer.allocUnsafe(span.length);
    for (let read = 0; read < span.length;) {
      const count = readSync(fd, data, read, span.length - read, span.offset + read);
      if (count === 0) throw new Error(`${span.file} ends before ${span.offset + span.length}`);
      read += count;
    }
    return data;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
