import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';

/**
 * Extracts every file of a zip below `folder`. yauzl refuses entry names that are absolute or
 * climb out with `..`, so nothing lands outside it.
 */
export function unzip(zip: string, folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (openError, file) => {
      if (openError || !file) return reject(openError);
      file.on('error', reject);
      file.on('end', resolve);
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return file.readEntry();
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const target = path.join(folder, entry.fileName);
          mkdirSync(path.dirname(target), { recursive: true });
          pipeline(stream, createWriteStream(target)).then(() => file.readEntry(), reject);
        });
      });
      file.readEntry();
    });
  });
}
