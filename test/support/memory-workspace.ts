/**
 * A workspace in memory around the core's Program: a map of path -> text is the Program's `read`
 * (each read counted by path), and the clock stands still at the instant given.
 */
import { Program, type Changes } from '../../server/src/core/service/program';

export class MemoryWorkspace {
  private readonly texts = new Map<string, string>();
  private readonly reads = new Map<string, number>();
  readonly program: Program;

  constructor(private readonly now: number, options: { onOutdated?: (paths: readonly string[]) => void } = {}) {
    this.program = new Program({
      ...options,
      read: (path) => {
        this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
        return this.content(path);
      },
      clock: () => this.now,
    });
  }

  /** The files, path -> text, in the order they were first written. */
  get files(): ReadonlyMap<string, string> {
    return this.texts;
  }

  /** Adds the files, handing their paths to the Program at once in the order of the keys. */
  add(files: Record<string, string>): Changes {
    for (const [path, text] of Object.entries(files)) this.texts.set(path, text);
    return this.program.addFiles(Object.keys(files));
  }

  /** A change on disk: the Program is told the path and reads the new text itself. */
  write(path: string, text: string): Changes {
    this.texts.set(path, text);
    return this.program.updateFile(path);
  }

  /** An editor's edit: the buffer holds the new text, and `read` returns it, as in the server. */
  edit(path: string, text: string): Changes {
    this.texts.set(path, text);
    return this.program.updateFile(path, { text });
  }

  remove(path: string): Changes {
    this.texts.delete(path);
    return this.program.removeFile(path);
  }

  /** The distinct paths read since the last call, sorted. */
  takeReads(): string[] {
    const paths = [...this.reads.keys()].sort();
    this.reads.clear();
    return paths;
  }

  /** A Program built from scratch over the same files and clock, given `paths` at once (its reads are not counted). */
  fresh(paths: Iterable<string>): Program {
    const program = new Program({ read: (path) => this.content(path), clock: () => this.now });
    program.addFiles(paths);
    return program;
  }

  private content(path: string) {
    const text = this.texts.get(path);
    return text === undefined ? undefined : { text };
  }
}
