import { references } from '../../core/service/references';
import { toLocation } from './locations';
import type { Feature } from './index';

/** Every place the workspace writes an id. */
export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(connection, state) {
    connection.onReferences(({ textDocument, position, context }) => {
      const request = state.request(textDocument.uri);
      return request ? references(request, position, context.includeDeclaration).map((place) => toLocation(state, place)) : [];
    });
  },
};
