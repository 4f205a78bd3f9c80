/**
 * `npm run demo`: the packaged extension in VS Code (code-server), on examples/acme, for a
 * person to try. Installs code-server and Chromium's dependencies where missing (the e2e
 * install, cached), builds and packages the .vsix, installs it into a code-server whose state
 * (settings, extensions) persists under the cache folder, prints the address to open, and
 * runs until Ctrl+C. Deadlines are evaluated at examples/acme/EXPECTED.md's as-of time.
 * PORT picks the port (default: a free one).
 */
import * as path from 'node:path';
import { installExtension, startCodeServer } from '../test/e2e/harness/code-server';
import { installEditor } from '../test/e2e/harness/editor';
import { ACME_NOW, REPO_ROOT } from '../test/e2e/harness/scratch';
import { packageExtension } from '../test/e2e/harness/vsix';

async function main(): Promise<void> {
  const editor = installEditor();
  const vsix = packageExtension();
  const stateDir = path.join(editor.cache, 'demo');
  installExtension(editor, stateDir, vsix);
  const workspace = path.join(REPO_ROOT, 'examples', 'acme');
  const server = await startCodeServer({ editor, stateDir, workspace, env: { CC7_NOW: ACME_NOW }, port: process.env.PORT ? Number(process.env.PORT) : undefined });
  process.stdout.write(
    `\ncc7 demo: VS Code with the packaged extension, on examples/acme as of ${ACME_NOW}.\n` +
      `Open ${server.folderUrl(workspace)}\n` +
      `State (settings, extensions): ${stateDir}. Ctrl+C stops it.\n`,
  );
  const ended = await server.exited;
  throw new Error(`code-server ended (${ended})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
