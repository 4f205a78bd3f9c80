import { documentSymbols } from '../../core/service/document-symbols';
import type { Feature } from './index';

/** The outline: the record, its sections and their items. */
export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: true },
  register(connection, state) {
    connection.onDocumentSymbol(({ textDocument }) => {
      const request = state.request(textDocument.uri);
      return request ? documentSymbols(request) : [];
    });
  },
};
