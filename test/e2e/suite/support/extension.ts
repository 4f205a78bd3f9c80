/** The cc7 extension as the extension host sees it, and the workspace the runner opened. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cc7.cc7';

export function cc7Extension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

/** A file of the first workspace folder (the runner opens a copy of examples/acme). */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}
