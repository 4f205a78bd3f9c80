import { hover } from '../../core/service/hover';
import type { Feature } from '.';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(connection, state) {
    connection.onHover(({ textDocument, position }) => {
      const request = state.request(textDocument.uri);
      return request ? hover(request, position) : null;
    });
  },
};
