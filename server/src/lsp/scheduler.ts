/**
 * Per-document throttle for edits: the first edit after a quiet moment is checked on the
 * next turn of the event loop (low latency); edits arriving while one was just checked are
 * coalesced into one check `windowMs` after it (no work per keystroke in a burst).
 */
export class EditScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(private readonly windowMs: number, private readonly run: (key: string) => void) {}

  schedule(key: string): void {
    if (this.timers.has(key)) return;
    const sinceLast = Date.now() - (this.lastRun.get(key) ?? 0);
    const delay = Math.max(0, this.windowMs - sinceLast);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lastRun.set(key, Date.now());
      this.run(key);
    }, delay));
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
