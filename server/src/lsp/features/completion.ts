import { completion } from '../../core/service/completion';
import type { Feature } from '.';

/** Completion after a space (`key: `, `- `, an indented new line) or a colon, and on request. */
export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: [' ', ':'] } },
  register(connection, state) {
    connection.onCompletion(({ textDocument, position }) => {
      const request = state.request(textDocument.uri);
      return request ? completion(request, position, { snippets: state.support.snippets }) : null;
    });
  },
};
