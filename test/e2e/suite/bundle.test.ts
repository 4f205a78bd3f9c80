/**
 * cc7.exportEvidenceBundle and cc7.verifyEvidenceBundle in the real editor, answered as a user
 * would (the quick pick, the save and open dialogs, the notifications' buttons stubbed): the
 * zip is byte for byte what `cc7 export` writes with the same period and as-of; a cancel leaves
 * nothing; a credential is refused with links to its line, then masked on request; an existing
 * file is replaced only when the user agrees; verify passes on the zip and names the entry
 * changed in a tampered copy.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportBundleResult, VerifyBundleResult } from '../../../server/src/protocol';
import { readZip, rezip } from '../../support/bundle';
import { cc7ApiOnAcme } from './support/cc7';
import { waitForDiagnostics } from './support/diagnostics';
import { cc7Extension, workspaceFile } from './support/extension';
import { deferred, Stubs } from './support/stubs';

/** examples/acme at EXPECTED.md's as-of (the runner's CC7_NOW): this year in the plan's zone. */
const THIS_YEAR = '2026-01-01..2026-12-31';
const AWS_KEY = 'AKIAZ7Q3EXAMPLE5K2LM';
const WAIT_MS = 30_000;

type Written = Extract<ExportBundleResult, { status: 'written' }>;

