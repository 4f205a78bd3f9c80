import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzedFile } from '../core/service/program';
import type { RuleContext } from '../core/rules/rule';
import type { AnalysisJob, WorkRequest, WorkResponse } from './analysis-worker';

/** Workers beyond this bring little: parsing is memory-bound and each worker holds its own heap. */
const MAX_WORKERS = 4;

interface Pending {
  resolve(results: unknown[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Worker threads that analyse files in parallel during a workspace scan, so a large
 * workspace is checked on every core. Requests go to the least-loaded worker.
 */
export class AnalysisPool {
  /** Spawned on first use, so a small workspace never pays for starting workers. */
  private slots: Slot[] | undefined;
  private nextId = 0;

  private constructor(readonly size: number, private readonly script: string) {}

  /** A pool for this machine, or undefined where one core would gain nothing (or the worker bundle is absent). */
  static forMachine(script = path.join(__dirname, 'worker.js')): AnalysisPool | undefined {
    const size = Math.min(MAX_WORKERS, availableParallelism());
    return size > 1 ? new AnalysisPool(size, script) : undefined;
  }

  /** Whether the workers run (then even a little work is worth sending them). */
  get started(): boolean {
    return this.slots !== undefined;
  }

  analyze(jobs: AnalysisJob[], context: RuleContext): Promise<AnalyzedFile[]> {
    return this.request<AnalyzedFile>({ jobs, context } satisfies Omit<WorkRequest, 'id'>);
  }

  /**
   * Sends one request to the least-loaded worker and resolves with its `results`: the same
   * protocol ({ id, ...body } in, { id, results | error } out) for any worker script.
   */
  request<Result>(body: object): Promise<Result[]> {
    this.slots ??= Array.from({ length: this.size }, () => this.spawn(this.script));
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve: (results) => resolve(results as Result[]), reject });
      slot.worker.postMessage({ id, ...body });
    });
  }

  async dispose(): Promise<void> {
    await Promise.all((this.slots ?? []).map((slot) => slot.worker.terminate()));
    this.slots = undefined;
  }

  private spawn(script: string): Slot {
    const slot: Slot = { worker: new Worker(script), pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', ({ id, results, error }: WorkResponse) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      if (results) pending?.resolve(results);
      else pending?.reject(new Error(error ?? 'analysis failed'));
    });
    // A worker that dies fails its pending requests; the caller analyses those files itself.
    slot.worker.on('error', (error) => failAll(slot, error));
    slot.worker.on('exit', () => failAll(slot, new Error('analysis worker exited')));
    return slot;
  }
}

function failAll(slot: Slot, error: Error): void {
  for (const pending of slot.pending.values()) pending.reject(error);
  slot.pending.clear();
}
