import { CODE_ACTION_KINDS, codeActions } from '../../core/service/code-actions';
import type { Feature } from '.';

/** Quick fixes and "fix all" (core/service/code-actions.ts). */
export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS } },
  register(connection, state) {
    connection.onCodeAction(({ textDocument, range, context }) => {
      const request = state.request(textDocument.uri);
      if (!request) return null;
      // Findings are re-checked a moment after an edit: bring them up to the text being fixed.
      state.publish(request.program.updateFile(request.file, { text: request.document.getText() }));
      const { version } = request.document;
      return codeActions(request, { uri: textDocument.uri, version, range, context, maxFileBytes: state.settings.maxFileBytes });
    });
  },
};
