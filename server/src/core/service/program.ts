import { analyzeDocument, checkAcrossWorkspace, readDocument, type FileAnalysis, type FileInput } from './analyze';
import type { Cc7Document } from '../model/document';
import type { Clock } from '../model/clock';
import { contentHash } from '../model/hash';
import { holdsAt, type Validity } from '../model/horizon';
import { sameData } from '../model/same-data';
import { FactsIndex } from './index-store';
import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import type { WorkspaceModel } from './request';
import { isAffected, planChange, planKeyOf, planPartKeys, type PlanChange, type PlanFacts, type PlanPart, type PlanPartKeys } from '../model/plan';
import { applyPolicy } from './policy';
import type { RuleContext } from '../rules/rule';
import { planPartsRead, planPartsReadAcross, WORKSPACE_READS } from '../rules/registry';
import type { Finding, Kind, SeveritySetting } from '../model/types';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** How many plans' parts a program remembers for results computed elsewhere against them. */
const RECENT_PLANS = 8;

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
   * Hands over the documents a change left analysed against an older plan or clock, instead
   * of re-analysing them here at once: for a host that runs them elsewhere (worker threads,
   * node/recheck-queue.ts) and hands the results to `ingest`, answering meanwhile.
   */
  onOutdated?(paths: readonly string[]): void;
  /**
   * Reads a file's content as a CC7 document, for a host that keeps the parses of some files:
   * an editor's open documents, re-parsed incrementally as they are edited, their parse shared
   * with the editor features (service/document-cache.ts). Default: readDocument, parsed anew.
   */
  readDocument?(input: FileInput, maxFileBytes: number): Cc7Document | undefined;
}

/**
 * One file's analysis; `analysis` undefined: not a CC7 document; `hash` undefined: unreadable.
 * Done elsewhere (a worker thread), it comes with the `digest` of its analysis; and when that
 * is the digest the caller said it holds (AnalysisJob's `known`), with `unchanged` and without
 * the analysis, which the caller has already: a re-analysis that changes nothing (a plan edit
 * re-analysing thousands of documents) sends back no facts to copy and compare.
 */
export interface AnalyzedFile {
  path: string;
  hash?: string;
  analysis?: FileAnalysis;
  digest?: string;
  unchanged?: true;
}

/** Content hash keying the analysis cache. */
export const hashText = contentHash;

/** What tells one analysis from another (AnalyzedFile's `digest`): the hash of its JSON. */
export function analysisDigest(analysis: FileAnalysis): string {
  return contentHash(JSON.stringify(analysis));
}

/**
 * The hash a file's content is known by, everywhere (the program, workers, the persistent
 * cache): its text's; for a file over the size limit, of which only the head is read, with
 * its size too (file-too-large names it).
 */
export function hashContent(content: FileContent, maxFileBytes: number): string {
  const hash = hashText(content.text);
  return content.byteLength !== undefined && content.byteLength > maxFileBytes ? `${hash}/${content.byteLength}` : hash;
}

/**
 * A document's analysis as a persistent cache keeps it between runs (node/analysis-cache.ts):
 * what `saved()` exports and `restore` takes back. Plain data.
 */
export interface SavedAnalysis extends Validity {
  path: string;
  /** hashContent of the content analysed. */
  hash: string;
  /** planKeyOf the plan parts the document reads, as they were when it was analysed. */
  planKey: string;
  facts: DocumentFacts;
  /** Findings of the document rules, before policy. */
  findings: Finding[];
}

/** A file found not to be a CC7 document, by its content's hash: saved too, so a restart need not look at it again. */
export interface SavedOther {
  path: string;
  hash: string;
}

/** What a persistent cache keeps of one file. */
export type SavedFile = SavedAnalysis | SavedOther;

/** A file given with its content (read by the caller), instead of read by the program. */
export interface LoadedFile {
  path: string;
  content: FileContent;
}

/** The findings to publish: every path whose findings changed, with its new list ([] clears). */
export type Changes = Map<string, Finding[]>;

/**
 * `defer`: add to the program without settling (a workspace scan, chunk by chunk): the
 * documents touched wait for one `settleDeferred()` at the end, so a scan settles once.
 */
export interface AddOptions {
  defer?: boolean;
}

interface Entry extends Validity {
  hash: string;
  /** Document-rule findings, computed against the plan parts of `planKey`. */
  documentFindings: Finding[];
  /** The key of the plan parts the document reads, as they were when it was analysed (planKeyOf). */
  planKey: string;
  /** The plan parts it reads (planPartsRead of its facts), shared between entries that read the same. */
  reads: ReadonlySet<PlanPart>;
  /** What was last published, to report only real changes; undefined before the first publication. */
  published: Finding[];
  publishedKey?: string;
  /** analysisDigest of the analysis, when it was done elsewhere (AnalyzedFile's `digest`). */
  digest?: string;
}

