import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type ExportBundleArgs, type ExportBundleResult } from '../../../server/src/protocol';
import { exportReport } from '../../../server/src/node/bundle/report';
import { openBundleIndex } from '../bundle-view';
import type { Ctx } from '../ctx';
import { runServerTask } from '../server-task';
import { pickPeriod } from './bundle-period';
import { exists, pickFolder } from './workspace';

/** What other extensions (and tests) may pass: each one given is not asked for. */
export interface ExportBundleOptions {
  /** The workspace folder to export. */
  folder?: vscode.Uri;
  /** `START..END`, as `cc7 export --period` takes it. */
  period?: string;
  /** The zip to write. */
  out?: vscode.Uri;
}

const OPEN_INDEX = 'Open index.html';
const REVEAL = 'Reveal in Folder';
const REDACT = 'Export with Redaction';
type Refusal = Extract<ExportBundleResult, { status: 'blocked-by-secrets' }>;
/** Secrets linked in the refusal itself; the output channel lists them all. */
const SECRETS_SHOWN = 5;

/**
 * cc7.exportEvidenceBundle: asks the folder (multi-root), the audit period and the zip, then
 * the language server runs the CLI's export at its clock, in a notification with Cancel.
 * Resolves with the server's answer; undefined when the user cancels a question.
 */
export async function exportEvidenceBundle(ctx: Ctx, client: LanguageClient, given: ExportBundleOptions = {}): Promise<ExportBundleResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void ctx.notify('info', 'cc7: open the folder that holds your CC7 records to export its evidence bundle.');
    return undefined;
  }
  const folder = given.folder ? vscode.workspace.getWorkspaceFolder(given.folder) : await pickFolder('The workspace folder to export');
  if (!folder) return undefined;
  const period = given.period ?? await pickPeriod(client, folder);
  if (period === undefined) return undefined;
  const out = given.out ?? await vscode.window.showSaveDialog({
    title: 'Export Evidence Bundle: the zip to write',
    defaultUri: vscode.Uri.joinPath(folder.uri, defaultFileName(period)),
    filters: { 'Zip archive': ['zip'] },
    saveLabel: 'Export',
  });
  if (!out) return undefined;
  // The save dialog has asked already when the user chose an existing file there; a file the caller named is asked about here.
  let force = false;
  if (await exists(out)) {
    force = given.out === undefined || await confirmReplace(out);
    if (!force) return undefined;
  }
  return runExport(ctx, client, { folder: folder.uri.toString(), out: out.toString(), period, force });
}

/** `cc7-evidence-2026-01-01_2026-12-31.zip`: the period, safe in a file name everywhere. */
function defaultFileName(period: string): string {
  return `cc7-evidence-${period.replace('..', '_').replace(/[^A-Za-z0-9._-]+/g, '-')}.zip`;
}

async function confirmReplace(out: vscode.Uri): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(out)} exists. Replace it?`, { modal: true }, 'Replace');
  return answer === 'Replace';
}

async function runExport(ctx: Ctx, client: LanguageClient, args: ExportBundleArgs): Promise<ExportBundleResult> {
  const result = await runServerTask<ExportBundleResult>(client, 'CC7: Exporting the evidence bundle', ServerCommands.exportBundle, [args]);
  const out = vscode.Uri.parse(args.out);
  const name = vscode.workspace.asRelativePath(out);
  switch (result.status) {
    case 'written': {
      for (const line of exportReport(name, result)) ctx.output.info(line);
      const c = result.counts;
      const message = `Wrote ${name}, ${result.period.text} as of ${result.asOf}: ${c.incidents} incidents, ${c.securityEvents} security events, `
        + `${c.tabletopExercises} tabletop exercises; ${result.findings.error} errors, ${result.findings.warning} warnings, ${result.gaps} gaps.`;
      void ctx.notify('info', message, OPEN_INDEX, REVEAL).then((choice) => {
        if (choice === OPEN_INDEX) return openBundleIndex(ctx, out, result.sha256);
        if (choice === REVEAL) return vscode.commands.executeCommand('revealFileInOS', out);
        return undefined;
      }).then(undefined, (error: unknown) => ctx.notify('error', `cc7: cannot open ${name}: ${error instanceof Error ? error.message : String(error)}`));
      return result;
    }
    case 'blocked-by-secrets':
      return refusedForSecrets(ctx, client, args, result);
    case 'cancelled':
      void ctx.notify('info', `Export cancelled: ${name} was not written.`);
      return result;
    case 'error':
      void ctx.notify('error', `cc7: export failed: ${result.message}`);
      return result;
  }
}

/** Lists each credential (a link to its line) and offers the export with every copy masked. */
async function refusedForSecrets(ctx: Ctx, client: LanguageClient, args: ExportBundleArgs, refusal: Refusal): Promise<ExportBundleResult> {
  const { secrets } = refusal;
  for (const secret of secrets) ctx.output.warn(`secret-in-record: ${secret.file}:${secret.line} (${secret.kind} ${secret.masked})`);
  const links = secrets.slice(0, SECRETS_SHOWN).map((secret) =>
    `[${secret.file}:${secret.line}](${vscode.Uri.parse(secret.uri).with({ fragment: `L${secret.line}` }).toString()})`);
  const more = secrets.length > SECRETS_SHOWN ? ` and ${secrets.length - SECRETS_SHOWN} more (listed in the CC7 output)` : '';
  const values = secrets.length === 1 ? '1 value looks' : `${secrets.length} values look`;
  const choice = await ctx.notify('warning',
    `Export refused: ${values} like a credential (secret-in-record) at ${links.join(', ')}${more}. Remove and rotate them, or export with each masked as REDACTED in every copy.`,
    REDACT);
  return choice === REDACT ? runExport(ctx, client, { ...args, redact: true }) : refusal;
}
