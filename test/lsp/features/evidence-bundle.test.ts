/**
 * cc7.server.exportBundle, cc7.server.verifyBundle, cc7/bundlePeriods and
 * cc7/resolveBundlePeriod over real JSON-RPC (stdio) on a copy of examples/acme: the server
 * runs the CLI's own export at its clock, so the zip is byte for byte what `cc7 export` writes
 * with the same period and as-of; progress comes as work-done reports; a cancelled export
 * leaves nothing; credentials, existing files and tampered bundles are answered as data.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { ACME_FILES, ACME_NOW, acmeServers } from '../../support/acme';
import { readZip, rezip, tempDir } from '../../support/bundle';
import { runCli } from '../../support/cli';
import { fileUri, type LspClient, type WorkDoneProgressValue } from '../../support/lsp-client';
import {
  Requests, ServerCommands,
  type BundlePeriods, type ExportBundleArgs, type ExportBundleResult, type ResolvedBundlePeriod, type VerifyBundleArgs, type VerifyBundleResult,
} from '../../../server/src/protocol';

const AWS_KEY = 'AKIAZ7Q3EXAMPLE5K2LM';

describe('LSP cc7.server.exportBundle and verifyBundle', () => {
  const acme = acmeServers();
  let client: LspClient;
  let root: string;
  let out: string;

  beforeEach(async () => {
    root = acme.copy();
    out = tempDir('lsp-bundle');
    client = await acme.start(root);
  });

  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const exportBundle = (args: ExportBundleArgs, token?: CancellationTokenSource) =>
    client.executeCommandWithProgress<ExportBundleResult>(ServerCommands.exportBundle, [args], token?.token);
  const verifyBundle = (args: VerifyBundleArgs) => client.executeCommandWithProgress<VerifyBundleResult>(ServerCommands.verifyBundle, [args]);
  const messages = (progress: WorkDoneProgressValue[]) => progress.flatMap((value) => (value.kind === 'end' || !value.message ? [] : [value.message]));

  it('offers this year, last year and the last 12 months at the server clock, in the plan zone', async () => {
    const periods = await client.request<BundlePeriods>(Requests.bundlePeriods, { folder: fileUri(root) });
    assert.deepEqual(periods, {
      asOf: ACME_NOW,
      zone: 'America/New_York',
      choices: { thisYear: '2026-01-01..2026-12-31', lastYear: '2025-01-01..2025-12-31', last12Months: '2025-11-27..2026-11-26' },
    });
  });

  it('checks a typed period with the CLI parser, in the plan zone', async () => {
    const resolve = (text: string) => client.request<ResolvedBundlePeriod>(Requests.resolveBundlePeriod, { text });
    assert.deepEqual(await resolve('2026-07-01..2026-09-30'), { text: '2026-07-01..2026-09-30', start: '2026-07-01T04:00:00Z', end: '2026-10-01T03:59:59.999Z' });
    assert.deepEqual(await resolve('2026'), { error: 'invalid period "2026": use START..END, e.g. 2026-01-01..2026-12-31' });
    assert.deepEqual(await resolve('2026-12-31..2026-01-01'), { error: 'invalid period "2026-12-31..2026-01-01": it ends before it starts' });
  });

  it('writes the bytes cc7 export writes for the same period and as-of, reporting each stage', async () => {
    const zip = path.join(out, 'editor.zip');
    const { result, progress } = await exportBundle({ folder: fileUri(root), out: fileUri(zip), period: '2026-01-01..2026-12-31' });
    assert.equal(result.status, 'written', JSON.stringify(result));
    if (result.status !== 'written') return;
    assert.equal(result.uri, fileUri(zip));
    assert.equal(result.asOf, ACME_NOW);
    assert.deepEqual(result.counts, { incidents: 12, securityEvents: 8, tabletopExercises: 2, runbooks: 3, responsePlans: 1 });

    const cliZip = path.join(out, 'cli.zip');
    const run = runCli(['export', '--workspace', root, '--out', cliZip, '--period', result.period.text, '--as-of', result.asOf], { cwd: out });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(zip).equals(readFileSync(cliZip)), 'the editor and the CLI wrote different bytes');

    assert.deepEqual(progress[0], { kind: 'begin', title: 'Exporting the evidence bundle', percentage: 0, cancellable: true });
    assert.deepEqual(progress.at(-1), { kind: 'end' });
    const said = messages(progress);
    for (const expected of ['Listing the workspace', `Checking files: ${ACME_FILES} of ${ACME_FILES}`, 'Reading the git history', 'Writing the bundle: 26 of 26 records']) {
      assert.ok(said.includes(expected), `no "${expected}" in ${JSON.stringify(said)}`);
    }
    const percentages = progress.flatMap((value) => (value.kind === 'report' && value.percentage !== undefined ? [value.percentage] : []));
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage never goes back');
  });

  it('cancelled as soon as it is sent: answers cancelled and leaves no file behind', async () => {
    const source = new CancellationTokenSource();
    const pending = exportBundle({ out: fileUri(path.join(out, 'cancelled.zip')) }, source);
    source.cancel();
    const { result } = await pending;
    assert.deepEqual(result, { status: 'cancelled' });
    assert.deepEqual(readdirSync(out), [], 'neither the zip nor its temporary file is left');
  });

  /** Runs an export of the whole workspace, calling `onChecking` once, at its first "Checking files" report. */
  const exportChecking = (onChecking: () => void, token?: CancellationTokenSource) => {
    let checking = false;
    return client.executeCommandWithProgress<ExportBundleResult>(ServerCommands.exportBundle, [{ out: fileUri(path.join(out, 'bundle.zip')) }], token?.token, (value) => {
      if (checking || value.kind !== 'report' || !value.message?.startsWith('Checking files')) return;
      checking = true;
      onChecking();
    });
  };
  const exportProcesses = () => client.children().filter((child) => child.command.includes('--bundle-task'));

  it('runs in a child process, the server answering meanwhile; a cancel on the way stops it, leaving nothing', async () => {
    const source = new CancellationTokenSource();
    let during: { processes: number; symbols: Promise<unknown[]> } | undefined;
    const { result } = await exportChecking(() => {
      during = { processes: exportProcesses().length, symbols: client.workspaceSymbols('INC-2026-011') };
      source.cancel();
    }, source);
    assert.equal(during?.processes, 1, 'one export process while it checks the files');
    assert.equal((await during.symbols).length, 1, 'the server answered a request during the export');
    assert.deepEqual(result, { status: 'cancelled' });
    assert.deepEqual(readdirSync(out), [], 'neither the zip nor its temporary file is left');
    assert.deepEqual(exportProcesses(), [], 'the export process ended before the answer');
  });

  it('answers an error, and keeps running, when the export process dies', async () => {
    const { result } = await exportChecking(() => {
      for (const { pid } of exportProcesses()) process.kill(pid, 'SIGKILL');
    });
    assert.deepEqual(result, { status: 'error', message: 'the export stopped before it finished (SIGKILL)' });
    assert.deepEqual(readdirSync(out), [], 'no zip');
    assert.equal((await client.workspaceSymbols('INC-2026-011')).length, 1, 'the server still answers');
  });

  it('refuses credentials with each file, line and URI, and writes with redact', async () => {
    const event = path.join(root, 'events', 'EVT-2026-0099.yaml');
    writeFileSync(event, ['apiVersion: cc7/v1', 'kind: SecurityEvent', 'id: EVT-2026-0099', `title: Key ${AWS_KEY} in a log`,
      'detected_at: 2026-10-01T10:00:00Z', 'detection_source: siem-alert',
      'triage: { assessed_at: 2026-10-01T11:00:00Z, assessed_by: erin@acme.io, outcome: false-positive, rationale: Test key }', ''].join('\n'));
    const zip = path.join(out, 'secrets.zip');
    const { result: refused } = await exportBundle({ out: fileUri(zip) });
    assert.deepEqual(refused, {
      status: 'blocked-by-secrets',
      secrets: [{ file: 'events/EVT-2026-0099.yaml', line: 4, kind: 'AWS access key id', masked: 'AKIA…', uri: fileUri(event) }],
    });
    assert.deepEqual(readdirSync(out), []);

    const { result: redacted } = await exportBundle({ out: fileUri(zip), redact: true });
    assert.equal(redacted.status, 'written');
    const entries = await readZip(zip);
    assert.match(entries.get('events/EVT-2026-0099.yaml')!.toString('utf8'), /^title: Key REDACTED in a log$/m);
  });

  it('keeps an existing file unless told to replace it', async () => {
    const zip = path.join(out, 'existing.zip');
    writeFileSync(zip, 'not a bundle');
    const { result: kept } = await exportBundle({ out: fileUri(zip) });
    assert.deepEqual(kept, { status: 'error', message: `${zip} exists: pass --force to replace it` });
    assert.equal(readFileSync(zip, 'utf8'), 'not a bundle');
    const { result: replaced } = await exportBundle({ out: fileUri(zip), force: true });
    assert.equal(replaced.status, 'written');
    assert.ok((await readZip(zip)).has('index.html'));
  });

  it('refuses a folder that is not a workspace folder', async () => {
    const { result } = await exportBundle({ folder: fileUri(out), out: fileUri(path.join(out, 'x.zip')) });
    assert.deepEqual(result, { status: 'error', message: `${out} is not a workspace folder.` });
  });

  it('verifies the zip it wrote, and names the changed entry of a tampered copy', async () => {
    const zip = path.join(out, 'good.zip');
    assert.equal((await exportBundle({ out: fileUri(zip) })).result.status, 'written');
    const { result: good, progress } = await verifyBundle({ file: fileUri(zip) });
    assert.equal(good.status, 'verified', JSON.stringify(good));
    assert.deepEqual(messages(progress).at(-1), 'Checking the signature');

    // One byte of one entry changed, the zip written again around it.
    const bytes = readFileSync(zip);
    const tampered = path.join(out, 'tampered.zip');
    const entries = await readZip(zip);
    const page = entries.get('incidents/INC-2026-011.html')!;
    entries.set('incidents/INC-2026-011.html', Buffer.concat([page.subarray(0, 100), Buffer.from('X'), page.subarray(101)]));
    await rezip(entries, tampered);
    assert.ok(!readFileSync(tampered).equals(bytes));
    const { result: bad } = await verifyBundle({ file: fileUri(tampered) });
    assert.equal(bad.status, 'failed');
    if (bad.status !== 'failed') return;
    assert.deepEqual([bad.changed, bad.missing, bad.extra], [['incidents/INC-2026-011.html'], [], []]);
  });
});

