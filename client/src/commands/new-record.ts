import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { Requests, ServerCommands, type NewRecordArgs, type NewRecordFields, type NewRecordKind, type NewRecordResult, type RecordChoices } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { exists, pickFolder } from './workspace';

const NOUNS: Record<NewRecordKind, string> = { Incident: 'incident', SecurityEvent: 'security event', TabletopExercise: 'tabletop exercise' };

/**
 * cc7.newIncident, cc7.newSecurityEvent, cc7.newTabletopExercise: asks what the record needs
 * (title; an incident's severity and category; how it was detected), takes the text with the
 * next free id from the server, writes the file and opens it with the cursor on the first
 * field to fill. Fields given as the argument are not asked for (other extensions, tests).
 * Resolves with the new file's URI; undefined when the user cancels.
 */
export function newRecordCommand(kind: NewRecordKind) {
  return async (ctx: Ctx, client: LanguageClient, given: NewRecordFields = {}): Promise<vscode.Uri | undefined> => {
    const folder = await pickFolder();
    if (!folder) {
      void ctx.notify('info', `cc7: open a folder to record a ${NOUNS[kind]} in.`);
      return undefined;
    }
    const fields = await askFields(client, kind, folder, given);
    if (!fields) return undefined;
    const args: NewRecordArgs = { kind, folder: folder.uri.toString(), ...fields };
    const record = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.newRecord, arguments: [args] }) as NewRecordResult | null;
    if (!record) return undefined;
    const uri = vscode.Uri.parse(record.uri);
    if (await exists(uri)) {
      void ctx.notify('error', `${vscode.workspace.asRelativePath(uri)} already exists; it was left as it is.`);
      return undefined;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(record.text));
    const cursor = new vscode.Position(record.cursor.line, record.cursor.character);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(cursor, cursor), preview: false });
    return uri;
  };
}

/** Asks for each field not given; undefined when the user cancels one. */
async function askFields(client: LanguageClient, kind: NewRecordKind, folder: vscode.WorkspaceFolder, given: NewRecordFields): Promise<NewRecordFields | undefined> {
  const fields: NewRecordFields = { ...given };
  fields.title ??= await vscode.window.showInputBox({
    title: `New ${NOUNS[kind]}`,
    prompt: 'Title: what happened, in a line',
    validateInput: (value) => (value.trim() ? undefined : 'A title is required'),
  });
  if (fields.title === undefined) return undefined;
  if (kind === 'TabletopExercise') return fields;
  const choices = await client.sendRequest<RecordChoices>(Requests.recordChoices, { folder: folder.uri.toString() });
  if (kind === 'Incident') {
    if (fields.severity === undefined && choices.severities.length > 0) {
      fields.severity = (await vscode.window.showQuickPick(
        choices.severities.map((severity) => ({ label: severity.id, description: severity.name })),
        { title: 'Severity (from the response plan)' },
      ))?.label;
      if (fields.severity === undefined) return undefined;
    }
    fields.category ??= await vscode.window.showQuickPick(choices.categories, { title: 'Category' });
    if (fields.category === undefined) return undefined;
  }
  fields.detectionSource ??= await vscode.window.showQuickPick(choices.detectionSources, { title: 'How was it detected?' });
  return fields.detectionSource === undefined ? undefined : fields;
}
