/**
 * cc7.server.advancePhase over real JSON-RPC: refused with exactly the evidence the next
 * phase lacks (each where it belongs), or applied by the client through workspace/applyEdit:
 * the status value and one timeline entry in the style of the ones before it, nothing else.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rangeOfSnippet } from '../../support/fixtures';
import { fileUri, type LspClient } from '../../support/lsp-client';
import { ServerCommands, type AdvancePhaseResult } from '../../../server/src/protocol';
import { ACME, acmeServers } from '../../support/acme';

describe('LSP cc7.server.advancePhase', () => {
  const acme = acmeServers();

  const advance = (server: LspClient, file: string) =>
    server.executeCommand<AdvancePhaseResult>(ServerCommands.advancePhase, { uri: fileUri(file) });

  it('announces its commands: every id of ServerCommands', async () => {
    const server = await acme.start();
    assert.deepEqual((await server.initializeResult).capabilities.executeCommandProvider?.commands?.slice().sort(),
      Object.values(ServerCommands).sort());
  });

  it('refuses identification → containment without triage, each missing key on its closest parent (a missing top-level key on kind)', async () => {
    const server = await acme.start();
    const file = path.join(ACME, 'incidents', 'INC-2026-012.yaml');
    const text = readFileSync(file, 'utf8');
    const onKind = rangeOfSnippet(text, '[[kind]]: Incident', file);
    assert.deepEqual(await advance(server, file), {
      applied: false,
      reason: 'INC-2026-012 cannot move to containment: record the evidence it needs first.',
      missing: [
        { path: 'triage.assessed_at', message: 'triage.assessed_at is missing', range: onKind },
        { path: 'triage.assessed_by', message: 'triage.assessed_by is missing', range: onKind },
        { path: 'triage.rationale', message: 'triage.rationale is missing', range: onKind },
      ],
    });
    assert.deepEqual(server.appliedEdits, [], 'nothing is edited');
  });

  it('refuses investigation → remediation without a root cause, on the investigation key', async () => {
    const server = await acme.start();
    const file = path.join(ACME, 'incidents', 'INC-2026-011.yaml');
    assert.deepEqual(await advance(server, file), {
      applied: false,
      reason: 'INC-2026-011 cannot move to remediation: record the evidence it needs first.',
      missing: [{ path: 'investigation.root_cause', message: 'investigation.root_cause is missing', range: rangeOfSnippet(readFileSync(file, 'utf8'), '[[investigation]]:\n', file) }],
    });
  });

  it('refuses recovery → post-incident-review, listing each missing piece', async () => {
    const server = await acme.start();
    const file = path.join(ACME, 'incidents', 'INC-2026-007.yaml');
    const text = readFileSync(file, 'utf8');
    const onRecovery = rangeOfSnippet(text, '\n[[recovery]]:', file);
    assert.deepEqual((await advance(server, file) as { missing: unknown[] }).missing, [
      { path: 'recovery.restored_at', message: 'recovery.restored_at is missing', range: onRecovery },
      { path: 'recovery.verified_by', message: 'recovery.verified_by is missing', range: onRecovery },
      { path: 'resolved_at', message: 'resolved_at is missing', range: rangeOfSnippet(text, '[[kind]]: Incident', file) },
    ]);
  });

  it('refuses a closed incident, and a document that is no incident', async () => {
    const server = await acme.start();
    assert.deepEqual(await advance(server, path.join(ACME, 'incidents', 'INC-2026-006.yaml')),
      { applied: false, reason: 'INC-2026-006 is already closed.', missing: [] });
    assert.deepEqual(await advance(server, path.join(ACME, 'runbooks', 'RB-RANSOMWARE.yaml')),
      { applied: false, reason: 'Advance phase works on an Incident record.', missing: [] });
    assert.deepEqual(await advance(server, path.join(ACME, 'EXPECTED.md')),
      { applied: false, reason: 'Advance phase works on a CC7 Incident record.', missing: [] });
  });

  it('moves containment → investigation in the open buffer: the status value and a flow entry after the last, at now with the plan offset', async () => {
    const root = acme.copy();
    const server = await acme.start(root);
    const file = path.join(root, 'incidents', 'INC-2026-008.yaml');
    const original = readFileSync(file, 'utf8');
    const uri = await server.open(file, original);
    await server.waitForDiagnostics(uri, () => true);
    const lastEntry = '  - { at: 2026-11-18T17:00:00Z, event: Former employee agreed to a third-party forensic check of the drive; scheduled for early December, by: erin@acme.io }';
    const entry = '\n  - { at: 2026-11-26T07:00:00-05:00, event: Phase advanced to investigation }';

    assert.deepEqual(await advance(server, file), { applied: true, phase: 'investigation' });
    assert.deepEqual(server.appliedEdits, [{
      label: 'Advance to investigation',
      edit: {
        changes: {
          [uri]: [
            { range: rangeOfSnippet(original, 'status: [[containment]]', file), newText: 'investigation' },
            { range: rangeOfSnippet(original, `${lastEntry}[[]]`, file), newText: entry },
          ],
        },
      },
    }]);
    const expected = original.replace('status: containment', 'status: investigation').replace(lastEntry, lastEntry + entry);
    assert.equal(server.text(uri), expected);
    // The edited record is clean: the entry is in order, and investigation's evidence was there.
    assert.deepEqual(await server.waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0), []);
  });

  it('writes a block entry after a block-mapping timeline, keeping comments, on a file never opened', async () => {
    const root = acme.copy();
    const file = path.join(root, 'incidents', 'INC-2026-099.yaml');
    writeFileSync(file, `apiVersion: cc7/v1
kind: Incident
id: INC-2026-099
title: Leaked API key
severity: SEV3
status: identification   # moves on once triaged
category: unauthorized-access
detected_at: 2026-11-20T09:14:00Z
detection_source: siem-alert
roles: { incident_lead: alice@acme.io }
triage: { assessed_at: 2026-11-20T09:40:00Z, assessed_by: carol@acme.io, rationale: Key valid }
timeline:
  - at: 2026-11-20T09:14:00Z
    event: GuardDuty alert   # the first signal

# notes follow
`);
    const server = await acme.start(root);
    assert.deepEqual(await advance(server, file), { applied: true, phase: 'containment' });
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(server.appliedEdits[0]!.edit.changes![fileUri(file)], [
      { range: rangeOfSnippet(text, 'status: [[identification]]', file), newText: 'containment' },
      {
        range: rangeOfSnippet(text, '    event: GuardDuty alert   # the first signal[[]]', file),
        newText: '\n  - at: 2026-11-26T07:00:00-05:00\n    event: Phase advanced to containment',
      },
    ]);
  });

  it('adds inside a flow-sequence timeline, and a timeline where there was none', async () => {
    const root = acme.copy();
    const flow = path.join(root, 'incidents', 'INC-2026-098.yaml');
    const head = `apiVersion: cc7/v1
kind: Incident
id: INC-2026-098
title: Leaked API key
severity: SEV3
status: "identification"
category: unauthorized-access
detected_at: 2026-11-20T09:14:00Z
detection_source: siem-alert
roles: { incident_lead: alice@acme.io }
triage: { assessed_at: 2026-11-20T09:40:00Z, assessed_by: carol@acme.io, rationale: Key valid }
`;
    writeFileSync(flow, `${head}timeline: [ { at: 2026-11-20T09:14:00Z, event: Alert } ]\n`);
    const server = await acme.start(root);
    await advance(server, flow);
    const text = readFileSync(flow, 'utf8');
    assert.deepEqual(server.appliedEdits[0]!.edit.changes![fileUri(flow)], [
      { range: rangeOfSnippet(text, 'status: [["identification"]]', flow), newText: 'containment' },
      { range: rangeOfSnippet(text, 'event: Alert }[[]] ]', flow), newText: ', { at: 2026-11-26T07:00:00-05:00, event: Phase advanced to containment }' },
    ]);

    const none = path.join(root, 'incidents', 'INC-2026-097.yaml');
    writeFileSync(none, head.replace('INC-2026-098', 'INC-2026-097'));
    await advance(server, none);
    const noneText = readFileSync(none, 'utf8');
    const end = rangeOfSnippet(noneText, 'rationale: Key valid }\n[[]]', none);
    assert.deepEqual(server.appliedEdits[1]!.edit.changes![fileUri(none)]![1],
      { range: end, newText: 'timeline:\n  - { at: 2026-11-26T07:00:00-05:00, event: Phase advanced to containment }\n' });
  });
});
