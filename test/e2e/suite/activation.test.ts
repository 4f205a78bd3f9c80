/** The extension activates in a workspace of CC7 YAML files: activate() awaits the language client's start. */
import assert from 'node:assert/strict';
import { cc7Extension } from './support/extension';

describe('activation', () => {
  it('activates and starts its language server', async () => {
    const extension = cc7Extension();
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
