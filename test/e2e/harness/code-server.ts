/**
 * code-server under Node 24: VS Code's workbench served on 127.0.0.1 with its real Node
 * extension host. Every run has its own state folder (config file, user data with seeded
 * settings, extensions, code-server's own logs), so nothing is read from or written to
 * ~/.config or ~/.local.
 * The server and everything it starts (extension host, our language server) form one process
 * group, which `stop()` ends, and which is killed when this process exits or is interrupted
 * (SIGINT, SIGTERM) without stopping it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import * as path from 'node:path';
import type { Editor } from './editor';

export interface CodeServer {
  /** The workbench with `folder` open. */
  folderUrl(folder: string): string;
  /** The workbench as a development host running extension tests (needs the smoke-test driver option). */
  extensionTestsUrl(folder: string, extensionDevelopmentPath: string, extensionTestsPath: string): string;
  /** Resolves with the exit code (or signal, or spawn error) when code-server ends, whoever ends it. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  editor: Editor;
  /** Holds config.yaml, user-data/ and extensions/; created when missing. */
  stateDir: string;
  /** The folder the workbench opens by default. */
  workspace: string;
  /** Added to code-server's environment: they reach the extension host and the language server. */
  env?: Record<string, string>;
  /** A fixed port (the demo); by default a free one. */
  port?: number;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Settings a new profile starts with (an existing one, the demo's, is kept): no telemetry, welcome page, update checks or AI features. */
const SEEDED_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'github.gitAuthentication': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The sticky header would cover the line the UI tests hover.
  'editor.stickyScroll.enabled': false,
};

function stateLayout(stateDir: string) {
  return {
    config: path.join(stateDir, 'config.yaml'),
    userData: path.join(stateDir, 'user-data'),
    extensions: path.join(stateDir, 'extensions'),
  };
}

/** The flags every code-server invocation gets, server or `--install-extension`. */
function commonArgs(editor: Editor, stateDir: string): string[] {
  const dirs = stateLayout(stateDir);
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  const settings = path.join(dirs.userData, 'User', 'settings.json');
  if (!existsSync(settings)) writeFileSync(settings, `${JSON.stringify(SEEDED_SETTINGS, null, 2)}\n`);
  return [
    editor.codeServer,
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
}

/**
 * code-server's environment: ours without Node options meant for this process (tsx), with its
 * data folder (logs, heartbeat) in the state folder.
 */
function serverEnv(stateDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  return { ...env, XDG_DATA_HOME: path.join(stateDir, 'data'), ...extra };
}

/** Installs a .vsix into the state folder's extensions dir, over an installed copy of the same version; throws a one-line reason. */
export function installExtension(editor: Editor, stateDir: string, vsix: string): void {
  const run = spawnSync(editor.node, [...commonArgs(editor, stateDir), '--install-extension', vsix, '--force'], { encoding: 'utf8', env: serverEnv(stateDir), timeout: 120_000 });
  if (run.status !== 0) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (${run.status ?? run.signal ?? run.error?.message}): ${reasonIn(`${run.stderr}\n${run.stdout}`)}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The line of a process's output that says why it failed: its first error line, else its last line. */
function reasonIn(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /error/i.test(line)) ?? lines.pop() ?? 'no output';
}

/** Resolves when code-server says it listens; rejects when it cannot be spawned, exits first or takes too long. */
function listening(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onData = () => {
      if (output().includes('HTTP server listening on')) done();
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`code-server exited (${code ?? signal}) before listening: ${reasonIn(output())}`));
    const onError = (error: Error) => done(new Error(`could not start code-server: ${error.message}`));
    const timer = setTimeout(() => done(new Error(`code-server did not listen within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Whether `ended` settles within `ms`. */
function within(ended: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([ended.then(() => true), late]).finally(() => clearTimeout(timer));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Runs `cleanUp` (synchronous) if this process exits, or is stopped by SIGINT or SIGTERM (then
 * exiting with the signal's code); returns what cancels that.
 */
function onProcessEnd(cleanUp: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + constants.signals[signal]);
  };
  process.once('exit', cleanUp);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('exit', cleanUp);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Starts code-server and resolves once /healthz answers; throws a one-line reason when it cannot. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    ...commonArgs(options.editor, options.stateDir),
    '--bind-addr', `127.0.0.1:${port}`,
    '--vscode-option', 'enable-smoke-test-driver',
    options.workspace,
  ];
  const child = spawn(options.editor.node, args, { env: serverEnv(options.stateDir, options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exitedWith = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  const cancelCleanUp = onProcessEnd(() => killGroup(child, 'SIGKILL'));
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const stop = async () => {
    cancelCleanUp();
    killGroup(child, 'SIGTERM');
    if (!(await within(exitedWith, STOP_TIMEOUT_MS))) killGroup(child, 'SIGKILL');
    // The extension host and the language server may outlive the server by a moment.
    killGroup(child, 'SIGKILL');
  };

  try {
    await listening(child, () => output);
    const health = await fetch(`${origin}/healthz`);
    if (!health.ok) throw new Error(`code-server's /healthz answered ${health.status}`);
  } catch (error) {
    await stop();
    throw error;
  }

  const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
  return {
    folderUrl: (folder) => `${origin}/?folder=${encodeURIComponent(folder)}`,
    extensionTestsUrl: (folder, extensionDevelopmentPath, extensionTestsPath) => {
      const payload = [
        ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
        ['extensionTestsPath', remote(extensionTestsPath)],
      ];
      return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    exited: exitedWith,
    stop,
  };
}
