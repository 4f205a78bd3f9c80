/**
 * cc7/debug/settled (CC7_DEBUG_STATS=1), what the benchmark times plan edits with: after a plan
 * edit, it answers only once every document the edit outdated has been re-analysed (in the
 * background) and published.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ACME, ACME_FILES } from '../support/acme';
import { fileUri, LspClient } from '../support/lsp-client';

const INCIDENTS = 12;

describe('language server over stdio: cc7/debug/settled', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-settled-')));
    cpSync(ACME, root, { recursive: true });
  });

  afterEach(() => {
    client?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers once a plan edit's re-analyses are all done: every incident, for a regime removed", async () => {
    client = await LspClient.start({ workspace: root, env: { CC7_DEBUG_STATS: '1' } });
    await client.waitForPublishedUris(ACME_FILES);
    const plan = path.join(root, 'plan', 'response-plan.yaml');
    const uri = fileUri(plan);
    // Published by the scan; then once more when opened.
    await client.open(plan, readFileSync(plan, 'utf8'));
    await client.waitForDiagnostics(uri, () => client!.diagnosticsHistory(uri).length === 2);
    const before = (await client.debugSettled()).analysed;
    assert.equal(client.diagnosticsHistory(uri).length, 2, 'an opened document is checked and published once');

    const published = client.diagnosticsHistory(uri).length;
    await client.replace(uri, 'regimes: [gdpr-art33, gdpr-art34, us-ca, [[us-ny, ]]hipaa-individuals, customer-dpa]', '');
    await client.waitForDiagnostics(uri, () => client!.diagnosticsHistory(uri).length > published);
    const settled = await client.debugSettled();
    // The plan itself, then every incident (notification-deadline reads the regimes).
    assert.ok(settled.analysed - before >= INCIDENTS + 1, `${settled.analysed - before} analysed`);
    assert.equal((await client.debugStats()).analysed, settled.analysed, 'nothing left to analyse after it answered');
    assert.equal(await client.stop(), 0);
  });
});
