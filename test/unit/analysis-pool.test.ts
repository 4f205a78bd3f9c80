// The analysis pool's workers over their life: started by the first request, ended once idle
// for idleMs (their heaps given back), started again by the next request with the same
// answers; a worker that dies fails what it had and is replaced by the next request. The
// worker here is a small script speaking the pool's protocol ({ id, ...body } in, { id,
// results } out), so the pool is tested without the built bundle.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AnalysisPool } from '../../server/src/node/analysis-pool';

const WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, numbers, exit }) => {
  if (exit) process.exit(1);
  parentPort.postMessage({ id, results: numbers.map((n) => ({ square: n * n, thread: threadId })) });
});
`;

interface Answer {
  square: number;
  thread: number;
}

const waitUntil = async (condition: () => boolean, timeoutMs = 5000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('AnalysisPool', () => {
  let dir: string;
  let script: string;
  const pools: AnalysisPool[] = [];
  const pool = (idleMs?: number) => {
    const made = AnalysisPool.ofSize(2, script, idleMs === undefined ? {} : { idleMs });
    pools.push(made);
    return made;
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc7-pool-'));
    script = path.join(dir, 'worker.js');
    writeFileSync(script, WORKER);
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((each) => each.dispose()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('starts its workers on the first request, not before', async () => {
    const idle = pool();
    assert.equal(idle.started, false);
    const answers = await idle.request<Answer>({ numbers: [2, 3] });
    assert.deepEqual(answers.map((answer) => answer.square), [4, 9]);
    assert.equal(idle.started, true);
  });

  it('ends its workers once idle for idleMs, and starts others for the next request, with the same answers', async () => {
    const idle = pool(50);
    const first = await idle.request<Answer>({ numbers: [1, 2, 3] });
    await waitUntil(() => !idle.started);
    const again = await idle.request<Answer>({ numbers: [1, 2, 3] });
    assert.deepEqual(again.map((answer) => answer.square), first.map((answer) => answer.square));
    assert.notEqual(again[0]!.thread, first[0]!.thread, 'a new worker answered');
    assert.equal(idle.started, true);
  });

  it('keeps its workers while requests keep coming', async () => {
    const busy = pool(200);
    const first = await busy.request<Answer>({ numbers: [1] });
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await busy.request<Answer>({ numbers: [1] });
    }
    assert.equal(busy.started, true);
    const threads = new Set((await Promise.all([busy.request<Answer>({ numbers: [1] }), busy.request<Answer>({ numbers: [1] })])).map(([answer]) => answer!.thread));
    assert.ok(threads.has(first[0]!.thread), 'the first workers still answer');
  });

  it('without idleMs keeps its workers until disposed', async () => {
    const kept = pool();
    await kept.request<Answer>({ numbers: [1] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(kept.started, true);
    await kept.dispose();
    assert.equal(kept.started, false);
  });

  it('a worker that dies fails its request; the next request is answered by a worker started in its place', async () => {
    const failing = pool();
    // Both workers die: whichever the next request goes to is a new one.
    await assert.rejects(failing.request({ exit: true }), /exited/);
    await assert.rejects(failing.request({ exit: true }), /exited/);
    const answers = await failing.request<Answer>({ numbers: [4] });
    assert.equal(answers[0]!.square, 16);
  });
});
