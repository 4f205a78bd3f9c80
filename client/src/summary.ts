import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type WorkspaceSummary } from '../../server/src/protocol';

/** Countdowns ("9 h left") move with the clock even when no file changes: ask again this often. */
const REFRESH_MS = 60_000;

/**
 * The server's workspace summary as the client last received it: asked for when the server
 * starts, when it says the index changed (`cc7/summaryChanged`), and every minute. The tree,
 * the status bar and the deadline alerts read it; none of them parses a file.
 */
export class SummaryModel implements vscode.Disposable {
  private current: WorkspaceSummary | undefined;
  private readonly changed = new vscode.EventEmitter<WorkspaceSummary | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private subscription: vscode.Disposable | undefined;
  private client: LanguageClient | undefined;
  /** Bumped on every attach and detach, so an answer from a previous server is dropped. */
  private generation = 0;

  readonly onDidChange = this.changed.event;

  constructor(private readonly log: (message: string) => void) {}

  get summary(): WorkspaceSummary | undefined {
    return this.current;
  }

  /** Starts following a running server. */
  attach(client: LanguageClient): void {
    this.detach();
    this.client = client;
    this.subscription = client.onNotification(Notifications.summaryChanged, () => void this.refresh());
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    void this.refresh();
  }

  /** The server stopped: what was shown is no longer known. */
  detach(): void {
    this.generation++;
    clearInterval(this.timer);
    this.subscription?.dispose();
    this.subscription = undefined;
    this.client = undefined;
    if (this.current) {
      this.current = undefined;
      this.changed.fire(undefined);
    }
  }

  /** Asks the server again; resolves with the new summary (undefined when no server answers). */
  async refresh(): Promise<WorkspaceSummary | undefined> {
    const client = this.client;
    if (!client) return undefined;
    const generation = this.generation;
    try {
      const summary = await client.sendRequest<WorkspaceSummary>(Requests.workspaceSummary);
      if (generation !== this.generation) return this.current;
      this.current = summary;
      this.changed.fire(summary);
      return summary;
    } catch (error) {
      this.log(`the workspace summary failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.current;
    }
  }

  dispose(): void {
    this.detach();
    this.changed.dispose();
  }
}
