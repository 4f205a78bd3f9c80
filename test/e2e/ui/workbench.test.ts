/**
 * What a user of the packaged extension sees in VS Code (code-server in Chromium) on a copy of
 * examples/acme at EXPECTED.md's as-of time: the explorer, quick open, the error squiggle and
 * its hover, the deadline inlay hint and the phase lens, the status bar's problem counts, the
 * Problems panel, the command palette.
 * The tests share one page and run in order, as a user would go. squiggle.png and
 * problems-panel.png are saved to test/artifacts/ whether their test passes or fails, and any
 * failing test leaves failure-<test>.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/scratch';
import { openWorkbench, type Workbench } from './support/workbench';

/** How long the workbench may take to show what a test waits for. */
const UI_TIMEOUT_MS = 60_000;
/** examples/acme/EXPECTED.md: 3 errors, 2 warnings, 1 info; VS Code's wording of the status item. */
const PROBLEM_COUNTS = 'Errors: 3, Warnings: 2, Infos: 1';
const ACME_RULES = ['notification-deadline', 'remediation-overdue', 'remediation-untracked', 'pir-deadline', 'timestamp-timezone'];
/** EXPECTED.md: the notification-deadline error sits on `notifications.aware_at`, line 69. */
const ERROR_FILE = 'INC-2026-011.yaml';
const ERROR_LINE = 69;

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The text of every row of the Problems panel. */
const problemRows = (page: Page) => page.locator('.markers-panel .monaco-list-row').allInnerTexts();

/** Opens a quick input with `key` (quick open, go to line, the command palette), types `text`, and waits for a row showing `row`. */
async function quickInput(page: Page, key: string, text: string, row = text): Promise<void> {
  await page.keyboard.press(key);
  await page.locator('.quick-input-widget input').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.type(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('the packaged extension in VS Code (code-server, UI)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) await workbench.screenshot(`failure-${slug(this.currentTest.title)}.png`);
  });
  after(async () => {
    await workbench?.close();
  });

  it('shows the workspace\'s folders in the explorer', async () => {
    await workbench.page.locator('.explorer-folders-view .monaco-list-row[aria-label="incidents"]').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it(`opens ${ERROR_FILE} with quick open (Ctrl+P)`, async () => {
    const { page } = workbench;
    await quickInput(page, 'Control+P', ERROR_FILE);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: ERROR_FILE }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('underlines the notification-deadline error with a squiggle', async () => {
    const { page } = workbench;
    try {
      await quickInput(page, 'Control+G', String(ERROR_LINE), `line ${ERROR_LINE}`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT_MS });
    } finally {
      await workbench.screenshot('squiggle.png');
    }
  });

  it('shows the error\'s rule id when hovering the squiggle', async () => {
    const { page } = workbench;
    // The countdown lens above aware_at moves the line down when it arrives: hover once it is drawn.
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'GDPR Art. 33' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The text above the decoration takes the pointer, as it does for a user: hover where the squiggle is.
    await page.locator('.monaco-editor .squiggly-error').first().hover({ force: true });
    // The finding, and cc7's own hover on the clock trigger: the deadline it starts and its verdict.
    const hover = page.locator('.monaco-hover', { hasText: 'notification-deadline' }).filter({ hasText: 'Due: 2026-11-26 09:30 UTC' });
    try {
      await hover.waitFor({ timeout: UI_TIMEOUT_MS });
    } finally {
      await workbench.screenshot('hover.png');
    }
  });

  it('shows the deadline after the clock trigger (inlay hint) and the phase above the incident (code lens)', async () => {
    const { page } = workbench;
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    try {
      await page.locator('.monaco-editor .view-line', { hasText: '→ GDPR Art. 33 due Thu 26 Nov 09:30 UTC, breached 2 h ago' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Control+Home');
      await page.locator('.monaco-editor .codelens-decoration', { hasText: 'investigation · 3 d 3 h old · next: investigation.root_cause' }).waitFor({ timeout: UI_TIMEOUT_MS });
    } finally {
      await workbench.screenshot('editor-lens.png');
    }
  });

  it(`counts the findings in the status bar (${PROBLEM_COUNTS})`, async () => {
    const item = workbench.page.locator('#status\\.problems');
    await item
      .and(workbench.page.locator(`[aria-label="${PROBLEM_COUNTS}"]`))
      .waitFor({ timeout: UI_TIMEOUT_MS })
      .catch(async () => assert.fail(`status bar: expected "${PROBLEM_COUNTS}", saw "${await item.getAttribute('aria-label')}"`));
  });

  it('lists every finding in the Problems panel (Ctrl+Shift+M)', async () => {
    const { page } = workbench;
    try {
      await page.keyboard.press('Control+Shift+M');
      for (const rule of ACME_RULES) {
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: rule })
          .first()
          .waitFor({ timeout: UI_TIMEOUT_MS })
          .catch(async () => assert.fail(`Problems panel: no row for ${rule}; it shows:\n${(await problemRows(page)).join('\n')}`));
      }
    } finally {
      await workbench.screenshot('problems-panel.png');
    }
  });

  it('offers cc7\'s commands in the command palette (F1)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { title: string; category?: string }[] } };
    const command = manifest.contributes.commands[0]!;
    const title = command.category ? `${command.category}: ${command.title}` : command.title;
    const { page } = workbench;
    await quickInput(page, 'F1', title);
    await page.keyboard.press('Escape');
  });
});
