import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import type { MentionKind } from '../model/mentions';
import type { Kind } from '../model/types';
import { compareText, insertSorted, lowerBound, removeSorted } from './sorted';

/** An instant with the document it belongs to, ordered by instant then path. */
interface Dated {
  ms: number;
  path: string;
}

const byInstantThenPath = (a: Dated, b: Dated): number => a.ms - b.ms || compareText(a.path, b.path);

/** Kinds whose `detectedAt` counts as a detection (quiet-period). */
const DETECTION_KINDS: ReadonlySet<Kind | undefined> = new Set<Kind | undefined>(['Incident', 'SecurityEvent']);

/**
 * The facts of every document, with the look-ups the workspace rules and the program need,
 * each kept up to date incrementally: a change costs the change, not a pass over every file.
 */
export class FactsIndex implements WorkspaceIndex {
  private readonly byPath = new Map<string, DocumentFacts>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly referrers = new Map<string, Set<string>>();
  /** Documents holding a reference that expects a kind: their messages list the ids of that kind. */
  private readonly expecting = new Map<string, Set<string>>();
  private readonly byKind = new Map<string, Set<string>>();
  /** Every path, in order. */
  private readonly sortedPaths: string[] = [];
  /** ResponsePlan paths, in order. */
  private readonly planPaths: string[] = [];
  /** Incidents' and events' detection instants, in order. */
  private readonly detections: Dated[] = [];
  /** Documents by the severity, role and document ids they mention (items stay inside their document). */
  private readonly mentioners = new Map<string, Set<string>>();

  get(path: string): DocumentFacts | undefined {
    return this.byPath.get(path);
  }

  set(facts: DocumentFacts): void {
    const isNew = !this.byPath.has(facts.path);
    this.unindex(facts.path);
    this.byPath.set(facts.path, facts);
    if (isNew) insertSorted(this.sortedPaths, facts.path, compareText);
    if (facts.kind === 'ResponsePlan') insertSorted(this.planPaths, facts.path, compareText);
    if (facts.id) addTo(this.byId, facts.id, facts.path);
    if (facts.kind) addTo(this.byKind, facts.kind, facts.path);
    for (const reference of facts.references) {
      addTo(this.referrers, reference.id, facts.path);
      addTo(this.expecting, reference.expects, facts.path);
    }
    if (DETECTION_KINDS.has(facts.kind) && facts.detectedAt !== undefined) {
      insertSorted(this.detections, { ms: facts.detectedAt, path: facts.path }, byInstantThenPath);
    }
    for (const mention of facts.mentions) if (mention.kind !== 'item') addTo(this.mentioners, mentionKey(mention.kind, mention.id), facts.path);
  }

  delete(path: string): void {
    if (!this.unindex(path)) return;
    this.byPath.delete(path);
    removeSorted(this.sortedPaths, path, compareText);
  }

  withId(id: string): DocumentFacts[] {
    const paths = this.byId.get(id);
    if (!paths) return [];
    return (paths.size === 1 ? [...paths] : [...paths].sort()).map((path) => this.byPath.get(path)!);
  }

  ofKind(kind: Kind): DocumentFacts[] {
    return [...this.byKind.get(kind) ?? []].map((path) => this.byPath.get(path)!);
  }

  mentioning(kind: Exclude<MentionKind, 'item'>, id: string): DocumentFacts[] {
    return [...this.mentioners.get(mentionKey(kind, id)) ?? []].map((path) => this.byPath.get(path)!);
  }

  /** Documents that refer to this id. */
  referringTo(id: string): string[] {
    return [...this.referrers.get(id) ?? []];
  }

  /** Documents that refer to some document of this kind. */
  expectingKind(kind: string): string[] {
    return [...this.expecting.get(kind) ?? []];
  }

  plans(): DocumentFacts[] {
    return this.planPaths.map((path) => this.byPath.get(path)!);
  }

  first(): DocumentFacts | undefined {
    const path = this.sortedPaths[0];
    return path === undefined ? undefined : this.byPath.get(path);
  }

  latestDetection(atOrBefore: number): DocumentFacts | undefined {
    // The last detection not after the instant; among equal instants, the first in path order.
    const after = lowerBound(this.detections, { ms: atOrBefore + 1, path: '' }, byInstantThenPath);
    const last = this.detections[after - 1];
    if (!last) return undefined;
    const first = this.detections[lowerBound(this.detections, { ms: last.ms, path: '' }, byInstantThenPath)]!;
    return this.byPath.get(first.path);
  }

  /** Every path in order; code-unit order, so that it is the same on every machine. */
  paths(): readonly string[] {
    return this.sortedPaths;
  }

  /** Takes a document's facts out of every look-up but the path list; false when it was not there. */
  private unindex(path: string): boolean {
    const old = this.byPath.get(path);
    if (!old) return false;
    if (old.kind === 'ResponsePlan') removeSorted(this.planPaths, path, compareText);
    if (old.id) removeFrom(this.byId, old.id, path);
    if (old.kind) removeFrom(this.byKind, old.kind, path);
    for (const reference of old.references) {
      removeFrom(this.referrers, reference.id, path);
      removeFrom(this.expecting, reference.expects, path);
    }
    if (DETECTION_KINDS.has(old.kind) && old.detectedAt !== undefined) {
      removeSorted(this.detections, { ms: old.detectedAt, path }, byInstantThenPath);
    }
    for (const mention of old.mentions) if (mention.kind !== 'item') removeFrom(this.mentioners, mentionKey(mention.kind, mention.id), path);
    return true;
  }
}

function mentionKey(kind: MentionKind, id: string): string {
  return `${kind} ${id}`;
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
  let set = map.get(key);
  if (!set) map.set(key, set = new Set());
  set.add(path);
}

function removeFrom(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  set?.delete(path);
  if (set?.size === 0) map.delete(key);
}
