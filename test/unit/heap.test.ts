// collectGarbage (node/heap.ts), what the language server runs before a re-analysis of
// thousands of documents: the garbage this thread holds is collected at once.
import assert from 'node:assert/strict';
import { collectGarbage } from '../../server/src/node/heap';

describe('collectGarbage', () => {
  it('collects the garbage of this thread now, and can be called again', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // Some 20 MB of objects that survive long enough to reach the old generation, then dropped.
    let kept: object[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `item ${i}`, list: [i, i + 1] }));
    assert.ok(process.memoryUsage().heapUsed > before + 10 * 1024 * 1024, 'the objects take room');
    kept = undefined;
    collectGarbage();
    assert.equal(kept, undefined);
    assert.ok(process.memoryUsage().heapUsed < before + 5 * 1024 * 1024, `${((process.memoryUsage().heapUsed - before) / 1048576).toFixed(1)} MB left`);
  });
});
