/**
 * Quick fixes over stdio (textDocument/codeAction): each fix on the documents of
 * test/fixtures/lsp/code-actions, with its exact edits, applied as an editor applies them;
 * then every fix the server offers on every rules fixture, applied and judged with the core
 * (test/support/fix-oracle.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { parseAsOf } from '../../../server/src/core/model/clock';
import type { Finding } from '../../../server/src/core/model/types';
import { Program } from '../../../server/src/core/service/program';
import { DEFAULT_INCLUDE, listFiles, plansFirst, readContent } from '../../../server/src/node/files';
import { applyEdits, assertFix } from '../../support/fix-oracle';
import { DEFAULT_NOW, rangeOfSnippet, type FixtureExpectation } from '../../support/fixtures';
import { copyWorkspace, fileUri, LSP_FIXTURES, LspClient, textOf, withCode } from '../../support/lsp-client';

/** now (DEFAULT_NOW, 2026-06-30T12:00:00Z) in the plan's zone, America/New_York: what fixes write for "now". */
const NOW_LOCAL = '2026-06-30T08:00:00-04:00';
const WAIVER = (rule: string, target?: string) => `waivers:
  - rule: ${rule}
${target ? `    target: ${target}\n` : ''}    reason: "TODO: why the exception is accepted, and the compensating control"
    approved_by: executive_sponsor  # TODO: the role that approves
    approved_at: ${NOW_LOCAL}  # TODO: the real time
    expires: 2026-07-30  # TODO: confirm
`;

/** The edits of an action's one TextDocumentEdit, with the version it is for. */
function editsOf(action: CodeAction): { uri: string; version: number | null; edits: TextEdit[] } {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, `${action.title}: one document change`);
  const change = changes[0]!;
  assert.ok('textDocument' in change);
  return { uri: change.textDocument.uri, version: change.textDocument.version, edits: change.edits as TextEdit[] };
}

/** Asserts an action's edits exactly: each at the [[marked]] place of the text (an empty [[]] is an insertion point). */
function assertEdits(action: CodeAction, text: string, expected: { at: string; newText: string }[]): void {
  assert.deepEqual(editsOf(action).edits, expected.map(({ at, newText }) => ({ range: rangeOfSnippet(text, at, action.title), newText })), action.title);
}

const titles = (actions: readonly CodeAction[]) => actions.map((action) => action.title);
const byTitle = (actions: readonly CodeAction[], start: string) => {
  const found = actions.find((action) => action.title.startsWith(start));
  assert.ok(found, `no action "${start}…" among:\n  ${titles(actions).join('\n  ')}`);
  return found;
};

