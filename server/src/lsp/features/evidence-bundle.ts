import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  Requests, ServerCommands,
  type BundlePeriods, type BundlePeriodsParams, type ExportBundleArgs, type ExportBundleResult,
  type ResolveBundlePeriodParams, type ResolvedBundlePeriod, type VerifyBundleArgs, type VerifyBundleResult,
} from '../../protocol';
import { zoneOf } from '../../core/bundle/core-api';
import { iso } from '../../core/bundle/format';
import { formatPeriodText, parsePeriodText, periodChoices, PeriodError, resolvePeriod, type PeriodChoices } from '../../core/bundle/period';
import { BundleError } from '../../node/bundle/errors';
import { runBundleTask } from '../../node/bundle/task-process';
import { BundleProgress } from '../bundle-progress';
import type { ServerState } from '../state';
import type { CommandRun, Feature } from '.';

/**
 * The evidence bundle for editors: the CLI's own exportBundle and verifyBundle (one code path,
 * so the editor writes the same bytes as `cc7 export`), run in a child process so that the
 * server keeps answering the editor, at the server's resolved clock (the one the diagnostics
 * use), with work-done progress and cancellation; and the periods to offer.
 */
export const evidenceBundleFeature: Feature = {
  capabilities: {},
  commands: {
    [ServerCommands.exportBundle]: (args, _connection, state, run) => exportCommand(args[0] as Partial<ExportBundleArgs> | undefined, state, run),
    [ServerCommands.verifyBundle]: (args, _connection, _state, run) => verifyCommand(args[0] as Partial<VerifyBundleArgs> | undefined, run),
  },
  register(connection, state) {
    connection.onRequest(Requests.bundlePeriods, (params: BundlePeriodsParams | undefined): BundlePeriods => {
      const now = state.now.clock();
      const zone = zoneOf(state.folder(params?.folder)?.program.plan());
      const choices = periodChoices(now, zone);
      const texts = Object.fromEntries(Object.entries(choices).map(([key, period]) => [key, formatPeriodText(period)]));
      return { asOf: iso(now)!, zone, choices: texts as Record<keyof PeriodChoices, string> };
    });
    connection.onRequest<ResolvedBundlePeriod, never>(Requests.resolveBundlePeriod, (params: ResolveBundlePeriodParams): ResolvedBundlePeriod => {
      try {
        const period = resolvePeriod(parsePeriodText(params.text), zoneOf(state.folder(params.folder)?.program.plan()));
        return { text: period.text, start: iso(period.start)!, end: iso(period.end)! };
      } catch (error) {
        if (error instanceof PeriodError) return { error: error.message };
        throw error;
      }
    });
  },
};

async function exportCommand(args: Partial<ExportBundleArgs> | undefined, state: ServerState, run: CommandRun): Promise<ExportBundleResult> {
  if (typeof args?.out !== 'string') return { status: 'error', message: 'Export needs the file URI of the zip to write (out).' };
  const folder = state.folder(args.folder);
  if (!folder) return { status: 'error', message: args.folder ? `${URI.parse(args.folder).fsPath} is not a workspace folder.` : 'Open a workspace folder to export.' };
  const out = URI.parse(args.out).fsPath;
  return bundleTask(run, 'Exporting the evidence bundle', async (progress) => {
    const options = { workspace: folder.root, out, period: args.period, asOf: iso(state.now.clock()), redact: args.redact === true, force: args.force === true };
    const result = await runBundleTask({ kind: 'export', options }, progress.export, run.token);
    if (result.status === 'written') {
      const { out: written, ...rest } = result;
      return { ...rest, uri: URI.file(written).toString() };
    }
    if (result.status === 'blocked-by-secrets') {
      return { status: result.status, secrets: result.secrets.map((secret) => ({ ...secret, uri: URI.file(path.join(folder.root, secret.file)).toString() })) };
    }
    return result;
  });
}

function verifyCommand(args: Partial<VerifyBundleArgs> | undefined, run: CommandRun): Promise<VerifyBundleResult> {
  if (typeof args?.file !== 'string') return Promise.resolve({ status: 'error', message: 'Verify needs the file URI of the zip (file).' });
  const options = {
    file: URI.parse(args.file).fsPath,
    allowedSigners: typeof args.allowedSigners === 'string' ? URI.parse(args.allowedSigners).fsPath : undefined,
  };
  return bundleTask(run, 'Verifying the evidence bundle', (progress) => runBundleTask({ kind: 'verify', options }, progress.verify, run.token));
}

/** Runs an export or verify with its progress begun and ended; what the CLI reports as a usage or I/O error is the answer `error`. */
async function bundleTask<R>(run: CommandRun, title: string, task: (progress: BundleProgress) => Promise<R>): Promise<R | { status: 'error'; message: string }> {
  const progress = new BundleProgress(run.progress, title);
  try {
    return await task(progress);
  } catch (error) {
    if (error instanceof BundleError) return { status: 'error', message: error.message };
    throw error;
  } finally {
    progress.done();
  }
}
