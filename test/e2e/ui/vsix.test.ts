/** The .vsix the UI tests install (test/packaging.test.ts checks which files it holds). */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { packagedVsix } from '../harness/vsix';

const MAX_BYTES = 2 * 1024 * 1024;

describe('the packaged .vsix', () => {
  it('is under 2 MB', () => {
    const { size } = statSync(packagedVsix());
    assert.ok(size < MAX_BYTES, `${packagedVsix()} is ${size} bytes`);
  });
});