describe('language server over stdio: code actions', () => {
  describe('each fix on fixture documents', () => {
    let workspace: ReturnType<typeof copyWorkspace>;
    let client: LspClient;
    const file = (relative: string) => path.join(workspace.root, relative);

    /** Opens a fixture document and waits for its findings. */
    const open = async (relative: string) => {
      const uri = await client.open(file(relative), readFileSync(file(relative), 'utf8'));
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0);
      return { uri, diagnostics };
    };
    const actionsAt = (uri: string, snippet: string, only?: string[]) =>
      client.codeActions(uri, rangeOfSnippet(client.text(uri), snippet, snippet), { diagnostics: [], ...(only ? { only } : {}) });

    beforeEach(async () => {
      workspace = copyWorkspace('code-actions');
      client = await LspClient.start({ workspace: workspace.root });
      // Fixes read the plan (its zone, roles, severities): the scan must have found it.
      await client.waitForPublishedUris(readdirSync(workspace.root, { recursive: true }).filter((name) => String(name).endsWith('.yaml')).length);
    });
    afterEach(() => {
      client.dispose();
      workspace.remove();
    });

    it('announces quick fixes and source.fixAll.cc7', async () => {
      const { capabilities } = await client.initializeResult;
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.cc7'] });
    });

    it('phase-evidence: inserts the missing evidence as a skeleton where each key belongs, and the finding is gone', async () => {
      const { uri, diagnostics } = await open('incidents/INC-2026-101.yaml');
      const text = client.text(uri);
      const actions = await actionsAt(uri, 'status: [[investigation]]');
      assert.deepEqual(titles(actions), [
        'Add the missing evidence to fill in: triage.rationale, containment',
        'Waive phase-evidence in this document (a waiver to complete and approve)',
      ]);
      const [fix] = actions;
      assert.equal(fix!.kind, CodeActionKind.QuickFix);
      assert.equal(fix!.isPreferred, true);
      assert.deepEqual(fix!.diagnostics, withCode(diagnostics, 'phase-evidence'));
      assert.deepEqual({ ...editsOf(fix!), edits: [] }, { uri, version: 1, edits: [] });
      assertEdits(fix!, text, [
        { at: '[[]]  # the rationale is still being written', newText: '  rationale: "TODO: rationale"\n' },
        {
          at: '[[]]# Notes for the auditor follow.',
          newText: `containment:\n  - action: "TODO: action"\n    at: ${NOW_LOCAL}  # TODO: the real time\n    by: "TODO: person"\n`,
        },
      ]);
      await client.applyEdit(fix!.edit);
      await client.waitForDiagnostics(uri, (list) => list.length === 0);
    });

    it('schema: inserts each missing required key; "fix all" inserts both in one edit', async () => {
      const { uri } = await open('incidents/INC-2026-104.yaml');
      const text = client.text(uri);
      const actions = await actionsAt(uri, '[[kind]]: Incident');
      assert.deepEqual(titles(actions), [
        'Add the required key "category" to fill in',
        'Fix all schema problems in this file (2)',
        'Waive schema in this document (a waiver to complete and approve)',
        'Add the required key "timeline" to fill in',
      ]);
      const category = 'category: unauthorized-access  # TODO: one of unauthorized-access, data-breach, malware, denial-of-service, insider-threat, vendor, availability, other\n';
      const timeline = `timeline:\n  - at: ${NOW_LOCAL}  # TODO: the real time\n    event: "TODO: event"\n`;
      const end = 'incident_lead: lead@example.com   # on call this week\n[[]]';
      assertEdits(actions[0]!, text, [{ at: end, newText: category }]);
      assertEdits(actions[3]!, text, [{ at: end, newText: timeline }]);
      const fixAll = actions[1]!;
      assert.equal(fixAll.isPreferred, undefined);
      assert.equal(fixAll.diagnostics?.length, 2);
      assertEdits(fixAll, text, [{ at: end, newText: category + timeline }]);
      await client.applyEdit(fixAll.edit);
      await client.waitForDiagnostics(uri, (list) => list.length === 0);
    });

    it('remediation-untracked: completes an item (owner, due after the severity\'s remediation_due_days, ticket), block or flow', async () => {
      const { uri } = await open('incidents/INC-2026-102.yaml');
      const text = client.text(uri);
      const rem1 = await actionsAt(uri, '  - id: [[REM-1]]');
      assert.deepEqual(titles(rem1), [
        'Track REM-1: add owner, due, ticket to fill in',
        'Fix all remediation-untracked problems in this file (2)',
        'Waive remediation-untracked for REM-1 (a waiver to complete and approve)',
      ]);
      const block = '    owner: "TODO: person"\n    due: 2026-07-30  # TODO: confirm (SEV2 allows 30 days)\n    ticket: "TODO: ticket"\n';
      const flow = ', due: 2026-07-30, ticket: "TODO: ticket"';
      const blockAt = '    status: open\n[[]]  - { id: REM-2';
      const flowAt = 'owner: lead@example.com, status: open[[]] }';
      assertEdits(rem1[0]!, text, [{ at: blockAt, newText: block }]);
      assertEdits(rem1[1]!, text, [{ at: blockAt, newText: block }, { at: flowAt, newText: flow }]);
      assertEdits(rem1[2]!, text, [{ at: '# no due, no ticket\n[[]]', newText: WAIVER('remediation-untracked', 'REM-1') }]);

      const rem2 = await actionsAt(uri, '{ id: [[REM-2]]');
      assert.equal(rem2[0]!.title, 'Track REM-2: add due, ticket to fill in');
      assertEdits(rem2[0]!, text, [{ at: flowAt, newText: flow }]);
      await client.applyEdit(rem1[1]!.edit);
      await client.waitForDiagnostics(uri, (list) => withCode(list, 'remediation-untracked').length === 0);
      assert.deepEqual(client.latest(uri)!.map((d) => d.code), ['unknown-key', 'timestamp-timezone', 'timestamp-timezone']);
    });

    it("timestamp-timezone: writes the plan zone's offset at that instant (EST in January, EDT in June), keeping the quotes", async () => {
      const { uri } = await open('incidents/INC-2026-102.yaml');
      const text = client.text(uri);
      const winter = await actionsAt(uri, 'detected_at: [[2026-01-10T09:00:00]]');
      assert.deepEqual(titles(winter), [
        "Write 2026-01-10T09:00:00-05:00 (the plan's offset at that time)",
        'Fix all timestamp-timezone problems in this file (2)',
        'Waive timestamp-timezone in this document (a waiver to complete and approve)',
      ]);
      assertEdits(winter[0]!, text, [{ at: 'detected_at: [[2026-01-10T09:00:00]]', newText: '2026-01-10T09:00:00-05:00' }]);
      const summer = await actionsAt(uri, '[["2026-06-10T10:00:00"]]');
      assertEdits(summer[0]!, text, [{ at: '[["2026-06-10T10:00:00"]]', newText: '"2026-06-10T10:00:00-04:00"' }]);
      await client.applyEdit(winter[1]!.edit);
      await client.waitForDiagnostics(uri, (list) => withCode(list, 'timestamp-timezone').length === 0);
      assert.ok(client.text(uri).includes('detected_at: 2026-01-10T09:00:00-05:00     # winter: EST'));
    });

    it('unknown-key: renames the key to its suggestion', async () => {
      const { uri } = await open('incidents/INC-2026-102.yaml');
      const actions = await actionsAt(uri, '[[reportd_by]]: support');
      assert.equal(actions[0]!.title, 'Rename "reportd_by" to "reported_by"');
      assert.equal(actions[0]!.isPreferred, true);
      assertEdits(actions[0]!, client.text(uri), [{ at: '[[reportd_by]]: support', newText: 'reported_by' }]);
      await client.applyEdit(actions[0]!.edit);
      await client.waitForDiagnostics(uri, (list) => withCode(list, 'unknown-key').length === 0);
    });

    it('notification-deadline: records a not_required decision, creating notifications.not_required; not the preferred fix', async () => {
      const { uri, diagnostics } = await open('incidents/INC-2026-103.yaml');
      const text = client.text(uri);
      const actions = await actionsAt(uri, 'aware_at: [[2026-06-01T09:00:00Z]]');
      assert.deepEqual(titles(actions), [
        'Record that no gdpr-art33 notice is required (notifications.not_required, with the rationale to write)',
        'Fix all notification-deadline problems in this file (2)',
        'Waive notification-deadline for gdpr-art33 (a waiver to complete and approve)',
        'Record that no us-ca notice is required (notifications.not_required, with the rationale to write)',
        'Waive notification-deadline for us-ca (a waiver to complete and approve)',
      ]);
      assert.ok(actions.every((action) => !action.isPreferred));
      const end = 'rationale: Personal data was public }\n[[]]';
      const entry = (regime: string) => `    - regime: ${regime}\n      rationale: "TODO: why notice is not required"\n`;
      assertEdits(actions[0]!, text, [{ at: end, newText: `  not_required:\n${entry('gdpr-art33')}` }]);
      assertEdits(actions[1]!, text, [{ at: end, newText: `  not_required:\n${entry('gdpr-art33')}${entry('us-ca')}` }]);
      assert.deepEqual(actions[1]!.diagnostics, diagnostics);
      await client.applyEdit(actions[1]!.edit);
      await client.waitForDiagnostics(uri, (list) => list.length === 0);
    });

    it('a waiver skeleton for any finding: the finding becomes info, waived', async () => {
      const { uri } = await open('incidents/INC-2026-103.yaml');
      const actions = await actionsAt(uri, 'aware_at: [[2026-06-01T09:00:00Z]]');
      const waiver = byTitle(actions, 'Waive notification-deadline for gdpr-art33');
      assert.equal(waiver.isPreferred, undefined);
      assertEdits(waiver, client.text(uri), [{ at: 'Personal data was public }\n[[]]', newText: WAIVER('notification-deadline', 'gdpr-art33') }]);
      await client.applyEdit(waiver.edit);
      const after = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.severity === DiagnosticSeverity.Information));
      assert.deepEqual(after.map((d) => d.severity), [DiagnosticSeverity.Information, DiagnosticSeverity.Warning]);
      assert.ok(textOf(after[0]!.message).startsWith('Waived until 2026-07-30 by executive_sponsor: TODO: why the exception is accepted, '
        + 'and the compensating control (GDPR Art. 33 notice'), textOf(after[0]!.message));
      assert.ok(textOf(after[1]!.message).startsWith('California breach notice'), 'us-ca is not waived');
    });

    it("answers for the diagnostics the client sends, wherever the range is", async () => {
      const { uri, diagnostics } = await open('incidents/INC-2026-102.yaml');
      const unknown = withCode(diagnostics, 'unknown-key');
      const actions = await client.codeActions(uri, rangeOfSnippet(client.text(uri), '[[apiVersion]]: cc7/v1', 'start'), { diagnostics: unknown });
      assert.deepEqual(titles(actions), ['Rename "reportd_by" to "reported_by"', 'Waive unknown-key in this document (a waiver to complete and approve)']);
    });

    it('source.fixAll.cc7: every preferred fix that needs no input, in one edit, only when source actions are asked for', async () => {
      const { uri } = await open('incidents/INC-2026-102.yaml');
      const text = client.text(uri);
      const [fixAll, ...more] = await actionsAt(uri, '[[]]apiVersion', ['source.fixAll']);
      assert.equal(more.length, 0);
      assert.equal(fixAll!.kind, 'source.fixAll.cc7');
      assert.equal(fixAll!.title, 'Fix all cc7 problems that need no input in this file (3)');
      assertEdits(fixAll!, text, [
        { at: 'detected_at: [[2026-01-10T09:00:00]]', newText: '2026-01-10T09:00:00-05:00' },
        { at: '[[reportd_by]]: support', newText: 'reported_by' },
        { at: '[["2026-06-10T10:00:00"]]', newText: '"2026-06-10T10:00:00-04:00"' },
      ]);
      assert.deepEqual(titles(await actionsAt(uri, '[[]]apiVersion', ['source'])), [fixAll!.title]);
      assert.deepEqual(await actionsAt(uri, '[[reportd_by]]', [CodeActionKind.QuickFix]).then((list) => list.map((action) => action.kind)), [CodeActionKind.QuickFix, CodeActionKind.QuickFix]);
    });

    it('fixes the text as it is now: the current version, and only what is still missing', async () => {
      const { uri } = await open('incidents/INC-2026-101.yaml');
      // The user writes the rationale; the code action request follows at once.
      await client.replace(uri, '[[]]  # the rationale is still being written', '  rationale: Key valid and used from an unknown ASN\n');
      const [fix] = await actionsAt(uri, 'status: [[investigation]]');
      assert.equal(fix!.title, 'Add the missing evidence to fill in: containment');
      assert.equal(editsOf(fix!).version, 2);
      assert.deepEqual(editsOf(fix!).edits.map((edit) => edit.newText.split('\n')[0]), ['containment:']);
    });

    it('offers nothing on a document it cannot edit safely, and nothing outside CC7 documents', async () => {
      const uri = await client.open(file('incidents/INC-2026-105.yaml'), 'apiVersion: cc7/v1\nkind: Incident\ntitle: [unclosed\n');
      await client.waitForDiagnostics(uri, (list) => withCode(list, 'yaml-syntax').length > 0);
      assert.deepEqual(await actionsAt(uri, '[[kind]]'), []);
      const other = await client.open(file('notes/compose.yaml'), 'services:\n  web: { image: nginx }\n');
      assert.deepEqual(await client.codeActions(other, rangeOfSnippet(client.text(other), '[[services]]', 'other')), []);
    });
  });

  describe('every quick fix of every rules fixture, applied', function () {
    // One server for every case: each case's folder becomes the workspace folder in turn, with
    // its as-of time and settings; the core judges each fix (fix-oracle.ts).
    const RULES = path.join(__dirname, '..', '..', 'fixtures', 'rules');
    const CASES = readdirSync(RULES).sort().flatMap((rule) => readdirSync(path.join(RULES, rule)).sort()
      .map((name) => path.join(RULES, rule, name))
      .filter((dir) => statSync(dir).isDirectory()));
    /** How many actions of each kind the loop applied: every fix must be exercised. */
    const applied = new Map<string, number>();
    let client: LspClient;
    let previous: string | undefined;

    before(async () => {
      client = await LspClient.start({});
    });
    after(() => {
      client.dispose();
      const kinds = ['Add the missing evidence', 'Add the required key', 'Track ', 'Record that no', 'Write ', 'Rename ', 'Waive ', 'Fix all cc7', 'Fix all '];
      assert.deepEqual(kinds.filter((kind) => !applied.has(kind)), [], `fixes never exercised (applied: ${JSON.stringify([...applied])})`);
    });

    for (const rule of [...new Set(CASES.map((dir) => path.basename(path.dirname(dir))))]) {
      it(`${rule}: every fix removes its finding (or waives it), adds none, keeps every comment`, async () => {
        for (const dir of CASES.filter((candidate) => path.basename(path.dirname(candidate)) === rule)) {
          await checkCase(dir);
        }
      });
    }
    it('the code-actions fixture too', () => checkCase(path.join(LSP_FIXTURES, 'code-actions')));

    async function checkCase(root: string): Promise<void> {
      const expected = path.join(root, 'expected.yaml');
      const expectation = (existsSync(expected) ? parse(readFileSync(expected, 'utf8')) ?? {} : {}) as Partial<FixtureExpectation>;
      const settings = {
        asOf: expectation.now ?? DEFAULT_NOW,
        rules: expectation.rules ?? {},
        maxFileBytes: expectation.maxFileBytes ?? 2 * 1024 * 1024,
        exclude: ['**/expected.yaml'],
      };
      await client.configure(settings);
      await client.foldersChanged([root], previous ? [previous] : []);
      previous = root;
      const core = coreWorkspace(root, settings);
      for (const file of core.program.paths()) {
        // The server has the case as the core has it before anything is asked.
        await client.waitForDiagnostics(fileUri(file), (list) => sameFindings(list, core.program.findings(file)), 30_000);
      }
      const before = core.findings();
      for (const file of core.program.paths().filter((candidate) => core.program.findings(candidate).length > 0)) {
        const text = readFileSync(file, 'utf8');
        const uri = await client.open(file, text);
        const everything = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
        const actions = [
          ...await client.codeActions(uri, everything),
          ...await client.codeActions(uri, { start: everything.start, end: everything.start }, { diagnostics: [], only: ['source.fixAll'] }),
        ];
        for (const action of actions) {
          const { version, edits } = editsOf(action);
          assert.equal(version, 1);
          const findingsAfter = core.withText(file, applyEdits(text, edits).text);
          assertFix({
            file, before: text, edits, targets: action.diagnostics as Diagnostic[], waiver: action.title.startsWith('Waive '),
            findingsBefore: before, findingsAfter, what: `${path.relative(RULES, file)}: ${action.title}`,
          });
          const kind = ['Fix all cc7', 'Fix all ', 'Add the missing evidence', 'Add the required key', 'Track ', 'Record that no', 'Write ', 'Rename ', 'Waive ']
            .find((start) => action.title.startsWith(start))!;
          applied.set(kind, (applied.get(kind) ?? 0) + 1);
        }
        await client.close(uri);
      }
    }
  });
});

