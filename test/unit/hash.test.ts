// The one content hash (core/model/hash.ts): a file's raw bytes hash as its decoded text does,
// so the scan compares a file on disk with a saved analysis without decoding it.
import assert from 'node:assert/strict';
import { BytesHasher, bytesHash, contentHash } from '../../server/src/core/model/hash';

const TEXTS = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'title: Café — 2026', 'emoji 🔑 key', '\uFEFFapiVersion: cc7/v1\n', 'x'.repeat(4099)];

describe('contentHash', () => {
  it('hashes the UTF-8 bytes of the text: bytesHash of those bytes is the same', () => {
    for (const text of TEXTS) assert.equal(bytesHash(Buffer.from(text, 'utf8')), contentHash(text), JSON.stringify(text.slice(0, 20)));
  });

  it('hashes bytes the same wherever they sit in a larger buffer (any alignment)', () => {
    const text = 'title: Café — 2026, a key 🔑 and some more';
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < 8; offset++) {
      const larger = Buffer.alloc(bytes.length + 16);
      bytes.copy(larger, offset);
      assert.equal(bytesHash(larger.subarray(offset, offset + bytes.length)), contentHash(text), `at offset ${offset}`);
    }
  });

  it('hashes bytes given in pieces as it hashes them whole, however they are cut', () => {
    const bytes = Buffer.from('title: Café — 2026, a key 🔑 and some more\n'.repeat(7), 'utf8');
    const whole = bytesHash(bytes);
    for (let first = 0; first <= 9; first++) {
      for (let second = first; second <= first + 9; second++) {
        const hasher = new BytesHasher().update(bytes.subarray(0, first)).update(bytes.subarray(first, second)).update(bytes.subarray(second));
        assert.equal(hasher.digest(), whole, `cut at ${first} and ${second}`);
      }
    }
    assert.equal(new BytesHasher().digest(), contentHash(''));
  });

  it('tells apart texts that differ in one character, in length, or in trailing zeros', () => {
    const variants = [...TEXTS, 'abd', 'abc\u0000', 'abc\u0000\u0000', 'bbcd', 'title: Cafe — 2026'];
    assert.equal(new Set(variants.map(contentHash)).size, variants.length);
  });
});
