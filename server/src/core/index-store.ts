import type { DocumentFacts, WorkspaceIndex } from './facts';

/** The facts of every document, with the look-ups the workspace rules and the program need. */
export class FactsIndex implements WorkspaceIndex {
  private readonly byPath = new Map<string, DocumentFacts>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly referrers = new Map<string, Set<string>>();
  /** Documents holding a reference that expects a kind: their messages list the ids of that kind. */
  private readonly expecting = new Map<string, Set<string>>();
  private sortedPaths: string[] | undefined;

  get(path: string): DocumentFacts | undefined {
    return this.byPath.get(path);
  }

  set(facts: DocumentFacts): void {
    this.delete(facts.path);
    this.byPath.set(facts.path, facts);
    if (facts.id) addTo(this.byId, facts.id, facts.path);
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
    if (old.id) removeFrom(this.byId, old.id, path);
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

  /** Documents that refer to this id. */
  referringTo(id: string): string[] {
    return [...this.referrers.get(id) ?? []];
  }

  /** Documents that refer to some document of this kind. */
  expectingKind(kind: string): string[] {
    return [...this.expecting.get(kind) ?? []];
  }

  plans(): DocumentFacts[] {
    return this.paths().map((path) => this.byPath.get(path)!).filter((facts) => facts.kind === 'ResponsePlan');
  }

  first(): DocumentFacts | undefined {
    const path = this.paths()[0];
    return path === undefined ? undefined : this.byPath.get(path);
  }

  all(): Iterable<DocumentFacts> {
    return this.byPath.values();
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
