/**
 * Compiles the extension-host suites (test/e2e/suite) with esbuild into dist-test/suite: the
 * index VS Code loads as extensionTestsPath and one bundle per *.test.ts, which the index hands
 * to mocha. `vscode` is the extension host's own module; mocha is loaded from node_modules.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './scratch';

const SOURCE = path.join(REPO_ROOT, 'test', 'e2e', 'suite');
const OUT = path.join(REPO_ROOT, 'dist-test', 'suite');

/** Builds the suites; resolves to the compiled index (extensionTestsPath). */
export async function buildSuite(): Promise<string> {
  const tests = readdirSync(SOURCE).filter((name) => name.endsWith('.test.ts'));
  await build({
    entryPoints: ['index.ts', ...tests].map((name) => path.join(SOURCE, name)),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}
