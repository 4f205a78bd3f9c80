import type { DocumentFacts, WorkspaceIndex } from '../model/facts';
import type { Kind } from '../model/types';

/** The facts of every document, with the look-ups the workspace rules and the program need. */
export class FactsIndex implements WorkspaceIndex {
  private readonly byPath = new Map<string, DocumentFacts>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly referrers = new Map<string, Set<string>>();
  /** Documents holding a reference that expects a kind: their messages list the ids of that kind. */
  private readonly expecting = new Map<string, Set<string>>();
  private sortedPaths: string[] | undefined;
  private planPaths: string[] | undefined;
  private readonly byKind = new Map<string, Set<string>>();

  get(path: string): DocumentFacts | undefined {
    return this.byPath.get(path);
  }

  set(facts: DocumentFacts): void {
    this.delete(facts.path);
    this.byPath.set(facts.path, facts);
    if (facts.kind === 'ResponsePlan') this.planPaths = undefined;
    if (facts.id) addTo(this.byId, facts.id, facts.path);
    if (facts.kind) addTo(this.byKind, facts.kind, facts.path);
    for (const reference of facts.references) {
      addTo(this.referrers, reference.id, facts.path);
      addTo(this.expecting, reference.expects, facts.path);
    }
    this.sortedPaths = undefined;
  }

  delete(path: string): void {
    const old = this.byPath.get(path);
    if (!old) return;
    this.byPath.delete(path);
    if (old.kind === 'ResponsePlan') this.planPaths = undefined;
    if (old.id) removeFrom(this.byId, old.id, path);
    if (old.kind) removeFrom(this.byKind, old.kind, path);
    for (const reference of old.references) {
      removeFrom(this.referrers, reference.id, path);
      removeFrom(this.expecting, reference.expects, path);
    }
    this.sortedPaths = undefined;
  }

  withId(id: string): DocumentFacts[] {
    const paths = this.byId.get(id);
    if (!paths) return [];
    return (paths.size === 1 ? [...paths] : [...paths].sort()).map((path) => this.byPath.get(path)!);
  }

  ofKind(kind: Kind): DocumentFacts[] {
    return [...this.byKind.get(kind) ?? []].map((path) => this.byPath.get(path)!);
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
    // Asked for on every analysis: kept apart so it costs nothing in a large workspace.
    this.planPaths ??= [...this.byPath.values()].filter((facts) => facts.kind === 'ResponsePlan').map((facts) => facts.path).sort();
    return this.planPaths.map((path) => this.byPath.get(path)!);
  }

  first(): DocumentFacts | undefined {
    const path = this.paths()[0];
    return path === undefined ? undefined : this.byPath.get(path);
  }

  /** Every path in order; code-unit order, so that it is the same on every machine. */
  paths(): string[] {
    this.sortedPaths ??= [...this.byPath.keys()].sort();
    return this.sortedPaths;
  }
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
