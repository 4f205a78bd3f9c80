import { Notifications, Requests, type WorkspaceSummary } from '../../protocol';
import { workspaceSummary } from '../../core/service/summary';
import type { Feature } from '.';

/** `cc7/workspaceSummary` for the lifecycle tree and the status bar; `cc7/summaryChanged` whenever the index changes. */
export const summaryFeature: Feature = {
  capabilities: {},
  register(connection, state) {
    connection.onRequest(Requests.workspaceSummary, (): WorkspaceSummary =>
      workspaceSummary({ folders: state.folders().map((folder) => folder.program), now: state.now.clock(), uriOf: (file) => state.uriOf(file) }));
    state.onIndexChanged(() => void connection.sendNotification(Notifications.summaryChanged));
  },
};
