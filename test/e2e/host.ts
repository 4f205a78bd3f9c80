/**
 * Runs the extension-host suites (test/e2e/suite/*.test.ts) inside real VS Code: code-server's
 * workbench in Chromium, started as an extension development host whose development payload
 * names this repository (extensionDevelopmentPath) and the compiled test index
 * (extensionTestsPath), as @vscode/test-electron would on the desktop. Mocha's output arrives
 * through codeAutomationLog, the exit code through codeAutomationExit; the counts through the
 * file CC7_E2E_RESULTS names. The workspace is a fresh copy of examples/acme, evaluated at
 * EXPECTED.md's as-of time (CC7_NOW).
 *
 * Usage: tsx test/e2e/host.ts   (after `npm run build`: the extension runs from dist/)
 * A suite that cannot start (install, build, code-server, browser) counts as one failure, with
 * its reason on one line.
 */
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { openBrowser } from './harness/browser';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { readCounts, type Counts } from './harness/counts';
import { installEditor } from './harness/editor';
import { prepareHostRun, runHostSuites } from './harness/host-run';
import { REPO_ROOT, scratchDir } from './harness/scratch';

const LABEL = 'extension host (code-server)';
const RUN_TIMEOUT_MS = 180_000;

/**
 * One entry of the workbench's automation log: mocha's lines (printf-style arguments) and the
 * workbench's own messages; of an error, its first line (failed extension-gallery look-ups are
 * expected here: there is no network).
 */
function printLog(type: string, args: unknown[]): void {
  const text = format(...(args as [unknown, ...unknown[]]));
  process.stdout.write(type === 'error' ? `[workbench error] ${text.split('\n')[0]}\n` : `${text}\n`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runSuites(scratch: string[]): Promise<Counts> {
  const editor = installEditor();
  const { testsPath, workspace, stateDir, resultsFile, env } = await prepareHostRun('host-state', scratch);
  const profileDir = scratchDir('host-browser');
  scratch.push(profileDir);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    server = await startCodeServer({ editor, stateDir, workspace, env });
    browser = await openBrowser(editor.chromium, profileDir);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => {
      exit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', printLog);
    await page.goto(server.extensionTestsUrl(workspace, REPO_ROOT, testsPath));
    const code = await withTimeout(exited, RUN_TIMEOUT_MS, `the extension-host tests did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
    const counts = readCounts(resultsFile);
    if (!counts) throw new Error(`the extension host exited with ${code} before the test index wrote its results (did the suite load?)`);
    return counts;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

void runHostSuites(LABEL, runSuites);