/** The core's view of a fixture folder with the server's settings, and of it with one file's text replaced. */
function coreWorkspace(root: string, settings: { asOf: string; rules: FixtureExpectation['rules']; maxFileBytes: number }) {
  const now = parseAsOf(settings.asOf);
  const overlay = new Map<string, string>();
  const program = new Program({
    read: (file) => (overlay.has(file) ? { text: overlay.get(file)! } : readContent(file, settings.maxFileBytes)),
    clock: () => now,
    settings: { rules: settings.rules ?? {}, maxFileBytes: settings.maxFileBytes },
  });
  program.addFiles(plansFirst(listFiles(root, { include: DEFAULT_INCLUDE, exclude: ['**/expected.yaml'] })));
  const findings = () => program.paths().flatMap((file) => program.findings(file));
  return {
    program,
    findings,
    /** Every finding with `file` holding `text`; the program is put back as it was afterwards. */
    withText(file: string, text: string): Finding[] {
      const original = readFileSync(file, 'utf8');
      overlay.set(file, text);
      program.updateFile(file, { text });
      const result = findings();
      overlay.delete(file);
      program.updateFile(file, { text: original });
      return result;
    },
  };
}

/** Whether published diagnostics are the core's findings (rule, range, message). */
function sameFindings(diagnostics: readonly Diagnostic[], findings: readonly Finding[]): boolean {
  const key = (rule: unknown, range: Diagnostic['range'], message: string) =>
    `${String(rule)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;
  const published = diagnostics.map((d) => key(d.code, d.range, textOf(d.message))).sort();
  const expected = findings.map((f) => key(f.rule, f.range, f.message)).sort();
  return JSON.stringify(published) === JSON.stringify(expected);
}
