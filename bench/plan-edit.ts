/**
 * Plan edits at scale (issue 9): in-process, the way the server does it (the Program hands the
 * outdated documents to a RecheckQueue, which re-analyses them on the worker pool), the time
 * from a plan edit until every affected document is re-analysed and settled, and how many were.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Program } from '../server/src/core/service/program';
import { AnalysisPool } from '../server/src/node/analysis-pool';
import { DEFAULT_INCLUDE, listFiles, readContent } from '../server/src/node/files';
import { RecheckQueue } from '../server/src/node/recheck-queue';
import { scanInto } from '../server/src/node/scan';

export interface PlanEditResult {
  change: string;
  reanalysed: number;
  ms: number;
}

const noYield = async () => undefined;

/** Each plan change of the corpus's plan (bench/corpus.ts), timed from the edit until the queue is drained. */
export async function measurePlanEdits(dir: string, now: number): Promise<PlanEditResult[]> {
  const pool = AnalysisPool.forMachine(path.join(__dirname, '..', 'dist', 'worker.js'));
  const queue = new RecheckQueue(() => undefined);
  const program = new Program({ read: (file) => readContent(file, 2 * 1024 * 1024), clock: () => now, onOutdated: queue.add });
  try {
    await scanInto(program, listFiles(dir, { include: DEFAULT_INCLUDE, exclude: [] }), pool, noYield, { maxFileBytes: 2 * 1024 * 1024 });
    await queue.run(program, pool, noYield);
    const planPath = path.join(dir, 'plan.yaml');
    const original = readFileSync(planPath, 'utf8');
    const changes: [string, (text: string) => string][] = [
      ['a comment', (text) => text.replace('organization: Bench Corp', 'organization: Bench Corp # reviewed')],
      ['organization', (text) => text.replace('organization: Bench Corp', 'organization: Bench Corp, LLC')],
      ["one severity's review window (SEV2: 10 -> 5 business days)", (text) => text.replace('due_business_days: 10', 'due_business_days: 5')],
      ['a regime added (us-ny)', (text) => text.replace('regimes: [gdpr-art33, us-ca, customer-dpa]', 'regimes: [gdpr-art33, us-ca, customer-dpa, us-ny]')],
    ];
    const results: PlanEditResult[] = [];
    for (const [change, edit] of changes) {
      const start = performance.now();
      program.updateFile(planPath, { text: edit(original) });
      const reanalysed = queue.size;
      await queue.run(program, pool, noYield);
      results.push({ change, reanalysed, ms: performance.now() - start });
      // Back to the original plan before the next change (not timed).
      program.updateFile(planPath, { text: original });
      await queue.run(program, pool, noYield);
    }
    return results;
  } finally {
    await pool?.dispose();
  }
}
