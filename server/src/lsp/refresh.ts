import type { ServerState } from './state';

/** Never ask more often than this, however close together the countdowns change. */
const MIN_DELAY_MS = 1_000;
/** setTimeout's longest delay (about 24.8 days); a later change is re-armed from there. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Keeps what a client shows of deadlines current (inlay hints or code lenses): asks it to
 * refresh when the index changes, and when a countdown it was given ("9 h left") reads
 * differently as time passes, at that instant: never while "now" is pinned, and only when the
 * client announced refresh support. The client then asks again, which re-arms the timer.
 */
export class Refresher {
  /** When what each document was last given goes stale, by URI. */
  private readonly staleAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly state: ServerState, private readonly supported: () => boolean, private readonly refresh: () => Promise<void>) {
    state.onIndexChanged(() => this.send());
    state.documents.onDidClose(({ document }) => this.answered(document.uri, undefined));
  }

  /** The client was just given a document's items, which go stale at `changesAt` (undefined: never by themselves). */
  answered(uri: string, changesAt: number | undefined): void {
    if (changesAt === undefined) this.staleAt.delete(uri);
    else this.staleAt.set(uri, changesAt);
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.state.now.pinned || !this.supported() || this.staleAt.size === 0) return;
    const soonest = Math.min(...this.staleAt.values());
    const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, soonest - this.state.now.clock()));
    this.timer = setTimeout(() => this.tick(), delay);
    this.timer.unref();
  }

  private tick(): void {
    const now = this.state.now.clock();
    // What went stale is asked for again; a document the client does not ask for is not asked about twice.
    const stale = [...this.staleAt].filter(([, at]) => at <= now);
    for (const [uri] of stale) this.staleAt.delete(uri);
    if (stale.length > 0) this.send();
    this.arm();
  }

  private send(): void {
    if (this.supported()) this.refresh().catch(() => undefined);
  }
}
