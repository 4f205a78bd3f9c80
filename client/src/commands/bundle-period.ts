import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type BundlePeriods, type BundlePeriodsParams, type ResolveBundlePeriodParams, type ResolvedBundlePeriod } from '../../../server/src/protocol';

const TITLE = 'Export Evidence Bundle: the audit period';
const CHOICES: { key: keyof BundlePeriods['choices']; label: string }[] = [
  { key: 'thisYear', label: 'This year' },
  { key: 'lastYear', label: 'Last year' },
  { key: 'last12Months', label: 'Last 12 months' },
];

/**
 * Asks the audit period: one of the server's (dates at its clock, in the plan's zone), or one
 * typed and checked as it is typed by the parser `cc7 export --period` uses. Resolves with
 * `START..END`; undefined when the user cancels.
 */
export async function pickPeriod(client: LanguageClient, folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const params: BundlePeriodsParams = { folder: folder.uri.toString() };
  const periods = await client.sendRequest<BundlePeriods>(Requests.bundlePeriods, params);
  const items: (vscode.QuickPickItem & { period?: string })[] = [
    ...CHOICES.map(({ key, label }) => ({ label, description: periods.choices[key], period: periods.choices[key] })),
    { label: 'Custom…', description: 'START..END' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: TITLE,
    placeHolder: `Dates are whole days in ${periods.zone}; deadlines are evaluated as of ${periods.asOf}`,
  });
  if (!picked || picked.period !== undefined) return picked?.period;
  const typed = await vscode.window.showInputBox({
    title: TITLE,
    prompt: 'START..END: dates (2026-01-01) or RFC 3339 times with an offset; both ends included',
    value: periods.choices.thisYear,
    validateInput: async (text) => {
      const check: ResolveBundlePeriodParams = { ...params, text };
      const resolved = await client.sendRequest<ResolvedBundlePeriod>(Requests.resolveBundlePeriod, check);
      return 'error' in resolved ? resolved.error : undefined;
    },
  });
  return typed?.trim();
}
