/**
 * One workbench for a UI test file: the packaged .vsix installed into a fresh code-server (not
 * the development payload; the UI root hook packages it), a fresh copy of examples/acme open at EXPECTED.md's as-of time,
 * and Chromium on the page. Screenshots go to test/artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from '../../harness/browser';
import { installExtension, startCodeServer, type CodeServer } from '../../harness/code-server';
import { installEditor } from '../../harness/editor';
import { ACME_NOW, REPO_ROOT, copyExample, removeDirs, scratchDir } from '../../harness/scratch';
import { packagedVsix } from '../../harness/vsix';

const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');

export interface Workbench {
  page: Page;
  /** The copy of examples/acme the workbench has open. */
  workspace: string;
  /** Saves a screenshot of the page as test/artifacts/<name>; resolves to its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorkbench(): Promise<Workbench> {
  const editor = installEditor();
  const workspace = copyExample('acme');
  const stateDir = scratchDir('ui-state');
  const profileDir = scratchDir('ui-browser');
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    removeDirs([workspace, stateDir, profileDir]);
  };
  try {
    installExtension(editor, stateDir, packagedVsix());
    server = await startCodeServer({ editor, stateDir, workspace, env: { CC7_NOW: ACME_NOW } });
    browser = await openBrowser(editor.chromium, profileDir);
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(server.folderUrl(workspace));
    await page.locator('.monaco-workbench').waitFor();
    const screenshot = async (name: string) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, name);
      await page.screenshot({ path: file });
      return file;
    };
    return { page, workspace, screenshot, close };
  } catch (error) {
    await close();
    throw error;
  }
}
