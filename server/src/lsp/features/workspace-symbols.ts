import type { SymbolInformation } from 'vscode-languageserver';
import { workspaceSymbols } from '../../core/service/workspace-symbols';
import { toLocation } from './locations';
import type { Feature } from './index';

/** Every record of every workspace folder, by id and title. */
export const workspaceSymbolsFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(connection, state) {
    connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => state.programs.entries().flatMap(({ program }) =>
      workspaceSymbols(program, query).map(({ location, ...symbol }) => ({ ...symbol, location: toLocation(state, location) }))));
  },
};