/**
 * The CC7 documents of one workspace folder, keyed by path and content hash: it analyses a
 * file once per content, keeps only facts and findings (never parse trees), and after each
 * change re-checks just the documents that change can affect, as the rules declare what
 * they read (RuleReads, rules/registry.ts WORKSPACE_READS).
 */
export class Program implements WorkspaceModel {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new FactsIndex();
  private settings: ProgramSettings;
  /** The governing plan's facts as JSON: changes whenever anything of the plan does. */
  private planKey = '';
  /** The plan key every document was last brought up to date with (see settle). */
  private settledPlanKey = JSON.stringify(null);
  /** The current plan's parts; and those of recent plans, for results computed elsewhere against them. */
  private partKeys: PlanPartKeys = planPartKeys(undefined);
  /** The parts of the plan every document was last brought up to date with (see settle). */
  private settledPartKeys = this.partKeys;
  /** One set per distinct combination of plan parts, shared by the entries that read it. */
  private readonly readsByKey = new Map<string, ReadonlySet<PlanPart>>();
  /** planKeyOf the current plan parts by reads (the shared sets) and severity: one string for every document that reads the same. */
  private readonly currentPlanKeys = new Map<ReadonlySet<PlanPart>, Map<string | undefined, string>>();
  private readonly recentPartKeys = new Map<string, PlanPartKeys>();
  /** Kinds of the documents changed since the last settle. */
  private readonly touchedKinds = new Set<Kind | undefined>();
  private clock: Clock;
  /** The first document in path order when the program last settled, and whether a plan governed (plan-missing sits on it while none does). */
  private firstPath: string | undefined;
  private firstHadPlan = false;
  /** Files removed or found not to be CC7 documents: a late result from elsewhere must not bring them back. */
  private readonly removed = new Set<string>();
  /** Files found not to be CC7 documents, with their content's hash (for `saved`). */
  private readonly others = new Map<string, string>();
  /** Documents touched by deferred additions, waiting for `settleDeferred`. */
  private readonly deferred = new Set<string>();
  /** Counts the changes to the index: a host compares it to know whether anything it shows is out of date. */
  private generation = 0;
  /** Analyses recorded, done (here or elsewhere) and restored from a cache: for logs and tests. */
  readonly stats = { analysed: 0, restored: 0 };

  constructor(private readonly options: ProgramOptions) {
    this.settings = { rules: {}, maxFileBytes: DEFAULT_MAX_FILE_BYTES, ...options.settings };
    this.clock = options.clock;
  }

  /**
   * Adds many files at once (the workspace scan), in the order given: callers put likely
   * plans first, so that other documents are checked against their plan in one pass. A
   * wrong order costs time (a re-check), never correctness.
   */
  addFiles(files: Iterable<string | LoadedFile>, options: AddOptions = {}): Changes {
    const touched = options.defer ? this.deferred : new Set<string>();
    for (const file of files) {
      if (typeof file === 'string') this.analyze(file, undefined, touched);
      else this.analyze(file.path, file.content, touched);
    }
    return options.defer ? new Map() : this.settle(touched);
  }

  /**
   * Takes back an analysis saved by an earlier run (see `saved`), of a file the caller has
   * read and found to hash to `saved.hash`, deferred like a scan's additions (AddOptions). It
   * is recorded exactly as a fresh analysis would be, when it is still exactly right: it
   * holds at now and read the plan parts the current plan has. Returns false when it is not,
   * and the caller analyses the file (a plan read wrong is replaced by that analysis).
   */
  restore(saved: SavedFile): boolean {
    if (!('facts' in saved)) {
      this.record({ path: saved.path, hash: saved.hash }, undefined, this.deferred);
      this.stats.restored++;
      return true;
    }
    if (!holdsAt(saved, this.clock())) return false;
    const { path, hash, facts, findings, planKey, validFrom, validUntil } = saved;
    this.record({ path, hash, analysis: { facts, findings, validFrom, validUntil } }, planKey, this.deferred);
    if (planKey !== this.documentPlanKey(path)) return false;
    this.stats.restored++;
    return true;
  }

