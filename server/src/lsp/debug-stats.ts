import type { Connection } from 'vscode-languageserver';
import { readCounts } from '../node/files';
import { DebugRequests, type DebugStats } from '../protocol';
import type { ServerState } from './state';

/**
 * Only with CC7_DEBUG_STATS=1 (tests, the benchmark): answers what the server has read and
 * analysed, so a test can tell that a restart read each file once and analysed nothing; and
 * the same once the background re-analyses are done, so a benchmark can time a plan edit
 * until every document it outdated is re-checked and published.
 */
export function registerDebugStats(connection: Connection, state: ServerState): void {
  if (process.env.CC7_DEBUG_STATS !== '1') return;
  const stats = (): DebugStats => {
    const counts: DebugStats = { reads: Object.fromEntries(readCounts()), analysed: 0, restored: 0 };
    for (const { program } of state.programs.entries()) {
      counts.analysed += program.stats.analysed;
      counts.restored += program.stats.restored;
    }
    return counts;
  };
  connection.onRequest(DebugRequests.stats, stats);
  connection.onRequest(DebugRequests.settled, async () => {
    await state.rechecked();
    return stats();
  });
}
