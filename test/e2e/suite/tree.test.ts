/**
 * The "CC7 Incidents" tree on examples/acme at its as-of time: the sections, groups, counts
 * and rows SPEC 4 describes, what a click opens, the badge; and the tree following a change
 * made on disk.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { cc7ApiOnAcme, closeEditors, labelOf, rows, waitForSummary, type Cc7Api } from './support/cc7';
import { workspaceFile } from './support/extension';

describe('the CC7 Incidents tree', () => {
  let api: Cc7Api;

  before(async () => {
    api = await cc7ApiOnAcme();
  });

  after(closeEditors);

  it('has its four sections with counts', () => {
    assert.deepEqual(rows(api).map(({ item }) => labelOf(item)), ['Open incidents (6)', 'Deadlines (1)', 'Remediation (9)', 'Closed (6)']);
    assert.equal(rows(api)[3]!.item.description, '2026-01-01 – 2026-12-31');
  });

  it('groups the open incidents by phase in lifecycle order, each with id, title, severity, age and badge', () => {
    const open = rows(api)[0]!.node;
    assert.deepEqual(rows(api, open).map(({ item }) => labelOf(item)), [
      'identification (1)', 'containment (1)', 'investigation (1)', 'remediation (1)', 'recovery (1)', 'post-incident-review (1)',
    ]);
    const investigation = rows(api, open)[2]!.node;
    const [incident] = rows(api, investigation);
    assert.equal(labelOf(incident!.item), 'INC-2026-011 · Hijacked support agent session used to export EU support tickets');
    assert.equal(incident!.item.description, 'SEV1 · 3 d');
    assert.equal((incident!.item.iconPath as vscode.ThemeIcon).id, 'error', 'its GDPR Art. 33 deadline is breached');
    assert.equal(incident!.item.contextValue, 'cc7.incident.runbook');
    assert.match((incident!.item.tooltip as vscode.MarkdownString).value, /GDPR Art\. 33: due 2026-11-26 09:30 UTC, 2 h overdue/);
    const containment = rows(api, rows(api, open)[1]!.node)[0]!;
    assert.equal(containment.item.description, 'SEV2 · 48 d');
    assert.equal((containment.item.iconPath as vscode.ThemeIcon).id, 'circle-outline');
  });

  it('lists the deadlines, the remediation items overdue first, and the incidents closed this year', () => {
    const [, deadlines, remediation, closed] = rows(api).map(({ node }) => node);
    assert.deepEqual(rows(api, deadlines).map(({ item }) => labelOf(item)), ['GDPR Art. 33 · INC-2026-011 · 2 h overdue']);
    assert.deepEqual(rows(api, remediation).slice(0, 3).map(({ item }) => `${labelOf(item)} | ${item.description}`), [
      "REM-2 · INC-2026-006 | overdue since 2026-09-30, waived until 2027-01-31 · dan@acme.io · Restrict the MailRelay API key to Acme's NAT egress addresses",
      'REM-1 · INC-2026-009 | overdue since 2026-11-10 · li.wei@acme.io · Check passwords against known-breached password lists at login and at password change',
      'REM-3 · INC-2026-007 | due 2026-12-04 · marcus@acme.io · Enable GuardDuty runtime monitoring on every EKS cluster',
    ]);
    assert.deepEqual(rows(api, closed).map(({ item }) => labelOf(item).split(' · ')[0]),
      ['INC-2026-006', 'INC-2026-005', 'INC-2026-004', 'INC-2026-003', 'INC-2026-002', 'INC-2026-001']);
  });

  it('counts the breached deadlines on the view badge', () => {
    assert.deepEqual(api.tree.view.badge, { value: 1, tooltip: '1 breached deadline' });
  });

  it('opens the file at the record on a click', async () => {
    const [, deadlines] = rows(api).map(({ node }) => node);
    const { item } = rows(api, deadlines)[0]!;
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), 'incidents/INC-2026-011.yaml');
    assert.equal(editor.document.getText(editor.selection), '2026-11-23T09:30:00Z', 'the clock field, aware_at');
  });

  it('copies an incident id and opens its runbook from its row (the context menu commands)', async () => {
    const investigation = rows(api, rows(api)[0]!.node)[2]!.node;
    const incident = rows(api, investigation)[0]!.node;
    assert.equal(await vscode.commands.executeCommand('cc7.copyId', incident), 'INC-2026-011');
    assert.equal(await vscode.env.clipboard.readText(), 'INC-2026-011');
    await vscode.commands.executeCommand('cc7.openRunbook', incident);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), 'runbooks/RB-CREDENTIAL-LEAK.yaml');
    assert.equal(editor.document.getText(editor.selection), 'RB-CREDENTIAL-LEAK');
  });

  it('follows a change on disk: an incident closed moves from its phase to Closed, and back', async () => {
    const file = workspaceFile('incidents/INC-2026-012.yaml').fsPath;
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('status: identification', 'status: closed\nclosed_at: 2026-11-26T10:00:00Z'));
    try {
      await waitForSummary(api, (summary) => summary.counts.open === 5, 'INC-2026-012 closed');
      assert.deepEqual(rows(api).map(({ item }) => labelOf(item)), ['Open incidents (5)', 'Deadlines (1)', 'Remediation (9)', 'Closed (7)']);
      assert.equal(labelOf(rows(api, rows(api)[0]!.node)[0]!.item), 'containment (1)');
    } finally {
      writeFileSync(file, original);
    }
    await waitForSummary(api, (summary) => summary.counts.open === 6, 'INC-2026-012 open again');
    assert.equal(labelOf(rows(api, rows(api)[0]!.node)[0]!.item), 'identification (1)');
  });
});
