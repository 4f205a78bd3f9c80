/**
 * The export's staging and zip writing: files compressed in batches (in order, whatever order
 * the batches finish in), packs read back by span, and the zip written from compressed entries
 * read back by yauzl and unzip, with its CRC-32s, Unix modes, and Zip64 past 65,535 entries.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import * as yauzl from 'yauzl';
import { deflate } from '../../server/src/node/bundle/deflate';
import { PackReader, PackWriter } from '../../server/src/node/bundle/pack';
import { EntryStore, storeFiles, type StoreRequest, type StoredFile } from '../../server/src/node/bundle/store';
import { writeZip, type ZipEntry } from '../../server/src/node/bundle/zip';
import { readZip, tempDir } from '../support/bundle';

interface Listed {
  name: string;
  crc32: number;
  mode: number;
  madeBy: number;
}

/** The central directory as yauzl reads it, the number of entries it declares, and the bytes of entry `wanted`. */
function listZip(file: string, wanted?: string): Promise<{ count: number; entries: Listed[]; data?: Buffer }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Listed[] = [];
      let data: Buffer | undefined;
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, crc32: entry.crc32, mode: entry.externalFileAttributes >>> 16, madeBy: entry.versionMadeBy >> 8 });
        if (entry.fileName !== wanted) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            data = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve({ count: zip.entryCount, entries, data }));
      zip.readEntry();
    });
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('bundle: staging and the zip writer', () => {
  it('deflate gives raw DEFLATE data with the CRC-32, size and SHA-256 of the original', () => {
    for (const data of [Buffer.alloc(0), Buffer.from('apiVersion: cc7/v1\n'.repeat(500)), Buffer.from('é€ 🙂 <b>', 'utf8')]) {
      const deflated = deflate(data);
      assert.ok(inflateRawSync(deflated.data).equals(data));
      assert.equal(deflated.crc32, crc32(data));
      assert.equal(deflated.size, data.length);
      assert.equal(deflated.sha256, sha256(data));
    }
  });

  it('packs hold what was appended, read back by span from several files', () => {
    const dir = tempDir('packs');
    const [a, b] = [new PackWriter(path.join(dir, 'a')), new PackWriter(path.join(dir, 'b'))];
    const spans = [a.append(Buffer.from('first')), b.append(Buffer.from('second')), a.append(Buffer.alloc(0)), a.append(Buffer.from('third'))];
    a.close();
    b.close();
    const reader = new PackReader();
    assert.deepEqual(spans.map((span) => reader.read(span).toString()), ['first', 'second', '', 'third']);
    reader.close();
  });

  it('the store gives every file in the order added, whatever order its batches finish in', async () => {
    const dir = tempDir('store');
    let calls = 0;
    // Each batch finishes later than the next one: the last batch sent is the first done.
    const run = async (request: StoreRequest): Promise<StoredFile[]> => {
      const delay = 40 - 10 * (calls++ % 4);
      await new Promise((resolve) => setTimeout(resolve, delay));
      return storeFiles(request);
    };
    const store = new EntryStore(run, dir);
    const big = 'x'.repeat(300_000);
    const texts = Array.from({ length: 12 }, (_, i) => `${i}:${big}`);
    for (const [i, text] of texts.entries()) await store.add(`f${i}.txt`, i % 2 ? text : Buffer.from(text));
    const stored = await store.finish();
    const last = store.now('last.txt', 'the end');
    store.close();
    assert.ok(calls > 1, 'the files went in more than one batch');
    assert.deepEqual(stored.map((file) => file.path), texts.map((_, i) => `f${i}.txt`));
    const reader = new PackReader();
    for (const [i, file] of [...stored, last].entries()) {
      const text = i < texts.length ? texts[i]! : 'the end';
      assert.equal(inflateRawSync(reader.read(file.deflated)).toString(), text);
      assert.equal(file.sha256, sha256(Buffer.from(text)));
    }
    reader.close();
  });

  it('the zip holds every entry in the order given, with its CRC-32, mode rw-r--r-- and a Unix origin', async () => {
    const dir = tempDir('zip');
    const files: [string, string][] = [['SHA256SUMS', 'sums\n'], ['empty.txt', ''], ['incidents/INC-1.yaml', 'id: INC-1\n'.repeat(100)], ['ünïcode/é.html', '<p>é</p>']];
    const store = new EntryStore(async (request) => storeFiles(request), dir);
    for (const [name, text] of files) await store.add(name, text);
    const entries = await store.finish();
    store.close();
    const out = path.join(dir, 'out.zip');
    const reader = new PackReader();
    const written = await writeZip(entries, (span) => reader.read(span), out);
    reader.close();
    assert.equal(written.sha256, sha256(readFileSync(out)));
    assert.equal(written.bytes, readFileSync(out).length);
    const read = await readZip(out);
    assert.deepEqual([...read].map(([name, data]) => [name, data.toString('utf8')]), files);
    const { entries: listed } = await listZip(out);
    for (const entry of listed) {
      assert.equal(entry.crc32, crc32(read.get(entry.name)!), entry.name);
      assert.equal(entry.mode, 0o100644, entry.name);
      assert.equal(entry.madeBy, 3, entry.name);
    }
    const test = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
    if (!test.error) assert.equal(test.status, 0, test.stdout + test.stderr);
  });

  it('more than 65,535 entries are written as Zip64 and all read back', async function () {
    this.timeout(60_000);
    const dir = tempDir('zip64');
    const content = Buffer.from('same\n');
    const deflated = deflate(content);
    const pack = new PackWriter(path.join(dir, 'data'));
    const span = pack.append(deflated.data);
    pack.close();
    const count = 70_000;
    const entries: ZipEntry[] = Array.from({ length: count }, (_, i) => ({ path: `e/${String(i).padStart(5, '0')}`, deflated: span, crc32: deflated.crc32, size: content.length }));
    const out = path.join(dir, 'big.zip');
    const reader = new PackReader();
    await writeZip(entries, (s) => reader.read(s), out);
    reader.close();
    const listed = await listZip(out, 'e/69999');
    assert.equal(listed.count, count);
    assert.deepEqual(listed.entries.map((entry) => entry.name), entries.map((entry) => entry.path));
    assert.ok(listed.data?.equals(content));
    const test = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
    if (!test.error) assert.equal(test.status, 0, test.stdout + test.stderr);
  });
});