  /**
   * The analyses to save for a later run (see `restore`): of every document whose analysis is
   * up to date with the plan and holds at now (the others are being redone).
   */
  saved(): SavedFile[] {
    const now = this.clock();
    const saved: SavedFile[] = [...this.others].map(([path, hash]) => ({ path, hash }));
    for (const [path, entry] of this.entries) {
      if (!holdsAt(entry, now) || entry.planKey !== this.documentPlanKey(path)) continue;
      saved.push({ path, hash: entry.hash, planKey: entry.planKey, facts: this.index.get(path)!, findings: entry.documentFindings, ...validity(entry) });
    }
    return saved;
  }

  /** Settles what deferred additions touched (see AddOptions). */
  settleDeferred(): Changes {
    const touched = new Set(this.deferred);
    this.deferred.clear();
    return this.settle(touched);
  }

  /**
   * What an analysis done elsewhere (a worker thread) needs: the rule context, and the key
   * of the plan it holds, to hand back with the results.
   */
  analysisContext(): { context: RuleContext; planKey: string } {
    // The current parts object, even for a plan seen before (typed back): record then shares the
    // current plan keys (currentPlanKey) instead of building a key string per document.
    this.recentPartKeys.delete(this.planKey);
    if (this.recentPartKeys.size >= RECENT_PLANS) this.recentPartKeys.delete(this.recentPartKeys.keys().next().value!);
    this.recentPartKeys.set(this.planKey, this.partKeys);
    return { context: this.context(), planKey: this.planKey };
  }

  /**
   * Takes analyses done elsewhere with `analysisContext()`: of new files (a scan) and of
   * outdated ones. A result is dropped for a file removed since, and for one whose content
   * this program has analysed differently since (a newer edit: its own analysis stands); one
   * against a plan that has changed since is kept and handed to `onOutdated` again.
   */
  ingest(results: readonly AnalyzedFile[], planKey: string, options: AddOptions = {}): Changes {
    const touched = options.defer ? this.deferred : new Set<string>();
    const outdated: string[] = [];
    for (const result of results) {
      const entry = this.entries.get(result.path);
      if (entry ? entry.hash !== result.hash : this.removed.has(result.path)) continue;
      // A plan too old to remember: the result is kept for now and redone.
      const used = this.recentPartKeys.get(planKey);
      if (result.unchanged) {
        // The analysis kept, found again: unless this program has replaced it since (then it is redone).
        if (!entry || entry.digest !== result.digest) {
          outdated.push(result.path);
          continue;
        }
        this.stats.analysed++;
        this.record({ ...result, analysis: { facts: this.index.get(result.path)!, findings: entry.documentFindings, ...validity(entry) } }, used, touched);
      } else {
        if (result.analysis) this.stats.analysed++;
        this.record(result, used, touched);
      }
      const recorded = this.entries.get(result.path);
      if (recorded && recorded.planKey !== this.documentPlanKey(result.path)) outdated.push(result.path);
    }
    if (outdated.length) this.options.onOutdated?.(outdated);
    return options.defer ? new Map() : this.settle(touched);
  }

  /** The digest of a document's analysis when it was done elsewhere (AnalysisJob's `known`); undefined otherwise. */
  digestOf(path: string): string | undefined {
    return this.entries.get(path)?.digest;
  }

