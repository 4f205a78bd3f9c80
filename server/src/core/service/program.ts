import { createHash } from 'node:crypto';
import { analyzeFile, checkAcrossWorkspace, type FileAnalysis, type RawFinding } from './analyze';
import type { Clock } from '../model/clock';
import { FactsIndex } from './index-store';
import type { PlanFacts } from '../model/plan';
import { applyPolicy } from './policy';
import type { RuleContext } from '../rules/rule';
import type { Finding, SeveritySetting } from '../model/types';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file's content as the caller read it (from disk or from an editor buffer). */
export interface FileContent {
  text: string;
  byteLength?: number;
}

export interface ProgramSettings {
  rules: Readonly<Record<string, SeveritySetting>>;
  maxFileBytes: number;
}

export interface ProgramOptions {
  /** Reads a file's current content (the editor's buffer when open); undefined when it is gone. */
  read(path: string): FileContent | undefined;
  clock: Clock;
  settings?: Partial<ProgramSettings>;
  /**
   * Queue the re-analyses a change makes necessary beyond the files it names (a new plan, a
   * new clock) for `takeStale()`, instead of doing them at once: for a host that runs them on
   * worker threads and keeps answering meanwhile.
   */
  deferRechecks?: boolean;
}

/** One file's analysis; `analysis` undefined: not a CC7 document; `hash` undefined: unreadable. */
export interface AnalyzedFile {
  path: string;
  hash?: string;
  analysis?: FileAnalysis;
}

/** Content hash keying the analysis cache. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The findings to publish: every path whose findings changed, with its new list ([] clears). */
export type Changes = Map<string, Finding[]>;

interface Entry {
  hash: string;
  /** Document-rule findings, computed against `planKey`. */
  documentFindings: RawFinding[];
  planKey: string;
  /** What was last published, to report only real changes; undefined before the first publication. */
  published: Finding[];
  publishedKey?: string;
}

/**
 * The CC7 documents of one workspace folder, keyed by path and content hash: it analyses a
 * file once per content, keeps only facts and findings (never parse trees), and after each
 * change re-checks just the documents that change can affect.
 */
export class Program {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new FactsIndex();
  private settings: ProgramSettings;
  private planKey = '';
  /** Kinds whose set of ids a change may have altered since the last settle. */
  private readonly touchedKinds = new Set<string>();
  private clock: Clock;
  /** The first document in path order when the program last settled (plan-missing sits on it). */
  private firstPath: string | undefined;
  /** Documents analysed against an older plan or clock, waiting for `takeStale()` (deferRechecks). */
  private readonly stale = new Set<string>();
  /** Documents handed out by `takeStale()` whose new analysis `ingest` has not received yet. */
  private readonly inFlight = new Set<string>();
  /** Files removed or found not to be CC7 documents: a late result from elsewhere must not bring them back. */
  private readonly removed = new Set<string>();

  constructor(private readonly options: ProgramOptions) {
    this.settings = { rules: {}, maxFileBytes: DEFAULT_MAX_FILE_BYTES, ...options.settings };
    this.clock = options.clock;
  }

  /**
   * Adds many files at once (the workspace scan), in the order given: callers put likely
   * plans first, so that other documents are checked against their plan in one pass. A
   * wrong order costs time (a re-check), never correctness.
   */
  addFiles(paths: Iterable<string>): Changes {
    const touched = new Set<string>();
    for (const path of paths) this.analyze(path, undefined, touched);
    return this.settle(touched);
  }

  /**
   * What an analysis done elsewhere (a worker thread) needs: the rule context, and the key
   * of the plan it holds, to hand back with the results.
   */
  analysisContext(): { context: RuleContext; planKey: string } {
    return { context: this.context(), planKey: this.planKey };
  }

  /**
   * Takes analyses done elsewhere with `analysisContext()`: of new files (a scan), and of the
   * files `takeStale()` handed out. A result is dropped when this program has analysed the
   * file itself since (an editor's newer text); one whose text differs from the text this
   * program holds (an unsaved buffer) is redone here; one against a plan that has changed
   * since is queued or redone again by `settle`.
   */
  ingest(results: readonly AnalyzedFile[], planKey: string): Changes {
    const touched = new Set<string>();
    for (const result of results) {
      const entry = this.entries.get(result.path);
      if (!entry) {
        if (!this.removed.has(result.path)) this.record(result, planKey, touched);
      } else if (!this.inFlight.has(result.path)) continue;
      else if (entry.hash === result.hash) this.record(result, planKey, touched);
      else this.analyze(result.path, undefined, touched, true);
    }
    return this.settle(touched);
  }

  /** The documents to analyse again (deferRechecks): the caller analyses them and hands the results to `ingest`. */
  takeStale(): string[] {
    const paths = [...this.stale].filter((path) => this.entries.has(path));
    for (const path of paths) this.inFlight.add(path);
    this.stale.clear();
    return paths;
  }

  /** Analyses documents here and now (a host without workers working through `takeStale()`). */
  recheck(paths: readonly string[]): Changes {
    const touched = new Set<string>();
    for (const path of paths) this.analyze(path, undefined, touched, true);
    return this.settle(touched);
  }

  /** A file was created, changed on disk or edited; `content` overrides reading it. */
  updateFile(path: string, content?: FileContent): Changes {
    const touched = new Set<string>();
    this.analyze(path, content, touched);
    return this.settle(touched);
  }

