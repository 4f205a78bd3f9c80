/**
 * Every command is registered whatever the server's state: while it starts or is down, one
 * that needs it says so instead of failing; the status bar says so too; a restart brings all back.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cc7Api, waitForSummary, type Cc7Api } from './support/cc7';

describe('commands while the language server is down', () => {
  let api: Cc7Api;

  before(async () => {
    api = await cc7Api();
    await waitForSummary(api, () => true, 'a first summary');
  });

  after(async () => {
    if (api.serverStatus() !== 'running') await vscode.commands.executeCommand('cc7.restartServer');
    await waitForSummary(api, (summary) => summary.counts.open === 6, 'the summary after the restart');
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (vscode.extensions.getExtension('cc7.cc7')!.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
    assert.deepEqual(contributed.map(({ command }) => command).filter((command) => !registered.has(command)), []);
  });

  it('explains itself while the server is stopped, and the status bar says so', async () => {
    await api.stopServer();
    assert.equal(api.statusText(), '$(shield) CC7: stopped');
    assert.equal(await vscode.commands.executeCommand('cc7.advancePhase'), undefined);
    assert.equal(api.messages.at(-1), 'cc7: the language server is not running: run CC7: Restart Language Server.');
    assert.equal(await vscode.commands.executeCommand('cc7.newIncident', { title: 'x' }), undefined);
    assert.equal(api.messages.at(-1), 'cc7: the language server is not running: run CC7: Restart Language Server.');
  });

  it('explains itself while the server starts', async () => {
    const started = api.startServer();
    await vscode.commands.executeCommand('cc7.refresh');
    assert.equal(api.messages.at(-1), 'cc7: the language server is starting… try again in a moment.');
    await started;
    assert.equal(api.serverStatus(), 'running');
  });

  it('comes back with CC7: Restart Language Server', async () => {
    await vscode.commands.executeCommand('cc7.restartServer');
    assert.equal(api.serverStatus(), 'running');
    await waitForSummary(api, (summary) => summary.counts.open === 6, 'the summary after the restart');
    assert.equal(api.statusText(), '$(shield) 6 open · 1 breached');
  });
});
