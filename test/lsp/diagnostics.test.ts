/**
 * The language server as an editor sees it: the built server spawned over stdio, real
 * JSON-RPC, a fixture workspace copied to a temp folder per test.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol/node';
import type { FixtureExpectation } from '../support/fixtures';
import {
  assertDiagnostics,
  copyWorkspace,
  fileUri,
  FileChangeType,
  FULL_CAPABILITIES,
  LSP_FIXTURES,
  LspClient,
  textOf,
  withCode,
  type LspClientOptions,
} from '../support/lsp-client';

/** The event with a misspelt key: one unknown-key warning and one schema error (see expected.yaml). */
const EVENT = 'events/EVT-2026-0001.yaml';
const EXPECTED = parse(readFileSync(path.join(LSP_FIXTURES, 'diagnostics', 'expected.yaml'), 'utf8')) as FixtureExpectation;

describe('language server over stdio: diagnostics', () => {
  let workspace: ReturnType<typeof copyWorkspace>;
  let client: LspClient | undefined;

  const start = async (options: Omit<LspClientOptions, 'workspace'> = {}) => {
    client = await LspClient.start({ workspace: workspace.root, ...options });
    return client;
  };
  const file = (relative: string) => path.join(workspace.root, relative);
  const hasUnknownKey = (severity: DiagnosticSeverity) => (diagnostics: { code?: unknown; severity?: number }[]) =>
    diagnostics.some((d) => d.code === 'unknown-key' && d.severity === severity);

  beforeEach(() => {
    workspace = copyWorkspace('clean', 'diagnostics');
  });
  afterEach(() => {
    client?.dispose();
    client = undefined;
    workspace.remove();
  });

  it('publishes the findings of a file that was never opened: code, source, link, severity, range', async () => {
    const server = await start();
    const diagnostics = await server.waitForDiagnostics(fileUri(file(EVENT)), (list) => list.length > 0);
    assertDiagnostics(diagnostics, EXPECTED.findings.filter((item) => item.file === EVENT), readFileSync(file(EVENT), 'utf8'));
  });

  it('publishes nothing at all for YAML files that are not CC7 documents', async () => {
    const server = await start();
    await server.waitForDiagnostics(fileUri(file(EVENT)), (list) => list.length > 0);
    await server.roundTrip();
    for (const other of ['notes/deployment.yaml', 'notes/mentions.yaml']) {
      assert.deepEqual(server.diagnosticsHistory(fileUri(file(other))), [], `${other} got diagnostics`);
    }
    // The clean documents were checked, and are clean.
    assert.deepEqual(server.latest(fileUri(file('events/EVT-2026-0002.yaml'))), []);
  });

  it('checks the editor text as it is edited, not the disk, and clears once an edit fixes it', async () => {
    const server = await start();
    const uri = fileUri(file(EVENT));
    await server.waitForDiagnostics(uri, (list) => list.length > 0);
    const onDisk = readFileSync(file(EVENT), 'utf8');
    await server.open(file(EVENT), onDisk);

    await server.replace(uri, '[[title]]: Impossible', 'titel');
    const edited = await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'unknown-key' && textOf(d.message).includes('"titel"')));
    assertDiagnostics(edited, [
      ...EXPECTED.findings.filter((item) => item.file === EVENT),
      { file: EVENT, rule: 'unknown-key', severity: 'warning', at: '[[titel]]: Impossible', message: 'did you mean "title"?' },
      { file: EVENT, rule: 'schema', severity: 'error', at: '[[kind]]: SecurityEvent', message: 'missing the required key "title"' },
    ], server.text(uri));

    await server.replace(uri, '[[titel]]: Impossible', 'title');
    await server.replace(uri, '  [[assesed_by]]: soc', 'assessed_by');
    await server.waitForDiagnostics(uri, (list) => list.length === 0);
    assert.equal(readFileSync(file(EVENT), 'utf8'), onDisk, 'the disk was not touched');

    await server.close(uri);
    await server.waitForDiagnostics(uri, (list) => list.length > 0);
  });

  it('registers a watcher for YAML files and checks a file created on disk', async () => {
    const server = await start();
    await server.waitForDiagnostics(fileUri(file(EVENT)), (list) => list.length > 0);
    const watchers = server.registrations.filter((registration) => registration.method === DidChangeWatchedFilesNotification.method);
    assert.deepEqual(watchers.map((registration) => registration.registerOptions), [{ watchers: [{ globPattern: '**/*.{yaml,yml}' }] }]);

    const created = 'events/EVT-2026-0003.yaml';
    writeFileSync(file(created), readFileSync(file(EVENT), 'utf8').replace('EVT-2026-0001', 'EVT-2026-0003'));
    await server.filesChanged({ file: file(created), type: FileChangeType.Created });
    const diagnostics = await server.waitForDiagnostics(fileUri(file(created)), (list) => list.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['schema', 'unknown-key']);
  });

  it('re-checks a file changed on disk', async () => {
    const server = await start();
    const uri = fileUri(file(EVENT));
    await server.waitForDiagnostics(uri, (list) => list.length > 0);
    writeFileSync(file(EVENT), readFileSync(file(EVENT), 'utf8').replace('assesed_by', 'assessed_by'));
    await server.filesChanged({ file: file(EVENT), type: FileChangeType.Changed });
    await server.waitForDiagnostics(uri, (list) => list.length === 0);
  });

  it('clears the diagnostics of a file deleted from disk', async () => {
    const server = await start();
    const uri = fileUri(file(EVENT));
    await server.waitForDiagnostics(uri, (list) => list.length > 0);
    rmSync(file(EVENT));
    await server.filesChanged({ file: file(EVENT), type: FileChangeType.Deleted });
    await server.waitForDiagnostics(uri, (list) => list.length === 0);
  });

  it('applies cc7.rules pulled with workspace/configuration after didChangeConfiguration', async () => {
    const server = await start({ settings: {} });
    const uri = fileUri(file(EVENT));
    await server.waitForDiagnostics(uri, hasUnknownKey(DiagnosticSeverity.Warning));

    server.settings = { rules: { 'unknown-key': 'error' } };
    await server.configurationChanged();
    await server.waitForDiagnostics(uri, hasUnknownKey(DiagnosticSeverity.Error));

    server.settings = { rules: { 'unknown-key': 'off' } };
    await server.configurationChanged();
    const diagnostics = await server.waitForDiagnostics(uri, (list) => withCode(list, 'unknown-key').length === 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['schema'], 'only the unknown-key finding is gone');
  });

  it('honours initializationOptions.settings from a client that cannot answer workspace/configuration', async () => {
    const server = await start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, configuration: false } },
      initializationOptions: { settings: { rules: { 'unknown-key': 'off', schema: 'warning' } } },
    });
    const diagnostics = await server.waitForDiagnostics(fileUri(file(EVENT)), (list) => list.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['schema', DiagnosticSeverity.Warning]]);
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    const server = await start();
    await server.waitForDiagnostics(fileUri(file(EVENT)), (list) => list.length > 0);
    assert.equal(await server.stop(), 0);
  });
});

describe('language server over node IPC (the VS Code client transport)', () => {
  it('publishes the findings of a file that was never opened, and exits cleanly', async () => {
    const workspace = copyWorkspace('clean', 'diagnostics');
    const client = await LspClient.start({ workspace: workspace.root, transport: 'ipc' });
    try {
      const uri = fileUri(path.join(workspace.root, EVENT));
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), EXPECTED.findings.map((f) => f.rule).sort());
      assert.equal(await client.stop(), 0);
    } finally {
      client.dispose();
      workspace.remove();
    }
  });
});
