import { definition } from '../../core/service/definition';
import { toLocation } from './locations';
import type { Feature } from './index';

/** From any id to where it is defined. */
export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(connection, state) {
    connection.onDefinition(({ textDocument, position }) => {
      const request = state.request(textDocument.uri);
      return request ? definition(request, position).map((place) => toLocation(state, place)) : [];
    });
  },
};
