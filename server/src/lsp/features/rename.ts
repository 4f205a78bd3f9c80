import { LSPErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { rename, prepareRename, type FileEdits, type FileMove } from '../../core/service/rename';
import type { ServerState } from '../state';
import type { Feature } from './index';

/** Rename an id across the workspace; refused (an error the editor shows) when the new id is malformed or taken. */
export const renameFeature: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(connection, state) {
    connection.onPrepareRename(({ textDocument, position }) => {
      const request = state.request(textDocument.uri);
      return (request && prepareRename(request, position)) ?? null;
    });
    connection.onRenameRequest(({ textDocument, position, newName }) => {
      const request = state.request(textDocument.uri);
      const outcome = request && rename(request, position, newName, state.support.renameFiles);
      if (!outcome) return null;
      if ('refused' in outcome) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.refused);
      return workspaceEdit(state, outcome.files, outcome.moves);
    });
  },
};

/** Plain changes by URI; with files to move, document changes (versioned where open) and then the moves. */
function workspaceEdit(state: ServerState, files: FileEdits[], moves: FileMove[]): WorkspaceEdit {
  if (moves.length === 0) return { changes: Object.fromEntries(files.map(({ path, edits }) => [state.uriOf(path), edits])) };
  return {
    documentChanges: [
      ...files.map(({ path, edits }) => ({
        textDocument: { uri: state.uriOf(path), version: state.openByPath.get(path)?.version ?? null },
        edits,
      })),
      ...moves.map(({ from, to }) => ({ kind: 'rename' as const, oldUri: state.uriOf(from), newUri: state.uriOf(to) })),
    ],
  };
}
