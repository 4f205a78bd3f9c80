import { ServerCommands } from '../../protocol';
import type { Feature } from '.';

/** cc7.refresh: re-scans every workspace folder from disk (files changed while no watcher saw them). */
export const refreshFeature: Feature = {
  capabilities: {},
  commands: {
    [ServerCommands.refresh]: async (_args, _connection, state) => {
      await state.rescan();
      return null;
    },
  },
};
