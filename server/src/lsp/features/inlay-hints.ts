import { inlayHints } from '../../core/service/inlay-hints';
import { Refresher } from '../refresh';
import type { Feature } from './index';

/** Deadlines after their fields, refreshed as the index changes and as time passes. */
export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: true },
  register(connection, state) {
    const refresher = new Refresher(state, () => state.support.inlayHintRefresh, () => connection.languages.inlayHint.refresh());
    connection.languages.inlayHint.on(({ textDocument, range }) => {
      const request = state.request(textDocument.uri);
      if (!request) return [];
      const { value, changesAt } = inlayHints(request, range);
      refresher.answered(textDocument.uri, changesAt);
      return value;
    });
  },
};
