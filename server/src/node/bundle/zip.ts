// Writing the zip: entries in the order given (sorted by the caller), every entry with the
// same time and mode, so the same files always give the same bytes.
import { createWriteStream, fsyncSync, openSync, closeSync } from 'node:fs';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  path: string;
  /** A staged file to take the bytes from, or the bytes themselves. */
  file?: string;
  data?: Buffer;
}

/**
 * 1980-01-01 00:00, the first instant a zip (DOS) time can hold, built from local fields:
 * DOS times are local wall times, so this writes the same bytes in every time zone. The
 * extended UTC time field is left out (forceDosTimestamp) for the same reason.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const ENTRY_OPTIONS = { mtime: FIXED_TIME, mode: 0o100644, compress: true, forceDosTimestamp: true };

export function writeZip(entries: readonly ZipEntry[], destination: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const output = createWriteStream(destination);
    output.on('error', reject);
    output.on('close', () => {
      // The bytes must be on disk before the rename makes the file visible.
      const fd = openSync(destination, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      resolve();
    });
    zip.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(output);
    for (const entry of entries) {
      if (entry.file !== undefined) zip.addFile(entry.file, entry.path, ENTRY_OPTIONS);
      else zip.addBuffer(entry.data!, entry.path, ENTRY_OPTIONS);
    }
    zip.end();
  });
}
