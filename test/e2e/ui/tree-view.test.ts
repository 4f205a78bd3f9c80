/**
 * The CC7 Incidents view as a user meets it in the packaged extension (code-server, UI): its
 * activity-bar icon, the rows of examples/acme at EXPECTED.md's as-of time, the status bar
 * item. tree-view.png is saved to test/artifacts/ whether the test passes or fails.
 */
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './support/workbench';

const UI_TIMEOUT_MS = 60_000;
/** Rows a user sees without expanding anything (Closed starts collapsed). */
const ROWS = [
  'Open incidents (6)',
  'investigation (1)',
  'INC-2026-011 · Hijacked support agent session used to export EU support tickets',
  'Deadlines (1)',
  'GDPR Art. 33 · INC-2026-011 · 2 h overdue',
  'Remediation (9)',
  'Closed (6)',
];

const treeRow = (page: Page, text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();

/** Drags the side bar's edge (its sash) to the right, as a user would to read whole titles, and moves the pointer off the icons. */
async function widenSideBar(page: Page): Promise<void> {
  const side = await page.locator('.part.sidebar').boundingBox();
  if (!side) return;
  const edge = side.x + side.width;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6 || box.height < side.height / 2) continue;
    const x = box.x + box.width / 2;
    const y = side.y + side.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 420, y, { steps: 10 });
    await page.mouse.up();
    break;
  }
  await page.mouse.move(edge + 700, side.y + side.height / 2);
}

describe('the CC7 Incidents view (code-server, UI)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('opens from its activity-bar icon and shows the open incidents, deadlines, remediation and closed', async () => {
    const { page } = workbench;
    try {
      await page.locator('.activitybar .action-item a[aria-label^="CC7 Incidents"]').click({ timeout: UI_TIMEOUT_MS });
      for (const text of ROWS) await treeRow(page, text).waitFor({ timeout: UI_TIMEOUT_MS });
      await widenSideBar(page);
    } finally {
      await workbench.screenshot('tree-view.png');
    }
  });

  it('counts open incidents and breached deadlines in the status bar', async () => {
    await workbench.page.locator('.statusbar-item', { hasText: '6 open · 1 breached' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