describe('evidence bundle commands', () => {
  const stubs = new Stubs();
  let out: string;
  /** Every message the commands showed, with the buttons offered. */
  let shown: { message: string; items: unknown[] }[];

  before(cc7ApiOnAcme);

  beforeEach(() => {
    out = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-e2e-bundle-')));
    shown = [];
    // Notifications answer nothing unless a test says otherwise.
    for (const method of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
      stubs.replace(vscode.window, method, (async (message: string, ...items: unknown[]) => {
        shown.push({ message, items });
        return undefined;
      }) as never);
    }
  });

  afterEach(() => {
    stubs.restore();
    rmSync(out, { recursive: true, force: true });
  });

  /** Stubs one kind of message to answer `answer` to messages matching `pattern`, resolving `seen` with the message. */
  function answer(method: 'showInformationMessage' | 'showWarningMessage', pattern: RegExp, reply: string) {
    const seen = deferred<string>(WAIT_MS, `a message matching ${pattern}`);
    stubs.replace(vscode.window, method, (async (message: string, ...items: unknown[]) => {
      shown.push({ message, items });
      if (!pattern.test(message)) return undefined;
      seen.resolve(message);
      return reply;
    }) as never);
    return seen.promise;
  }

  /** `cc7 export --workspace <the workspace> ...args` with the extension's own CLI bundle. */
  function cc7Export(args: string[]): void {
    const cli = path.join(cc7Extension().extensionPath, 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'export', '--workspace', workspaceFile('.').fsPath, ...args],
      // Desktop VS Code's extension host runs in Electron: it is node only with ELECTRON_RUN_AS_NODE.
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.equal(run.status, 0, run.stderr);
  }

  const exportBundle = (options: { period?: string; out?: vscode.Uri } = {}) =>
    vscode.commands.executeCommand<ExportBundleResult | undefined>('cc7.exportEvidenceBundle', options);
  const written = (result: ExportBundleResult | undefined): Written => {
    assert.equal(result?.status, 'written', JSON.stringify(result));
    return result as Written;
  };

  it('asks the period and the file, shows the stages, and writes the bytes `cc7 export` writes', async () => {
    let offered: readonly vscode.QuickPickItem[] = [];
    stubs.replace(vscode.window, 'showQuickPick', (async (items: readonly vscode.QuickPickItem[]) => {
      offered = items;
      return items.find((item) => item.label === 'This year');
    }) as never);
    let suggested: vscode.Uri | undefined;
    const zip = vscode.Uri.file(path.join(out, 'editor.zip'));
    stubs.replace(vscode.window, 'showSaveDialog', (async (options: vscode.SaveDialogOptions) => {
      suggested = options.defaultUri;
      return zip;
    }) as never);
    const reports: string[] = [];
    const withProgress = vscode.window.withProgress;
    stubs.replace(vscode.window, 'withProgress', ((options, task) => withProgress(options, (progress, token) => task({
      report: (value) => {
        if (value.message) reports.push(value.message);
        progress.report(value);
      },
    }, token))) as typeof vscode.window.withProgress);

    const result = written(await vscode.commands.executeCommand<ExportBundleResult>('cc7.exportEvidenceBundle'));
    assert.deepEqual(offered.map((item) => `${item.label} ${item.description}`),
      [`This year ${THIS_YEAR}`, 'Last year 2025-01-01..2025-12-31', 'Last 12 months 2025-11-27..2026-11-26', 'Custom… START..END']);
    assert.equal(suggested?.toString(), workspaceFile('cc7-evidence-2026-01-01_2026-12-31.zip').toString());
    assert.deepEqual([result.uri, result.period.text, result.asOf], [zip.toString(), THIS_YEAR, '2026-11-26T12:00:00Z']);
    for (const stage of ['Listing the workspace', 'Checking files: 26 of 26', 'Writing the bundle: 26 of 26 records']) {
      assert.ok(reports.includes(stage), `the notification never said "${stage}": ${JSON.stringify(reports)}`);
    }
    assert.match(shown.at(-1)!.message, /^Wrote .*editor\.zip, 2026-01-01\.\.2026-12-31 as of 2026-11-26T12:00:00Z: 12 incidents, 8 security events, 2 tabletop exercises; 3 errors, 2 warnings, \d+ gaps\.$/);
    assert.deepEqual(shown.at(-1)!.items, ['Open index.html', 'Reveal in Folder']);

    const cliZip = path.join(out, 'cli.zip');
    cc7Export(['--out', cliZip, '--period', result.period.text, '--as-of', result.asOf]);
    assert.ok(readFileSync(zip.fsPath).equals(readFileSync(cliZip)), 'the command and the CLI wrote different bytes');
  });

  it('checks a custom period with the CLI\'s parser as it is typed, and names the file after it', async () => {
    stubs.replace(vscode.window, 'showQuickPick', (async (items: readonly vscode.QuickPickItem[]) => items.find((item) => item.label === 'Custom…')) as never);
    const verdicts: (string | undefined)[] = [];
    stubs.replace(vscode.window, 'showInputBox', (async (options: vscode.InputBoxOptions) => {
      for (const typed of ['2026', '2026-09-30..2026-07-01', '2026-07-01..2026-09-30']) verdicts.push(await options.validateInput!(typed) as string | undefined);
      return '2026-07-01..2026-09-30';
    }) as never);
    let suggested: vscode.Uri | undefined;
    stubs.replace(vscode.window, 'showSaveDialog', (async (options: vscode.SaveDialogOptions) => {
      suggested = options.defaultUri;
      return undefined;
    }) as never);
    assert.equal(await vscode.commands.executeCommand('cc7.exportEvidenceBundle'), undefined, 'the user closed the save dialog');
    assert.deepEqual(verdicts, [
      'invalid period "2026": use START..END, e.g. 2026-01-01..2026-12-31',
      'invalid period "2026-09-30..2026-07-01": it ends before it starts',
      undefined,
    ]);
    assert.equal(suggested?.toString(), workspaceFile('cc7-evidence-2026-07-01_2026-09-30.zip').toString());
  });

  it('"Open index.html" opens the bundle\'s own index.html, extracted outside the workspace, in the browser', async () => {
    const opened = deferred<vscode.Uri>(WAIT_MS, 'vscode.env.openExternal');
    stubs.replace(vscode.env, 'openExternal', (async (uri: vscode.Uri) => {
      opened.resolve(uri);
      return true;
    }) as never);
    const wrote = answer('showInformationMessage', /^Wrote /, 'Open index.html');
    const zip = vscode.Uri.file(path.join(out, 'open.zip'));
    written(await exportBundle({ period: THIS_YEAR, out: zip }));
    await wrote;
    const index = await opened.promise;
    assert.equal(index.scheme, 'file');
    assert.equal(path.basename(index.fsPath), 'index.html');
    assert.ok(!index.fsPath.startsWith(workspaceFile('.').fsPath + path.sep), `${index.fsPath} is inside the workspace`);
    assert.ok(readFileSync(index.fsPath).equals((await readZip(zip.fsPath)).get('index.html')!), 'index.html differs from the zip\'s');
  });

  it('a cancel leaves no file behind', async () => {
    // The user presses Cancel as soon as the notification shows the server's first report.
    stubs.replace(vscode.window, 'withProgress', ((_options, task) => {
      const cancel = new vscode.CancellationTokenSource();
      return task({ report: () => cancel.cancel() }, cancel.token);
    }) as typeof vscode.window.withProgress);
    const result = await exportBundle({ period: THIS_YEAR, out: vscode.Uri.file(path.join(out, 'cancelled.zip')) });
    assert.deepEqual(result, { status: 'cancelled' });
    assert.deepEqual(readdirSync(out), [], 'neither the zip nor its temporary file is left');
    assert.match(shown.at(-1)!.message, /^Export cancelled: .*cancelled\.zip was not written\.$/);
  });

  it('replaces an existing file only when the user agrees', async () => {
    const zip = vscode.Uri.file(path.join(out, 'existing.zip'));
    writeFileSync(zip.fsPath, 'an older file');
    assert.equal(await exportBundle({ period: THIS_YEAR, out: zip }), undefined);
    assert.match(shown.at(-1)!.message, /existing\.zip exists\. Replace it\?$/);
    assert.equal(readFileSync(zip.fsPath, 'utf8'), 'an older file');

    void answer('showWarningMessage', /exists\. Replace it\?$/, 'Replace');
    written(await exportBundle({ period: THIS_YEAR, out: zip }));
    assert.ok((await readZip(zip.fsPath)).has('index.html'));
  });

  it('refuses a credential, linking its line, and "Export with Redaction" masks it in the bundle', async () => {
    const event = workspaceFile('events/EVT-2026-0099.yaml');
    writeFileSync(event.fsPath, ['apiVersion: cc7/v1', 'kind: SecurityEvent', 'id: EVT-2026-0099', `title: Key ${AWS_KEY} in a log`,
      'detected_at: 2026-10-01T10:00:00Z', 'detection_source: siem-alert',
      'triage: { assessed_at: 2026-10-01T11:00:00Z, assessed_by: erin@acme.io, outcome: false-positive, rationale: Test key }', ''].join('\n'));
    try {
      const refused = answer('showWarningMessage', /^Export refused/, 'Export with Redaction');
      const zip = vscode.Uri.file(path.join(out, 'redacted.zip'));
      const result = written(await exportBundle({ period: THIS_YEAR, out: zip }));
      assert.equal(await refused, 'Export refused: 1 value looks like a credential (secret-in-record) at '
        + `[events/EVT-2026-0099.yaml:4](${event.with({ fragment: 'L4' }).toString()}). Remove and rotate them, or export with each masked as REDACTED in every copy.`);
      assert.equal(result.redacted, true);
      assert.match((await readZip(zip.fsPath)).get('events/EVT-2026-0099.yaml')!.toString('utf8'), /^title: Key REDACTED in a log$/m);
    } finally {
      // The server has seen the file before it goes, so its findings go with it (later suites count findings).
      await waitForDiagnostics(event, (seen) => seen.some((finding) => finding.rule === 'secret-in-record'), 'the secret-in-record finding');
      rmSync(event.fsPath);
      await waitForDiagnostics(event, (seen) => seen.length === 0, 'no findings for the removed file');
    }
  });

  it('verify passes on the zip, with its counts, and names the entry changed in a tampered copy', async () => {
    const zip = vscode.Uri.file(path.join(out, 'verify.zip'));
    written(await exportBundle({ period: THIS_YEAR, out: zip }));
    stubs.replace(vscode.window, 'showOpenDialog', (async () => [zip]) as never);
    const good = await vscode.commands.executeCommand<VerifyBundleResult>('cc7.verifyEvidenceBundle');
    assert.equal(good.status, 'verified', JSON.stringify(good));
    assert.match(shown.at(-1)!.message, /^.*verify\.zip verified: \d+ files match SHA256SUMS and manifest\.json; not signed\.$/);

    const entries = await readZip(zip.fsPath);
    const page = entries.get('incidents/INC-2026-011.html')!;
    entries.set('incidents/INC-2026-011.html', Buffer.concat([page.subarray(0, 100), Buffer.from('X'), page.subarray(101)]));
    const tampered = path.join(out, 'tampered.zip');
    await rezip(entries, tampered);
    const bad = await vscode.commands.executeCommand<VerifyBundleResult>('cc7.verifyEvidenceBundle', { file: vscode.Uri.file(tampered) });
    assert.equal(bad.status, 'failed');
    assert.match(shown.at(-1)!.message, /tampered\.zip FAILED verification: changed incidents\/INC-2026-011\.html\.$/);
    assert.ok(existsSync(tampered));
  });

  it('a signed bundle: "Check Signer…" checks its signer against the allowed signers picked', async () => {
    const key = path.join(out, 'alice');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@test.io', '-f', key]);
    const signers = path.join(out, 'allowed_signers');
    writeFileSync(signers, `alice@test.io namespaces="cc7-bundle" ${readFileSync(`${key}.pub`, 'utf8')}`);
    const zip = path.join(out, 'signed.zip');
    cc7Export(['--out', zip, '--period', THIS_YEAR, '--sign', key]);

    const checked = deferred<string>(WAIT_MS, 'the second verification, naming the signer');
    stubs.replace(vscode.window, 'showInformationMessage', (async (message: string, ...items: unknown[]) => {
      shown.push({ message, items });
      if (message.endsWith('the signer was not checked against allowed signers.')) return 'Check Signer…';
      if (message.includes('signed by')) checked.resolve(message);
      return undefined;
    }) as never);
    stubs.replace(vscode.window, 'showOpenDialog', (async () => [vscode.Uri.file(signers)]) as never);
    const first = await vscode.commands.executeCommand<VerifyBundleResult>('cc7.verifyEvidenceBundle', { file: vscode.Uri.file(zip) });
    assert.equal(first.status === 'verified' && first.signature.status, 'valid-unchecked', JSON.stringify(first));
    assert.match(await checked.promise, /signed\.zip verified: \d+ files match SHA256SUMS and manifest\.json; signed by alice@test\.io\.$/);
  });
});
