/**
 * Inlay hints over stdio: each regime's deadline after its clock trigger, and the time left
 * or past after every date with a deadline meaning, at a pinned "now"; refreshed when a file
 * changes and as time passes.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { InlayHintRefreshRequest, type InlayHint } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from '../../support/fixtures';
import { FileChangeType, type LspClientOptions } from '../../support/lsp-client';
import { CLOSED, INCIDENT, navigationWorkspace, PLAN, REFRESHING, refreshedUntil, RUNBOOK, TABLETOP } from '../../support/navigation';

describe('language server over stdio: inlay hints', () => {
  const navigation = navigationWorkspace();

  /** Starts the server on the fixture workspace, waits for its scan, and opens `relative`. */
  const open = async (relative: string, options: Omit<LspClientOptions, 'workspace'> = {}) => {
    const server = await navigation.start(options);
    return { server, ...await navigation.open(relative) };
  };
  /** `line:character label`, the position given as the end of the [[marked]] snippet. */
  const expected = (text: string, hints: [string, string][]) =>
    hints.map(([after, label]) => {
      const { end } = rangeOfSnippet(text, after, label);
      return `${end.line}:${end.character} ${label}`;
    });
  const shown = (hints: InlayHint[]) => hints.map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}`);

  describe('on one server at a pinned now (a test that edits closes the document again)', () => {
    const opened = new Map<string, { uri: string; text: string }>();
    /** Opens a file once on the shared server. */
    const shared = async (relative: string) => {
      if (!opened.has(relative)) opened.set(relative, await navigation.open(relative));
      return { server: navigation.server, ...opened.get(relative)! };
    };
    navigation.shared();

    it('after every clock trigger, one hint per regime whose clock starts there; after item dues and a waiver expiry', async () => {
      const { server, uri, text } = await shared(INCIDENT);
      assert.deepEqual(shown(await server.inlayHints(uri)), expected(text, [
        ['aware_at: [[2026-03-02T10:05:00Z]]', '→ GDPR Art. 33 due Thu 5 Mar 10:05 UTC, 10 h left'],
        ['aware_at: [[2026-03-02T10:05:00Z]]', '→ California due Wed 1 Apr 10:05 UTC, met'],
        ['aware_at: [[2026-03-02T10:05:00Z]]', '→ Customer DPA due Wed 4 Mar 10:05 UTC, breached 14 h ago'],
        ['decided_at: [[2026-03-02T15:00:00Z]]', '→ Colorado: not required'],
        ['ticket: SEC-1, due: [[2026-03-09]]', '→ 5 d 3 h left'],
        ['ticket: SEC-2, due: [[2026-03-01]]', '→ overdue by 2 d 19 h'],
        ['expires: [[2026-03-31]]', '→ expires in 27 d 3 h'],
      ]));
    });

    it('says in the tooltip the regime in full, the due instant in UTC and in the plan\'s zone, and where the clock starts', async () => {
      const { server, uri } = await shared(INCIDENT);
      const hints = await server.inlayHints(uri);
      assert.deepEqual(hints.map((hint) => hint.tooltip).slice(0, 4), [
        'GDPR Art. 33 notice to the supervisory authority: due 2026-03-05 10:05 UTC (2026-03-05 05:05 America/New_York), '
          + '72 h from notifications.aware_at. Source: GDPR Art. 33(1); WP250.',
        'California breach notice to residents: due 2026-04-01 10:05 UTC (2026-04-01 06:05 America/New_York), '
          + '30 calendar days from notifications.aware_at. Source: Cal. Civ. Code 1798.82 (SB 446).',
        'Customer notice under the data processing agreement: due 2026-03-04 10:05 UTC (2026-03-04 05:05 America/New_York), '
          + "48 h from notifications.aware_at. Source: the organization's DPAs (plan notification.customer_dpa_hours).",
        'Colorado breach notice to residents, 30 calendar days from notifications.breach_determination.decided_at. '
          + 'Closed by its entry under notifications.not_required. Source: C.R.S. 6-1-716.',
      ]);
      assert.equal(hints[4]!.tooltip, 'REM-1 is due the end of 2026-03-09 in America/New_York (2026-03-10 03:59 UTC)');
      assert.ok(hints.every((hint) => hint.paddingLeft === true));
    });

    it('on a closed incident: a late notice, an item done late, the post-incident review held late', async () => {
      const { server, uri, text } = await shared(CLOSED);
      assert.deepEqual(shown(await server.inlayHints(uri)), expected(text, [
        ['aware_at: [[2026-02-02T15:00:00Z]]', '→ GDPR Art. 33 due Thu 5 Feb 15:00 UTC, late by 3 h'],
        ['due: [[2026-02-20]]', '→ done 3 d 5 h late'],
        ['resolved_at: [[2026-02-03T09:00:00Z]]', '→ review due Wed 11 Feb 04:59 UTC, held 2 d 11 h late'],
      ]));
    });

    it("after a runbook's last_reviewed, its next review; after an exercise's improvement, its due", async () => {
      const runbook = await shared(RUNBOOK);
      assert.deepEqual(shown(await runbook.server.inlayHints(runbook.uri)), expected(runbook.text, [
        ['last_reviewed: [[2026-02-01]]', '→ next review due Mon 1 Feb 2027 05:00 UTC, 333 d 4 h left'],
      ]));
      const { uri, text } = await shared(TABLETOP);
      assert.deepEqual(shown(await runbook.server.inlayHints(uri)), expected(text, [['due: [[2026-04-01]]', '→ 28 d 3 h left']]));
    });

    it('answers only the hints inside the requested range', async () => {
      const { server, uri, text } = await shared(INCIDENT);
      const range = { start: rangeOfSnippet(text, '[[remediation]]:', 'start').start, end: rangeOfSnippet(text, '[[waivers]]:', 'end').start };
      assert.deepEqual(shown(await server.inlayHints(uri, range)), expected(text, [
        ['ticket: SEC-1, due: [[2026-03-09]]', '→ 5 d 3 h left'],
        ['ticket: SEC-2, due: [[2026-03-01]]', '→ overdue by 2 d 19 h'],
      ]));
    });

    it('counts from detected_at when aware_at is missing, and says so', async () => {
      const { server, uri } = await shared(INCIDENT);
      await server.replace(uri, '[[  aware_at: 2026-03-02T10:05:00Z\n]]', '');
      const [first] = await server.inlayHints(uri);
      await server.close(uri);
      opened.delete(INCIDENT);
      // detected_at comes before the removed line: its place is the same as on disk.
      const text = navigation.read(INCIDENT);
      assert.equal(`${first!.position.line}:${first!.position.character} ${String(first!.label)}`,
        expected(text, [['detected_at: [[2026-03-02T09:14:00Z]]', '→ GDPR Art. 33 due Thu 5 Mar 09:14 UTC, 9 h left']])[0]);
      assert.match(String(first!.tooltip), /72 h from detected_at \(notifications\.aware_at is missing or unreadable, so the clock starts at detected_at\)/);
    });
  });

  describe('on a server each', () => {
    navigation.perTest();

    it('counts from the cc7.asOf of the initialization options', async () => {
      const { server, uri } = await open(INCIDENT, {
        capabilities: { workspace: { workspaceFolders: true } },
        initializationOptions: { settings: { asOf: '2026-03-05T09:05:00Z' } },
      });
      const labels = (await server.inlayHints(uri)).map((hint) => hint.label);
      assert.deepEqual(labels.slice(0, 3), [
        '→ GDPR Art. 33 due Thu 5 Mar 10:05 UTC, 1 h left',
        '→ California due Wed 1 Apr 10:05 UTC, met',
        '→ Customer DPA due Wed 4 Mar 10:05 UTC, breached 23 h ago',
      ]);
    });

    it('asks the client to refresh when a file changes, and the hints then show the change', async () => {
      const { server, uri } = await open(INCIDENT, { capabilities: REFRESHING });
      const plan = navigation.file(PLAN);
      await refreshedUntil(server, InlayHintRefreshRequest.method, async () => {
        writeFileSync(plan, readFileSync(plan, 'utf8').replace('customer_dpa_hours: 48', 'customer_dpa_hours: 72'));
        await server.filesChanged({ file: plan, type: FileChangeType.Changed });
      }, async () => (await server.inlayHints(uri)).some((hint) => hint.label === '→ Customer DPA due Thu 5 Mar 10:05 UTC, 10 h left'));
    });

    it('asks the client to refresh when a countdown it shows reads differently, as the wall clock passes', async () => {
      // No pinned now: CC7_NOW is blank, so the wall clock counts.
      const { server } = await open(INCIDENT, { capabilities: REFRESHING, env: { CC7_NOW: '' } });
      const due = new Date(Math.floor(Date.now() / 1000) * 1000 + 62_000).toISOString().replace('.000Z', 'Z');
      const soon = navigation.file('incidents/INC-2026-003.yaml');
      const uri = await server.open(soon, navigation.read(INCIDENT)
        .replace('id: INC-2026-001', 'id: INC-2026-003')
        .replace('due: 2026-03-09', `due: ${due}`));
      const label = async () => (await server.inlayHints(uri)).find((hint) => String(hint.label).endsWith(' left') && !String(hint.label).includes('GDPR'))?.label;
      assert.equal(await label(), '→ 1 min left');
      await refreshedUntil(server, InlayHintRefreshRequest.method, async () => undefined, async () => await label() === '→ less than 1 min left', 5_000);
    });
  });
});