  removeFile(path: string): Changes {
    const touched = new Set<string>();
    this.forget(path, touched);
    return this.settle(touched);
  }

  /** Re-checks everything (queued with deferRechecks): the clock moved or the settings changed. */
  recheckAll(settings?: Partial<ProgramSettings>): Changes {
    if (settings) this.settings = { ...this.settings, ...settings };
    const touched = new Set<string>();
    for (const path of [...this.entries.keys()]) {
      if (this.options.deferRechecks) this.stale.add(path);
      else this.analyze(path, undefined, touched, true);
    }
    // Findings of the workspace rules and the policy are recomputed at once for every document.
    for (const path of this.entries.keys()) touched.add(path);
    return this.settle(touched);
  }

  /** A new notion of now (the as-of setting changed); callers then re-check. */
  setClock(clock: Clock): void {
    this.clock = clock;
  }

  findings(path: string): Finding[] {
    return this.entries.get(path)?.published ?? [];
  }

  /** Every CC7 document's path, in path order. */
  paths(): string[] {
    return this.index.paths();
  }

  facts(path: string) {
    return this.index.get(path);
  }

  /** The governing plan: the first ResponsePlan in path order. */
  plan(): PlanFacts | undefined {
    return this.index.plans()[0]?.plan;
  }

  private currentPlanKey(): string {
    return JSON.stringify(this.plan() ?? null);
  }

  private context(): RuleContext {
    return { now: this.clock(), plan: this.plan(), maxFileBytes: this.settings.maxFileBytes };
  }

  private analyze(path: string, content: FileContent | undefined, touched: Set<string>, force = false): void {
    const input = content ?? this.options.read(path);
    if (!input) {
      this.forget(path, touched);
      return;
    }
    this.removed.delete(path);
    const hash = hashText(input.text);
    const previous = this.entries.get(path);
    if (!force && previous && previous.hash === hash && previous.planKey === this.planKey) return;
    const usedPlanKey = this.planKey;
    this.record({ path, hash, analysis: analyzeFile({ path, ...input }, this.context()) }, usedPlanKey, touched);
  }

  /** Stores one file's analysis, computed against the plan of `usedPlanKey`. */
  private record({ path, hash, analysis }: AnalyzedFile, usedPlanKey: string, touched: Set<string>): void {
    if (!analysis || hash === undefined) {
      this.forget(path, touched);
      return;
    }
    const previous = this.entries.get(path);
    this.stale.delete(path);
    this.inFlight.delete(path);
    const wasPlan = this.index.get(path)?.kind === 'ResponsePlan';
    this.noteDependents(path, touched);
    this.index.set(analysis.facts);
    this.noteDependents(path, touched);
    // Documents analysed after a plan see it at once; those analysed before are redone in settle.
    if (wasPlan || analysis.facts.kind === 'ResponsePlan') this.planKey = this.currentPlanKey();
    this.entries.set(path, {
      hash,
      documentFindings: analysis.findings,
      planKey: usedPlanKey,
      published: previous?.published ?? [],
      publishedKey: previous?.publishedKey,
    });
  }

  private forget(path: string, touched: Set<string>): void {
    this.stale.delete(path);
    this.inFlight.delete(path);
    this.removed.add(path);
    if (!this.entries.has(path)) return;
    this.noteDependents(path, touched);
    this.index.delete(path);
    this.entries.delete(path);
    touched.add(path);
  }

  /** The document and those its id can affect: the same id elsewhere, documents referring to it or to its kind. */
  private noteDependents(path: string, touched: Set<string>): void {
    touched.add(path);
    const facts = this.index.get(path);
    if (!facts?.id) return;
    for (const other of this.index.withId(facts.id)) touched.add(other.path);
    for (const referrer of this.index.referringTo(facts.id)) touched.add(referrer);
    // Documents referring to this kind list its known ids: settle re-checks them once per batch.
    if (facts.kind) this.touchedKinds.add(facts.kind);
  }

  /** Brings every document up to date with the plan, re-runs the workspace rules where needed, and diffs. */
  private settle(touched: Set<string>): Changes {
    this.planKey = this.currentPlanKey();
    for (const [path, entry] of [...this.entries]) {
      if (entry.planKey === this.planKey) continue;
      if (this.options.deferRechecks) this.stale.add(path);
      else this.analyze(path, undefined, touched, true);
    }
    for (const kind of this.touchedKinds) for (const referrer of this.index.expectingKind(kind)) touched.add(referrer);
    this.touchedKinds.clear();
    // Plan-level workspace findings (plan-missing, tabletop-overdue, ...) depend on the whole set.
    for (const plan of this.index.plans()) touched.add(plan.path);
    const first = this.index.first()?.path;
    for (const path of [this.firstPath, first]) if (path) touched.add(path);
    this.firstPath = first;
    const changes: Changes = new Map();
    const context = this.context();
    for (const path of touched) {
      const entry = this.entries.get(path);
      const facts = this.index.get(path);
      if (!entry || !facts) {
        changes.set(path, []);
        continue;
      }
      const raw = [...entry.documentFindings, ...checkAcrossWorkspace(facts, this.index, context)];
      const published = applyPolicy(raw, { plan: this.plan(), settings: this.settings, waivers: facts.waivers, now: context.now });
      const key = JSON.stringify(published);
      if (key !== entry.publishedKey) changes.set(path, published);
      entry.published = published;
      entry.publishedKey = key;
    }
    return changes;
  }
}
