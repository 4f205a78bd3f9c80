import type { Changes, Program } from '../core/service/program';
import type { AnalysisJob } from './analysis-worker';
import { analyzeElsewhere, type Analyzer } from './scan';

/**
 * The documents of one program that a change left analysed against an older plan or clock
 * (Program's `onOutdated`), and the re-analyses of them now running elsewhere. It owns that
 * state: `run` hands the waiting documents to the analyser as (path, text) jobs, the text of
 * an open editor buffer included so no worker reads the disk behind it, and ingests the
 * results; documents outdated again meanwhile wait for the next run.
 */
export class RecheckQueue {
  private readonly waiting = new Set<string>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly openText: (path: string) => string | undefined) {}

  /** Program's `onOutdated`. */
  readonly add = (paths: readonly string[]): void => {
    for (const path of paths) this.waiting.add(path);
  };

  /** How many documents wait or are being re-analysed. */
  get size(): number {
    return new Set([...this.waiting, ...this.inFlight]).size;
  }

  /** Re-analyses every waiting document (on the analyser's workers, or on this thread) and ingests them. */
  async run(program: Program, analyzer: Analyzer, yieldToEvents: () => Promise<void>): Promise<Changes> {
    const jobs = this.take((path) => program.digestOf(path));
    try {
      return await analyzeElsewhere(program, jobs, analyzer, yieldToEvents, (chunk) => program.recheck(chunk.map((job) => job.path)));
    } finally {
      this.finish(jobs);
    }
  }

  /**
   * The waiting documents not already running, as jobs (with an open buffer's text, and the
   * digest of the analysis the program holds: an analysis found again comes back without its
   * facts), now in flight.
   */
  take(digestOf: (path: string) => string | undefined = () => undefined): AnalysisJob[] {
    const jobs = [...this.waiting].filter((path) => !this.inFlight.has(path)).map((path) => ({ path, text: this.openText(path), known: digestOf(path) }));
    for (const job of jobs) {
      this.waiting.delete(job.path);
      this.inFlight.add(job.path);
    }
    return jobs;
  }

  /** Jobs from `take` whose results the program has been given (or that failed). */
  finish(jobs: readonly AnalysisJob[]): void {
    for (const job of jobs) this.inFlight.delete(job.path);
  }
}
