import { existsSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { unzip } from './unzip';

/**
 * "Open index.html" after an export: the zip just written is extracted, and its index.html
 * opened in the browser, as the auditor will read it (pages made for a browser, offline and
 * printable; the bytes of the zip, not a second rendering). It goes to the extension's storage:
 * not the workspace, where the language server would take the copies for duplicate records
 * and git would see them; not beside the zip, where a folder the hashes do not cover would
 * travel with the deliverable. Only the last bundle opened is kept there.
 */
export async function openBundleIndex(ctx: Ctx, zip: vscode.Uri, sha256: string): Promise<vscode.Uri> {
  const views = path.join(ctx.extension.globalStorageUri.fsPath, 'bundle-views');
  const folder = path.join(views, sha256.slice(0, 16));
  if (!existsSync(folder)) {
    rmSync(views, { recursive: true, force: true });
    // Extracted beside, then moved: a folder there is always a whole bundle.
    const partial = `${folder}.partial`;
    await unzip(zip.fsPath, partial);
    renameSync(partial, folder);
  }
  const index = vscode.Uri.file(path.join(folder, 'index.html'));
  // A remote window's browser cannot reach this machine's files: then the path is what helps.
  if (!(await vscode.env.openExternal(index))) void ctx.notify('info', `cc7: the bundle is extracted at ${folder}: open index.html there in a browser.`);
  return index;
}
