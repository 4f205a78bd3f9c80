import type { Connection } from 'vscode-languageserver';
import { readCounts } from '../node/files';
import { DebugRequests, type DebugStats } from '../protocol';
import type { ServerState } from './state';

/**
 * Only with CC7_DEBUG_STATS=1 (tests): answers what the server has read and analysed, so a
 * test can tell that a restart read each file once and analysed nothing.
 */
export function registerDebugStats(connection: Connection, state: ServerState): void {
  if (process.env.CC7_DEBUG_STATS !== '1') return;
  connection.onRequest(DebugRequests.stats, (): DebugStats => {
    const stats: DebugStats = { reads: Object.fromEntries(readCounts()), analysed: 0, restored: 0 };
    for (const { program } of state.programs.entries()) {
      stats.analysed += program.stats.analysed;
      stats.restored += program.stats.restored;
    }
    return stats;
  });
}
