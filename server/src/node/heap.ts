import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection of this thread's heap, now. For the one moment it pays: before a
 * re-analysis of thousands of documents. V8 collects the old generation only once it has grown
 * to some multiple of what it kept (up to 4 times on the main thread, whose heap may grow to
 * gigabytes), and a re-analysis on the workers allocates little here: the garbage that edits
 * left (each edit's parse outlives a young collection or two) would otherwise stay through it,
 * beside the workers' heaps, some 30-40 MB at 10,000 documents. One collection of a 100 MB heap
 * takes some 50 ms, against the seconds the re-analysis takes.
 * (--expose-gc set at run time, and `gc` taken from a new context: as Jest does for its heap use.)
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
