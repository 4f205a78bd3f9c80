/**
 * The analysis workers of a language server are ended once idle (CC7_POOL_IDLE_MS, 10 s by
 * default) and started again by the next large re-analysis, whose findings are those of the
 * workers that were let go.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { identificationIncident } from '../support/documents';
import { ACME, ACME_FILES, ACME_NOW } from '../support/acme';
import { fileUri, LspClient } from '../support/lsp-client';

/** Enough files for the scan to use the workers (node/scan.ts POOL_THRESHOLD). */
const MORE_INCIDENTS = 300;

describe('language server over stdio: analysis workers let go when idle', function () {
  this.timeout(180_000);
  let root: string;
  let client: LspClient | undefined;

  before(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-idle-')));
    cpSync(ACME, root, { recursive: true });
    mkdirSync(path.join(root, 'incidents', 'more'));
    for (let n = 1; n <= MORE_INCIDENTS; n++) {
      const id = `INC-2025-${String(n).padStart(3, '0')}`;
      writeFileSync(path.join(root, 'incidents', 'more', `${id}.yaml`), identificationIncident(id, `Generated incident ${n}`));
    }
  });

  after(() => {
    client?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const waitForWorkers = async (running: (count: number) => boolean) => {
    const start = Date.now();
    while (!running((await client!.debugStats()).workers.running)) {
      if (Date.now() - start > 30_000) assert.fail('the workers did not come to the count expected within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('ends them after the scan, and a plan edit re-analysing everything starts others, with the same findings', async () => {
    client = await LspClient.start({ workspace: root, env: { CC7_DEBUG_STATS: '1', CC7_POOL_IDLE_MS: '300', CC7_NOW: ACME_NOW } });
    await client.waitForPublishedUris(ACME_FILES + MORE_INCIDENTS);
    const started = (await client.debugStats()).workers.started;
    assert.ok(started > 0, 'the scan ran on workers');
    await waitForWorkers((running) => running === 0);
    const uris = [...Array.from({ length: MORE_INCIDENTS }, (_, i) => path.join(root, 'incidents', 'more', `INC-2025-${String(i + 1).padStart(3, '0')}.yaml`)),
      path.join(root, 'incidents', 'INC-2026-011.yaml')].map(fileUri);
    const scanned = new Map(uris.map((uri) => [uri, client!.latest(uri)]));

    const plan = path.join(root, 'plan', 'response-plan.yaml');
    const uri = fileUri(plan);
    await client.open(plan, readFileSync(plan, 'utf8'));
    await client.waitForDiagnostics(uri, () => client!.diagnosticsHistory(uri).length === 2);
    const before = (await client.debugSettled()).analysed;
    // A regime removed, then typed back: every incident re-analysed twice (notification-deadline reads the regimes).
    for (const [snippet, text] of [['regimes: [gdpr-art33, gdpr-art34, us-ca, [[us-ny, ]]hipaa-individuals, customer-dpa]', ''], ['regimes: [gdpr-art33, gdpr-art34, us-ca, [[]]hipaa-individuals, customer-dpa]', 'us-ny, ']]) {
      const published = client.diagnosticsHistory(uri).length;
      await client.replace(uri, snippet, text);
      await client.waitForDiagnostics(uri, () => client!.diagnosticsHistory(uri).length > published);
      await client.debugSettled();
    }
    const stats = await client.debugStats();
    assert.ok(stats.analysed - before >= 2 * MORE_INCIDENTS, `${stats.analysed - before} analysed`);
    assert.ok(stats.workers.started > started, 'workers started again for the re-analyses');
    for (const [each, diagnostics] of scanned) assert.deepEqual(client.latest(each), diagnostics, each);
    assert.ok(scanned.get(uris[uris.length - 1]!)!.some((diagnostic) => diagnostic.code === 'notification-deadline'), 'INC-2026-011 keeps its GDPR finding');
    await waitForWorkers((running) => running === 0);
    assert.equal(await client.stop(), 0);
  });
});
