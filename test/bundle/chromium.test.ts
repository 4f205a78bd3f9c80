/**
 * The bundle as the auditor opens it: index.html and an incident page in headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core, see E2E.md), from file:// URLs of the
 * extracted folder. Every link must resolve to a file of the bundle; screenshots are kept in
 * test/artifacts/.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { REPO_ROOT, runCli } from '../support/cli';
import { extractZip, tempDir } from '../support/bundle';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');

describe('bundle: pages in headless Chromium', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  let bundle: string;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    const workspace = tempDir('chromium');
    cpSync(path.join(REPO_ROOT, 'examples', 'acme'), workspace, { recursive: true });
    const out = path.join(tempDir('chromium-out'), 'acme.zip');
    const run = runCli(['export', '--out', out, '--as-of', '2026-11-26T12:00:00Z', '--period', '2026-01-01..2026-12-31'], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    bundle = await extractZip(out);
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(tempDir('chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await context?.close();
  });

  for (const [page, shot, heading] of [
    ['index.html', 'bundle-index.png', 'SOC 2 CC7 evidence bundle: Acme Cloud, Inc.'],
    ['incidents/INC-2026-011.html', 'bundle-incident.png', 'Incident INC-2026-011: '],
  ] as const) {
    it(`${page}: renders, and every link resolves inside the bundle`, async () => {
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      const response = await tab.goto(pathToFileURL(path.join(bundle, page)).href);
      assert.ok(response?.ok(), `${page} did not load`);
      assert.ok((await tab.locator('h1').innerText()).startsWith(heading));
      await tab.screenshot({ path: path.join(ARTIFACTS, shot), fullPage: true });
      const links = await tab.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as unknown as { href: string }).href));
      assert.ok(links.length > (page === 'index.html' ? 60 : 2), `${links.length} links`);
      for (const link of links) {
        const url = new URL(link);
        assert.equal(url.protocol, 'file:', `${link} leaves the bundle`);
        const target = fileURLToPath(url);
        assert.ok(target.startsWith(bundle + path.sep), `${link} points outside the bundle`);
        assert.ok(existsSync(target), `${link} does not resolve`);
        if (url.hash) {
          const other = await context.newPage();
          await other.goto(link);
          assert.equal(await other.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), 1, `${link}: no such anchor`);
          await other.close();
        }
      }
      // Offline: the page asked for nothing but itself.
      assert.deepEqual(requests.filter((url) => !url.startsWith('file://')), []);
      await tab.close();
    });
  }

  it('an incident page prints without its navigation', async () => {
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(path.join(bundle, 'incidents', 'INC-2026-005.html')).href);
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.locator('nav').isVisible(), false, 'the print style hides the navigation');
    await tab.close();
  });
});
