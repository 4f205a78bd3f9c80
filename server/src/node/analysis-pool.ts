import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { AnalyzedFile } from '../core/service/program';
import type { RuleContext } from '../core/rules/rule';
import type { AnalysisJob, WorkRequest, WorkResponse } from './analysis-worker';

/** Workers beyond this bring little: parsing is memory-bound and each worker holds its own heap. */
const MAX_WORKERS = 4;

/**
 * The heap limits of an analysis worker. A heap that may grow to 256 MB, not to the gigabytes
 * of a machine's default: V8 then lets the old generation grow to only 1.3 times what the last
 * full collection left (up to 4 times under a limit of 2 GB or more), so a worker's old
 * generation stays at 20-30 MB through a 10,000-file re-analysis instead of growing to 30-60 MB,
 * for the same CPU time (one worker analysing 2,000 files: 85 MB more resident instead of 140).
 * A file at the 2 MB size limit takes some 150 MB to analyse; a worker that runs out all the
 * same fails its request, whose files the caller then analyses itself.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256 };

export interface PoolOptions {
  /**
   * Workers idle this long are ended, their heaps given back, and started again by the next
   * request (a language server between a scan and the next plan edit); none: kept until disposed.
   */
  idleMs?: number;
  /** V8 limits of each worker's heap (Worker resourceLimits). */
  resourceLimits?: ResourceLimits;
}

interface Pending {
  resolve(results: unknown[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The worker exited (it failed, or was ended): the next request starts another in its place. */
  exited: boolean;
}

/**
 * Worker threads that analyse files in parallel during a workspace scan, so a large
 * workspace is checked on every core. Requests go to the least-loaded worker.
 */
export class AnalysisPool {
  /** Spawned on first use, so a small workspace never pays for starting workers. */
  private slots: Slot[] | undefined;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Workers started since the pool was made (each start after an idle end counts again). */
  spawned = 0;

  private constructor(readonly size: number, private readonly script: string, private readonly options: PoolOptions) {}

  /** A pool for this machine, or undefined where one core would gain nothing (or the worker bundle is absent). */
  static forMachine(script = path.join(__dirname, 'worker.js'), options: PoolOptions = {}): AnalysisPool | undefined {
    const size = Math.min(MAX_WORKERS, availableParallelism());
    return size > 1 ? new AnalysisPool(size, script, options) : undefined;
  }

  /** A pool of `size` workers whatever the machine (tests). */
  static ofSize(size: number, script: string, options: PoolOptions = {}): AnalysisPool {
    return new AnalysisPool(size, script, options);
  }

  /** Whether the workers run (then even a little work is worth sending them). */
  get started(): boolean {
    return this.slots !== undefined;
  }

  /** How many workers run now. */
  get running(): number {
    return this.slots?.filter((slot) => !slot.exited).length ?? 0;
  }

  analyze(jobs: AnalysisJob[], context: RuleContext): Promise<AnalyzedFile[]> {
    return this.request<AnalyzedFile>({ jobs, context } satisfies Omit<WorkRequest, 'id'>);
  }

  /**
   * Sends one request to the least-loaded worker and resolves with its `results`: the same
   * protocol ({ id, ...body } in, { id, results | error } out) for any worker script.
   */
  request<Result>(body: object): Promise<Result[]> {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.slots = this.slots?.map((slot) => (slot.exited ? this.spawn() : slot)) ?? Array.from({ length: this.size }, () => this.spawn());
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve: (results) => resolve(results as Result[]), reject });
      slot.worker.postMessage({ id, ...body });
    });
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const slots = this.slots ?? [];
    this.slots = undefined;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const { resourceLimits } = this.options;
    const slot: Slot = { worker: new Worker(this.script, resourceLimits ? { resourceLimits } : {}), pending: new Map(), exited: false };
    slot.worker.unref();
    this.spawned++;
    slot.worker.on('message', ({ id, results, error }: WorkResponse) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      if (results) pending?.resolve(results);
      else pending?.reject(new Error(error ?? 'analysis failed'));
      this.idleWhenDone();
    });
    // A worker that dies fails its pending requests; the caller analyses those files itself.
    slot.worker.on('error', (error) => failAll(slot, error));
    slot.worker.on('exit', () => {
      slot.exited = true;
      failAll(slot, new Error('analysis worker exited'));
    });
    return slot;
  }

  /** Once no request is pending, ends the workers after `idleMs` without another (an unref'd timer: it holds no process up). */
  private idleWhenDone(): void {
    const { idleMs } = this.options;
    if (idleMs === undefined || !this.slots || this.slots.some((slot) => slot.pending.size > 0)) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const slots = this.slots ?? [];
      this.slots = undefined;
      for (const slot of slots) void slot.worker.terminate();
    }, idleMs);
    this.idleTimer.unref();
  }
}

function failAll(slot: Slot, error: Error): void {
  for (const pending of slot.pending.values()) pending.reject(error);
  slot.pending.clear();
}
