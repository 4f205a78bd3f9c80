/**
 * A multi-root workspace: each folder is its own CC7 program (its own plan, ids and
 * cross-file checks), over real JSON-RPC. Both folders hold the same clean program, so any
 * leak between them would show as duplicate-id or a second-plan finding.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, fileUri, LspClient, textOf, withCode } from '../support/lsp-client';

/** The files of the `clean` fixture, relative to a folder. */
const CLEAN_FILES = ['events/EVT-2026-0002.yaml', 'plan/response-plan.yaml', 'tabletop/TTX-2026-01.yaml'];

const incidentUsing = (runbook: string) => `apiVersion: cc7/v1
kind: Incident
id: INC-2026-001
title: Leaked deploy key
severity: SEV2
status: identification
category: unauthorized-access
runbook: ${runbook}
detected_at: 2026-06-01T09:14:00Z
detection_source: siem-alert
roles: { incident_lead: alice@acme.io }
timeline:
  - { at: 2026-06-01T09:14:00Z, event: GuardDuty alert on the deploy key }
`;

describe('language server over stdio: multi-root workspaces', () => {
  let first: ReturnType<typeof copyWorkspace>;
  let second: ReturnType<typeof copyWorkspace>;
  let client: LspClient | undefined;

  beforeEach(() => {
    first = copyWorkspace('clean');
    second = copyWorkspace('clean');
  });

  afterEach(async () => {
    await client?.end();
    client = undefined;
    first.remove();
    second.remove();
  });

  it('checks each folder as its own program: the same ids in two folders are no duplicates', async () => {
    client = await LspClient.start({ folders: [first.root, second.root] });
    await client.waitForPublishedUris(2 * CLEAN_FILES.length);
    for (const root of [first.root, second.root]) {
      for (const file of CLEAN_FILES) {
        assert.deepEqual(client.latest(fileUri(path.join(root, file))), [], `${file} in ${path.basename(root)} is clean`);
      }
    }
  });

  it("resolves references within the folder only: another folder's runbook does not count", async () => {
    mkdirSync(path.join(first.root, 'runbooks'));
    writeFileSync(path.join(first.root, 'runbooks', 'RB-DEPLOY-KEY.yaml'), `apiVersion: cc7/v1
kind: Runbook
id: RB-DEPLOY-KEY
title: Leaked deploy key
owner: security_operations
last_reviewed: 2026-02-01
phases:
  identification: [ { step: Confirm the key is valid } ]
  containment: [ { step: Revoke the key } ]
  investigation: [ { step: Pull the audit log } ]
  remediation: [ { step: Open tickets } ]
  recovery: [ { step: Issue a new key } ]
  post_incident_review: [ { step: Hold the review } ]
`);
    mkdirSync(path.join(first.root, 'incidents'));
    mkdirSync(path.join(second.root, 'incidents'));
    writeFileSync(path.join(first.root, 'incidents', 'INC-2026-001.yaml'), incidentUsing('RB-DEPLOY-KEY'));
    writeFileSync(path.join(second.root, 'incidents', 'INC-2026-001.yaml'), incidentUsing('RB-DEPLOY-KEY'));
    client = await LspClient.start({ folders: [first.root, second.root] });
    const inFirst = await client.waitForDiagnostics(fileUri(path.join(first.root, 'incidents', 'INC-2026-001.yaml')), () => true);
    const inSecond = await client.waitForDiagnostics(fileUri(path.join(second.root, 'incidents', 'INC-2026-001.yaml')), () => true);
    assert.deepEqual(withCode(inFirst, 'unknown-reference'), [], 'the runbook of its own folder resolves');
    assert.equal(withCode(inSecond, 'unknown-reference').length, 1, 'the other folder has no such runbook');
    assert.deepEqual(withCode([...inFirst, ...inSecond], 'duplicate-id'), [], 'the same incident id in two folders is no duplicate');
  });

  it('clears the diagnostics of a folder the user removes, and checks a folder the user adds', async () => {
    writeFileSync(path.join(second.root, 'events', 'EVT-2026-0002.yaml'), 'apiVersion: cc7/v1\nkind: SecurityEvent\nid: EVT-2026-0002\ntitel: typo\n');
    client = await LspClient.start({ folders: [first.root] });
    await client.waitForPublishedUris(CLEAN_FILES.length);
    const event = fileUri(path.join(second.root, 'events', 'EVT-2026-0002.yaml'));
    assert.equal(client.latest(event), undefined, 'a folder not in the workspace is not checked');
    await client.foldersChanged([second.root], []);
    const added = await client.waitForDiagnostics(event, (diagnostics) => withCode(diagnostics, 'unknown-key').length > 0);
    assert.ok(added.length > 0);
    await client.foldersChanged([], [second.root]);
    await client.waitForDiagnostics(event, (diagnostics) => diagnostics.length === 0);
  });
});

describe('language server over stdio: an edit to the plan re-checks the documents that use it', () => {
  it('reports an incident whose severity the edited plan no longer defines, without opening it', async () => {
    const workspace = copyWorkspace('clean');
    mkdirSync(path.join(workspace.root, 'incidents'));
    const incidentFile = path.join(workspace.root, 'incidents', 'INC-2026-001.yaml');
    writeFileSync(incidentFile, incidentUsing('RB-NONE').replace('runbook: RB-NONE\n', ''));
    const client = await LspClient.start({ workspace: workspace.root });
    try {
      const incident = fileUri(incidentFile);
      await client.waitForDiagnostics(incident, (diagnostics) => withCode(diagnostics, 'unknown-reference').length === 0);
      const planFile = path.join(workspace.root, 'plan', 'response-plan.yaml');
      const plan = await client.open(planFile, readFileSync(planFile, 'utf8'));
      await client.replace(plan, '  - id: [[SEV2]]', 'SEV9');
      const after = await client.waitForDiagnostics(incident, (diagnostics) => withCode(diagnostics, 'unknown-reference').length > 0);
      assert.match(textOf(withCode(after, 'unknown-reference')[0].message), /SEV2/);
    } finally {
      await client.end();
      workspace.remove();
    }
  });
});
