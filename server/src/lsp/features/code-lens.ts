import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { codeLenses } from '../../core/service/code-lens';
import { ClientCommands } from '../../protocol';
import { Refresher } from '../refresh';
import type { Feature } from './index';

/** An incident's phase, age and next evidence, and its open clocks' countdowns, refreshed as time passes. */
export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(connection, state) {
    const refresher = new Refresher(state, () => state.support.codeLensRefresh, () => connection.sendRequest(CodeLensRefreshRequest.type));
    connection.onCodeLens(({ textDocument }) => {
      const request = state.request(textDocument.uri);
      if (!request) return [];
      const { value, changesAt } = codeLenses(request, { command: ClientCommands.advancePhase, arguments: [textDocument.uri] });
      refresher.answered(textDocument.uri, changesAt);
      return value;
    });
  },
};
