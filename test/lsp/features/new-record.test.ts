/**
 * cc7.server.newRecord and cc7/recordChoices over real JSON-RPC: the next free id of the
 * year of now (in the plan's zone), the record's file and text, the cursor on the first field
 * to fill; and the choices a client asks the user for.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACME, ACME_FILES, acmeServers } from '../../support/acme';
import { fileUri, type LspClient } from '../../support/lsp-client';
import { Requests, ServerCommands, type NewRecordArgs, type NewRecordResult, type RecordChoices } from '../../../server/src/protocol';

describe('LSP cc7.server.newRecord', () => {
  const acme = acmeServers();

  const create = (server: LspClient, args: NewRecordArgs) => server.executeCommand<NewRecordResult>(ServerCommands.newRecord, args);

  it('writes the next incident of the year, detected now with the plan offset, the cursor on the incident lead', async () => {
    const server = await acme.start();
    const record = await create(server, { kind: 'Incident', title: 'Leaked deploy key: prod #2', severity: 'SEV2', category: 'unauthorized-access', detectionSource: 'siem-alert' });
    assert.deepEqual(record, {
      id: 'INC-2026-013',
      uri: fileUri(path.join(ACME, 'incidents', 'INC-2026-013.yaml')),
      text: `apiVersion: cc7/v1
kind: Incident
id: INC-2026-013
title: "Leaked deploy key: prod #2"
severity: SEV2
status: identification
category: unauthorized-access
detected_at: 2026-11-26T07:00:00-05:00
detection_source: siem-alert
roles:
  incident_lead: 
timeline:
  - { at: 2026-11-26T07:00:00-05:00, event: Incident record opened }
`,
      cursor: { line: 10, character: 17 },
    });
  });

  it('leaves the fields not chosen empty, the cursor on the first of them', async () => {
    const server = await acme.start();
    const record = await create(server, { kind: 'Incident', title: 'Stolen badge' });
    assert.equal(record.text.split('\n')[4], 'severity: ');
    assert.deepEqual(record.cursor, { line: 4, character: 10 });
  });

  it('numbers security events with four digits and tabletop exercises with two', async () => {
    const server = await acme.start();
    const event = await create(server, { kind: 'SecurityEvent', title: 'Impossible travel', detectionSource: 'siem-alert' });
    assert.equal(event.id, 'EVT-2026-0009');
    assert.equal(event.uri, fileUri(path.join(ACME, 'events', 'EVT-2026-0009.yaml')));
    assert.equal(event.text, `apiVersion: cc7/v1
kind: SecurityEvent
id: EVT-2026-0009
title: Impossible travel
detected_at: 2026-11-26T07:00:00-05:00
detection_source: siem-alert
triage:
  assessed_at: 2026-11-26T07:00:00-05:00
  assessed_by: 
  outcome:
  rationale:
`);
    assert.deepEqual(event.cursor, { line: 8, character: 15 });
    const exercise = await create(server, { kind: 'TabletopExercise', title: 'Ransomware on the build farm' });
    assert.equal(exercise.id, 'TTX-2026-03');
    assert.equal(exercise.uri, fileUri(path.join(ACME, 'tabletop', 'TTX-2026-03.yaml')));
    assert.deepEqual(exercise.cursor, { line: 5, character: 10 });
  });

  it('counts the year in the plan zone, and skips an id taken by another kind of record', async () => {
    const root = acme.copy();
    mkdirSync(path.join(root, 'notes'));
    // A record of another kind already holds INC-2027-001 (duplicate-id would follow).
    writeFileSync(path.join(root, 'notes', 'odd.yaml'), `apiVersion: cc7/v1
kind: SecurityEvent
id: INC-2027-001
title: Misfiled
detected_at: 2026-12-31T09:00:00Z
detection_source: other
triage: { assessed_at: 2026-12-31T10:00:00Z, assessed_by: carol@acme.io, outcome: false-positive, rationale: Test }
`);
    // 03:00 UTC on 1 January 2027 is still 31 December 2026 in New York.
    const server = await acme.start(root, '2027-01-01T03:00:00Z');
    assert.equal((await create(server, { kind: 'Incident' })).id, 'INC-2026-013');
    await server.stop();
    const later = await acme.start(root, '2027-01-01T06:00:00Z', ACME_FILES + 1);
    assert.equal((await create(later, { kind: 'Incident' })).id, 'INC-2027-002');
  });

  it('answers null for a kind it does not create', async () => {
    const server = await acme.start();
    assert.equal(await server.executeCommand(ServerCommands.newRecord, { kind: 'Runbook' }), null);
  });

  it("offers the plan's severities and the schema's categories and detection sources", async () => {
    const server = await acme.start();
    assert.deepEqual(await server.request<RecordChoices>(Requests.recordChoices, { folder: fileUri(ACME) }), {
      severities: [{ id: 'SEV1', name: 'Critical' }, { id: 'SEV2', name: 'High' }, { id: 'SEV3', name: 'Medium' }, { id: 'SEV4', name: 'Low' }],
      categories: ['unauthorized-access', 'data-breach', 'malware', 'denial-of-service', 'insider-threat', 'vendor', 'availability', 'other'],
      detectionSources: ['siem-alert', 'cloud-provider', 'ids', 'vulnerability-scan', 'employee-report', 'customer-report', 'vendor-notice', 'other'],
    });
  });
});
