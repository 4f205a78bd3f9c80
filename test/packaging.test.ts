/**
 * What the .vsix holds (`npm run package`, vsce with .vscodeignore): the esbuild bundles the
 * extension runs (client, server, the analysis and bundle workers), the editor assets, the
 * rule docs, README and icons; no node_modules (the client bundle carries its dependencies), no sources, no tests, no source
 * maps. The list is vsce's own (`listFiles`), so it is what `vsce package` would zip from the
 * built tree (`npm run build` first). The packaged size is checked where the .vsix is built
 * and installed: test/e2e/ui/.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const ROOT = path.join(__dirname, '..');

const filesUnder = (dir: string): string[] => readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}`);

describe('packaging (.vsix contents)', () => {
  let packaged: string[];

  before(async () => {
    packaged = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map((file) => file.split(path.sep).join('/'));
  });

  it('holds the bundles the extension runs, the editor assets, the rule docs, README and icons', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; icon: string };
    const expected = [
      'package.json',
      'README.md',
      path.posix.normalize(manifest.main),
      'dist/server.js',
      'dist/worker.js',
      // The server's export (the VS Code command) analyses large workspaces on it.
      'dist/bundle-worker.js',
      manifest.icon,
      'resources/cc7-activity.svg',
      ...filesUnder('schemas'),
      ...filesUnder('snippets'),
      ...filesUnder('syntaxes'),
      ...filesUnder('docs/rules'),
    ];
    assert.deepEqual(expected.filter((file) => !packaged.includes(file)), [], 'files missing from the .vsix');
  });

  it('leaves out node_modules, sources, tests, examples, source maps and the CLI', () => {
    const unwanted = packaged.filter((file) =>
      /^(node_modules|server|client|test|dist-test|bench|scripts|examples|bin|\.ci)\//.test(file) || /\.(ts|map)$/.test(file) || file === 'dist/cli.js',
    );
    assert.deepEqual(unwanted, []);
  });
});
