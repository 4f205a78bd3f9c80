/**
 * Code lenses over stdio: an incident's phase, age and next missing evidence (running
 * cc7.advancePhase), and one countdown per open notification clock, at a pinned "now";
 * refreshed when a file changes.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from '../../support/fixtures';
import { FileChangeType } from '../../support/lsp-client';
import { CLOSED, EVENT, INCIDENT, navigationWorkspace, PLAN, REFRESHING, refreshedUntil, RUNBOOK } from '../../support/navigation';

describe('language server over stdio: code lenses', () => {
  const navigation = navigationWorkspace().shared({ capabilities: REFRESHING });

  /** A lens as one comparable value: its range from the [[marked]] snippet, title, command and arguments. */
  const lens = (text: string, at: string, title: string, command = '', args?: unknown[]): CodeLens => ({
    range: rangeOfSnippet(text, at, title),
    command: { title, command, ...(args ? { arguments: args } : {}) },
  });

  it("on an open incident: its phase, age and next missing evidence, and each open clock's countdown on its field", async () => {
    const { uri, text } = await navigation.open(INCIDENT);
    assert.deepEqual(await navigation.server.codeLenses(uri), [
      lens(text, '[[id]]: INC-2026-001', 'containment · 2 d 14 h old · next: triage.rationale (+1 more)', 'cc7.advancePhase', [uri]),
      lens(text, 'aware_at: [[2026-03-02T10:05:00Z]]', 'Customer DPA breached 14 h ago (due 2026-03-04 10:05 UTC)'),
      lens(text, 'aware_at: [[2026-03-02T10:05:00Z]]', 'GDPR Art. 33 due in 10 h (2026-03-05 10:05 UTC)'),
    ]);
  });

  it('says when the incident has what the next phase needs, once an edit adds it', async () => {
    const { uri } = await navigation.open(INCIDENT);
    await navigation.server.replace(uri, '  assessed_by: soc@example.com[[]]\n', '\n  rationale: Key valid\ncontainment:\n  - { action: Revoked the key, at: 2026-03-02T09:52:00Z, by: soc@example.com }');
    const [phase] = await navigation.server.codeLenses(uri);
    // Closed again: the disk's text is back at once for the tests that follow.
    await navigation.server.close(uri);
    assert.equal(phase!.command!.title, 'containment · 2 d 14 h old · ready for investigation');
  });

  it('on a closed incident: how long it stayed open, as a title that runs no command (no later phase)', async () => {
    const { uri, text } = await navigation.open(CLOSED);
    assert.deepEqual(await navigation.server.codeLenses(uri), [lens(text, '[[id]]: INC-2026-002', 'closed · closed after 22 d 20 h')]);
  });

  it('gives documents other than incidents no lenses', async () => {
    for (const other of [RUNBOOK, EVENT, PLAN]) {
      const { uri } = await navigation.open(other);
      assert.deepEqual(await navigation.server.codeLenses(uri), [], other);
      // Closed again: an open plan's buffer would hide the change the last test makes on disk.
      await navigation.server.close(uri);
    }
  });

  // Last: it changes the plan on disk.
  it('asks the client to refresh when a file changes, and the lenses then show the change', async () => {
    const { uri } = await navigation.open(INCIDENT);
    const plan = navigation.file(PLAN);
    await refreshedUntil(navigation.server, CodeLensRefreshRequest.method, async () => {
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('customer_dpa_hours: 48', 'customer_dpa_hours: 72'));
      await navigation.server.filesChanged({ file: plan, type: FileChangeType.Changed });
    }, async () => (await navigation.server.codeLenses(uri)).some((item) => item.command?.title === 'Customer DPA due in 10 h (2026-03-05 10:05 UTC)'));
  });
});