  /** Analyses documents here and now (what a host without workers does with outdated ones). */
  recheck(paths: readonly string[]): Changes {
    const touched = new Set<string>();
    for (const path of paths) if (this.entries.has(path)) this.analyze(path, undefined, touched, true);
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

  /**
   * The clock moved: the documents whose analysis no longer holds at now are redone (handed to
   * onOutdated when set), and the workspace rules and the policy, which read now, run again.
   */
  recheckExpired(): Changes {
    const now = this.clock();
    const touched = new Set<string>();
    const expired = [...this.entries].filter(([, entry]) => !holdsAt(entry, now)).map(([path]) => path);
    if (this.options.onOutdated) this.options.onOutdated(expired);
    else for (const path of expired) this.analyze(path, undefined, touched, true);
    for (const path of this.entries.keys()) touched.add(path);
    return this.settle(touched);
  }

  /** Re-checks everything (handed to onOutdated when set): the settings or the notion of now changed. */
  recheckAll(settings?: Partial<ProgramSettings>): Changes {
    // What is a CC7 document depends on the size limit: files found not to be are not saved as such any more.
    if (settings?.maxFileBytes !== undefined && settings.maxFileBytes !== this.settings.maxFileBytes) this.others.clear();
    if (settings) this.settings = { ...this.settings, ...settings };
    const touched = new Set<string>();
    const paths = [...this.entries.keys()];
    if (this.options.onOutdated) this.options.onOutdated(paths);
    else for (const path of paths) this.analyze(path, undefined, touched, true);
    // Findings of the workspace rules and the policy are recomputed at once for every document.
    for (const path of paths) touched.add(path);
    return this.settle(touched);
  }

  /** A new notion of now (the as-of setting changed); callers then re-check. */
  setClock(clock: Clock): void {
    this.clock = clock;
  }

  /** "Now" as the rules see it. */
  now(): number {
    return this.clock();
  }

  findings(path: string): Finding[] {
    return this.entries.get(path)?.published ?? [];
  }

  /** Every CC7 document's path, in path order. */
  paths(): readonly string[] {
    return this.index.paths();
  }

  facts(path: string) {
    return this.index.get(path);
  }

  /** The facts index: documents by id, kind and reference (for the editor features). */
  get workspace(): WorkspaceIndex {
    return this.index;
  }

  /** A number that changes whenever a document's facts or findings may have changed. */
  get version(): number {
    return this.generation;
  }

  /** The governing plan: the first ResponsePlan in path order. */
  plan(): PlanFacts | undefined {
    return this.index.plans()[0]?.plan;
  }

  /** Brings the plan key and parts up to date with the governing plan. */
  private planChanged(): void {
    const key = JSON.stringify(this.plan() ?? null);
    if (key === this.planKey) return;
    this.planKey = key;
    this.partKeys = planPartKeys(this.plan());
    this.currentPlanKeys.clear();
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
    const hash = hashContent(input, this.settings.maxFileBytes);
    const previous = this.entries.get(path);
    if (!force && previous?.hash === hash && previous.planKey === this.documentPlanKey(path) && holdsAt(previous, this.clock())) return;
    const doc = this.options.readDocument ? this.options.readDocument({ path, ...input }, this.settings.maxFileBytes) : readDocument({ path, ...input }, this.settings.maxFileBytes);
    const analysis = doc && analyzeDocument(doc, this.context());
    if (analysis) this.stats.analysed++;
    this.record({ path, hash, analysis }, this.partKeys, touched);
    // A plan that has just become the governing one was checked without itself (its zone, its path): again, with it.
    if (doc && analysis?.facts.kind === 'ResponsePlan' && this.entries.get(path)?.planKey !== this.documentPlanKey(path)) {
      this.record({ path, hash, analysis: analyzeDocument(doc, this.context()) }, this.partKeys, touched);
    }
  }

  /** The key of the current plan parts a document reads (its facts say which). */
  private documentPlanKey(path: string): string {
    const facts = this.index.get(path);
    const entry = this.entries.get(path);
    return facts && entry ? this.currentPlanKey(entry.reads, facts.severity) : '';
  }

  /** planKeyOf(reads, this.partKeys, severity), computed once per plan. */
  private currentPlanKey(reads: ReadonlySet<PlanPart>, severity: string | undefined): string {
    let bySeverity = this.currentPlanKeys.get(reads);
    if (!bySeverity) this.currentPlanKeys.set(reads, bySeverity = new Map());
    let key = bySeverity.get(severity);
    if (key === undefined) bySeverity.set(severity, key = planKeyOf(reads, this.partKeys, severity));
    return key;
  }

  private readsOf(facts: DocumentFacts): ReadonlySet<PlanPart> {
    const parts = [...planPartsRead(facts)].sort();
    const key = parts.join(',');
    let reads = this.readsByKey.get(key);
    if (!reads) this.readsByKey.set(key, reads = new Set(parts));
    return reads;
  }

  /**
   * Stores one file's analysis, computed against the plan parts `used` (undefined: unknown, so
   * outdated), or whose plan key is known (a saved analysis).
   */
  private record({ path, hash, analysis, digest }: AnalyzedFile, used: PlanPartKeys | string | undefined, touched: Set<string>): void {
    if (!analysis || hash === undefined) {
      this.forget(path, touched);
      if (hash !== undefined) this.others.set(path, hash);
      return;
    }
    this.removed.delete(path);
    this.others.delete(path);
    this.generation++;
    const previous = this.entries.get(path);
    const known = this.index.get(path);
    // Facts and findings equal to what is kept stay the objects kept: nothing that reads the facts needs a re-check (nor
    // the document itself, when its findings are the same too), and a re-analysis of unchanged documents (a plan edit
    // re-analysing thousands) leaves the index and the heap as they were.
    const facts = known && sameData(known, analysis.facts) ? known : analysis.facts;
    const findings = previous && sameData(previous.documentFindings, analysis.findings) ? previous.documentFindings : analysis.findings;
    if (facts === known) {
      if (findings !== previous?.documentFindings) touched.add(path);
    } else {
      this.noteDependents(path, touched);
      this.index.set(facts);
      this.noteDependents(path, touched);
      // Documents analysed after a plan see it at once; those analysed before are redone in settle.
      if (known?.kind === 'ResponsePlan' || facts.kind === 'ResponsePlan') this.planChanged();
    }
    const reads = facts === known && previous ? previous.reads : this.readsOf(facts);
    const planKey = typeof used === 'string' ? used : used === this.partKeys ? this.currentPlanKey(reads, facts.severity) : used ? planKeyOf(reads, used, facts.severity) : '';
    this.entries.set(path, {
      hash,
      documentFindings: findings,
      reads,
      planKey,
      ...validity(analysis),
      published: previous?.published ?? [],
      publishedKey: previous?.publishedKey,
      digest,
    });
  }

  private forget(path: string, touched: Set<string>): void {
    this.removed.add(path);
    this.others.delete(path);
    if (!this.entries.has(path)) return;
    this.generation++;
    this.noteDependents(path, touched);
    this.index.delete(path);
    this.entries.delete(path);
    touched.add(path);
  }

  /** The document, and those whose workspace rules read it (by id or reference). */
  private noteDependents(path: string, touched: Set<string>): void {
    touched.add(path);
    const facts = this.index.get(path);
    if (!facts) return;
    this.touchedKinds.add(facts.kind);
    if (!facts.id) return;
    if (WORKSPACE_READS.sameId) for (const other of this.index.withId(facts.id)) touched.add(other.path);
    if (WORKSPACE_READS.referenced) for (const referrer of this.index.referringTo(facts.id)) touched.add(referrer);
  }

  /** Brings documents up to date with the plan, re-runs the workspace rules where they read a change, and diffs. */
  private settle(touched: Set<string>): Changes {
    this.planChanged();
    if (this.planKey !== this.settledPlanKey) {
      const rulesBefore = JSON.stringify((JSON.parse(this.settledPlanKey) as PlanFacts | null)?.rules ?? {});
      this.settledPlanKey = this.planKey;
      this.documentsOutdated(planChange(this.settledPartKeys, this.partKeys), touched);
      this.settledPartKeys = this.partKeys;
      // The plan's rules: severities change what is published everywhere, with no new analysis.
      if (JSON.stringify(this.plan()?.rules ?? {}) !== rulesBefore) for (const path of this.entries.keys()) touched.add(path);
    }
    for (const kind of this.touchedKinds) {
      // Documents referring to this kind list its known ids in their messages.
      if (WORKSPACE_READS.referenced && kind) for (const referrer of this.index.expectingKind(kind)) touched.add(referrer);
      // Plan-level findings (tabletop-overdue, quiet-period, ...) are computed from every document of a kind.
      if (kind && WORKSPACE_READS.planOverKinds.has(kind)) for (const plan of this.index.plans()) touched.add(plan.path);
    }
    this.touchedKinds.clear();
    if (WORKSPACE_READS.firstDocument) {
      const first = this.index.first()?.path;
      const hasPlan = this.plan() !== undefined;
      if (first !== this.firstPath || hasPlan !== this.firstHadPlan) for (const path of [this.firstPath, first]) if (path) touched.add(path);
      this.firstPath = first;
      this.firstHadPlan = hasPlan;
    }
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
      // Unchanged findings stay the objects kept (see record).
      if (key === entry.publishedKey) continue;
      changes.set(path, published);
      this.generation++;
      entry.published = published;
      entry.publishedKey = key;
    }
    return changes;
  }

  /**
   * The governing plan changed: every document whose analysis reads a part that changed is
   * redone (here, or by onOutdated's host); one whose workspace checks read it is re-checked
   * from its facts in this settle (and again once redone, should its facts change).
   */
  private documentsOutdated(change: PlanChange, touched: Set<string>): void {
    if (change.parts.size === 0) return;
    const outdated: string[] = [];
    for (const [path, entry] of this.entries) {
      const facts = this.index.get(path);
      const severity = facts?.severity;
      // Documents analysed after the plan changed (later in the same batch) already read its new parts.
      if (isAffected(change, entry.reads, severity) && entry.planKey !== this.currentPlanKey(entry.reads, severity)) outdated.push(path);
      if (facts && isAffected(change, planPartsReadAcross(facts), severity)) touched.add(path);
    }
    if (this.options.onOutdated) this.options.onOutdated(outdated);
    else for (const path of outdated) this.analyze(path, undefined, touched, true);
  }
}

/** A validity without its unbounded ends (they are absent, never undefined-valued keys: saved as JSON). */
function validity({ validFrom, validUntil }: Validity): Validity {
  return { ...(validFrom !== undefined ? { validFrom } : {}), ...(validUntil !== undefined ? { validUntil } : {}) };
}
