import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type VerifyBundleArgs, type VerifyBundleResult, type VerifyResult } from '../../../server/src/protocol';
import { verifyReport } from '../../../server/src/node/bundle/report';
import type { Ctx } from '../ctx';
import { runServerTask } from '../server-task';

/** What other extensions (and tests) may pass: each one given is not asked for. */
export interface VerifyBundleOptions {
  /** The bundle zip. */
  file?: vscode.Uri;
  /** An OpenSSH allowed_signers file; default: the `cc7.allowedSigners` setting. */
  allowedSigners?: vscode.Uri;
}

const CHECK_SIGNER = 'Check Signer…';
const SHOW_DETAILS = 'Show Details';
/** Entries named per kind in the notification; the output channel lists them all. */
const NAMES_SHOWN = 3;

/**
 * cc7.verifyEvidenceBundle: picks a zip; the language server checks it as `cc7 verify` does,
 * in a notification with Cancel. The result goes to a notification and, line by line as the
 * CLI prints it, to the output channel. A signature checked only against its own key offers to
 * check the signer against an allowed signers file. Resolves with the server's answer.
 */
export async function verifyEvidenceBundle(ctx: Ctx, client: LanguageClient, given: VerifyBundleOptions = {}): Promise<VerifyBundleResult | undefined> {
  const file = given.file ?? (await vscode.window.showOpenDialog({
    title: 'Verify Evidence Bundle',
    openLabel: 'Verify',
    canSelectMany: false,
    filters: { 'Zip archive': ['zip'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  }))?.[0];
  if (!file) return undefined;
  return runVerify(ctx, client, file, given.allowedSigners ?? configuredSigners());
}

async function runVerify(ctx: Ctx, client: LanguageClient, file: vscode.Uri, allowedSigners: vscode.Uri | undefined): Promise<VerifyBundleResult> {
  const args: VerifyBundleArgs = { file: file.toString(), ...(allowedSigners ? { allowedSigners: allowedSigners.toString() } : {}) };
  const result = await runServerTask<VerifyBundleResult>(client, 'CC7: Verifying the evidence bundle', ServerCommands.verifyBundle, [args]);
  const name = vscode.workspace.asRelativePath(file);
  if (result.status === 'cancelled') {
    void ctx.notify('info', `Verification of ${name} cancelled.`);
  } else if (result.status === 'error') {
    void ctx.notify('error', `cc7: cannot verify ${name}: ${result.message}`);
  } else {
    for (const line of verifyReport(name, result)) ctx.output.info(line);
    if (!result.ok) {
      void ctx.notify('error', `${name} FAILED verification: ${failures(result, allowedSigners !== undefined).join('; ')}.`, SHOW_DETAILS)
        .then((choice) => choice && ctx.output.show(true));
    } else if (result.signature.status === 'valid-unchecked') {
      void ctx.notify('info', `${name} verified: ${result.entries} files match SHA256SUMS and manifest.json; it is signed, but the signer was not checked against allowed signers.`, CHECK_SIGNER)
        .then(async (choice) => {
          const signers = choice && await pickAllowedSigners();
          if (signers) await runVerify(ctx, client, file, signers);
        });
    } else {
      const signed = result.signature.status === 'valid' ? `signed by ${result.signature.principal}` : 'not signed';
      void ctx.notify('info', `${name} verified: ${result.entries} files match SHA256SUMS and manifest.json; ${signed}.`);
    }
  }
  return result;
}

/** What failed, a few names of each kind; with allowed signers given, a bundle must be signed. */
function failures(result: VerifyResult, signerRequired: boolean): string[] {
  const signature = result.signature.status === 'invalid' || (result.signature.status === 'absent' && signerRequired);
  const names = (list: string[]) => list.slice(0, NAMES_SHOWN).join(', ') + (list.length > NAMES_SHOWN ? ` and ${list.length - NAMES_SHOWN} more` : '');
  return [
    ...(result.changed.length ? [`changed ${names(result.changed)}`] : []),
    ...(result.missing.length ? [`missing ${names(result.missing)}`] : []),
    ...(result.extra.length ? [`extra ${names(result.extra)}`] : []),
    ...result.problems,
    ...(signature ? [`signature ${result.signature.message}`] : []),
  ];
}

function pickAllowedSigners(): Thenable<vscode.Uri | undefined> {
  return vscode.window.showOpenDialog({
    title: 'Allowed signers (an OpenSSH allowed_signers file)',
    openLabel: 'Check Signer',
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  }).then((picked) => picked?.[0]);
}

/** `cc7.allowedSigners`: absolute, `~/`, or relative to the first workspace folder; undefined when empty. */
function configuredSigners(): vscode.Uri | undefined {
  const setting = vscode.workspace.getConfiguration('cc7').get<string>('allowedSigners', '').trim();
  if (!setting) return undefined;
  const expanded = setting.startsWith('~/') ? path.join(os.homedir(), setting.slice(2)) : setting;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return path.isAbsolute(expanded) || !folder ? vscode.Uri.file(path.resolve(expanded)) : vscode.Uri.joinPath(folder.uri, expanded);
}
