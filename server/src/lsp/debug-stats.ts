import type { Connection } from 'vscode-languageserver';
import { readCounts } from '../node/files';
import { DebugRequests, type DebugCounts, type DebugStats } from '../protocol';
import type { ServerState } from './state';

/**
 * Only with CC7_DEBUG_STATS=1 (tests, the benchmark): answers what the server has read and
 * analysed, so a test can tell that a restart read each file once and analysed nothing (and
 * how the open documents' texts were parsed: once per version, spliced when it could); and
 * the same once the background re-analyses are done, so a benchmark can time a plan edit
 * until every document it outdated is re-checked and published.
 */
export function registerDebugStats(connection: Connection, state: ServerState): void {
  if (process.env.CC7_DEBUG_STATS !== '1') return;
  const counts = (): DebugCounts => {
    const sum: DebugCounts = { analysed: 0, restored: 0 };
    for (const { program } of state.programs.entries()) {
      sum.analysed += program.stats.analysed;
      sum.restored += program.stats.restored;
    }
    return sum;
  };
  connection.onRequest(DebugRequests.stats, (): DebugStats => ({
    reads: Object.fromEntries(readCounts()),
    openParses: { ...state.openParses },
    ...counts(),
    workers: { running: state.pool?.running ?? 0, started: state.pool?.spawned ?? 0 },
  }));
  connection.onRequest(DebugRequests.settled, async () => {
    await state.rechecked();
    return counts();
  });
}
