import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Requests, ServerCommands, type NewRecordArgs, type NewRecordResult, type RecordChoices, type RecordChoicesParams } from '../../protocol';
import { isNewRecordKind, newRecord, recordChoices } from '../../core/service/new-record';
import type { ServerState } from '../state';
import type { Feature } from '.';

/** cc7.newIncident and its siblings: the choices to ask for (`cc7/recordChoices`), then the record's id, file and text. */
export const newRecordFeature: Feature = {
  capabilities: {},
  commands: {
    [ServerCommands.newRecord]: (args, _connection, state): NewRecordResult | null => {
      const { kind, folder, ...fields } = (args[0] ?? {}) as Partial<NewRecordArgs>;
      const target = folderOf(state, folder);
      if (!isNewRecordKind(kind) || !target) return null;
      const record = newRecord(target.program, kind, fields, state.now.clock());
      return { id: record.id, uri: URI.file(path.join(target.root, record.folder, record.fileName)).toString(), text: record.text, cursor: record.cursor };
    },
  },
  register(connection, state) {
    connection.onRequest(Requests.recordChoices, (params: RecordChoicesParams | undefined): RecordChoices =>
      recordChoices(folderOf(state, params?.folder)?.program.plan()));
  },
};

/** The workspace folder a URI names; the first folder when it names none. */
function folderOf(state: ServerState, uri: string | undefined) {
  return state.folder(uri) ?? state.folders()[0];
}
