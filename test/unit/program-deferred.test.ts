// deferRechecks: how the language server keeps answering while a plan edit re-checks a large
// workspace. The Program queues the re-analyses (takeStale), a worker computes them from disk
// (analyzeFile with the program's context), and ingest takes them back; a result for a text
// the program no longer holds is redone here, and one for a file removed meanwhile is dropped.
import assert from 'node:assert/strict';
import { analyzeFile } from '../../server/src/core/service/analyze';
import { hashText, type AnalyzedFile } from '../../server/src/core/service/program';
import { identificationIncident } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-04-15T12:00:00Z');

const plan = (severities: string) => `apiVersion: cc7/v1
kind: ResponsePlan
organization: Acme Cloud, Inc.
timezone: America/New_York
roles:
  incident_lead: { title: Incident Response Lead, members: [alice@acme.io] }
severity_levels:
${severities}`;

const SEV2 = '  - { id: SEV2, name: High, post_incident_review: { required: false } }\n';
const SEV3 = '  - { id: SEV3, name: Medium, post_incident_review: { required: false } }\n';

/** What a worker thread does for a path: read it (here: the given text) and analyse it with the program's context. */
function analyseElsewhere(ws: MemoryWorkspace, path: string, text = ws.files.get(path)!): AnalyzedFile {
  const { context } = ws.program.analysisContext();
  return { path, hash: hashText(text), analysis: analyzeFile({ path, text }, context) };
}

function setUp() {
  const ws = new MemoryWorkspace(NOW, { deferRechecks: true });
  ws.add({ 'plan.yaml': plan(SEV2 + SEV3), 'incidents/INC-1.yaml': identificationIncident('INC-1'), 'incidents/INC-2.yaml': identificationIncident('INC-2') });
  ws.program.recheck(ws.program.takeStale());
  return ws;
}

const rules = (ws: MemoryWorkspace, path: string) => ws.program.findings(path).map((finding) => finding.rule);

describe('Program with deferRechecks', () => {
  it('queues the documents a plan edit affects instead of re-reading them', () => {
    const ws = setUp();
    ws.takeReads();
    ws.edit('plan.yaml', plan(SEV3));
    assert.deepEqual(ws.takeReads(), [], 'nothing re-read yet');
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), [], 'still the findings of the old plan');
    assert.deepEqual(ws.program.takeStale().sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml']);
  });

  it('takes the results computed elsewhere, against the new plan', () => {
    const ws = setUp();
    ws.edit('plan.yaml', plan(SEV3));
    const stale = ws.program.takeStale();
    const { planKey } = ws.program.analysisContext();
    const changes = ws.program.ingest(stale.map((path) => analyseElsewhere(ws, path)), planKey);
    assert.ok(changes.has('incidents/INC-1.yaml') && changes.has('incidents/INC-2.yaml'));
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), ['unknown-reference'], 'SEV2 is no longer a plan severity');
    assert.deepEqual(ws.program.takeStale(), [], 'nothing left to do');
  });

  it('redoes here a result whose text differs from what the program holds (an unsaved editor buffer)', () => {
    const ws = setUp();
    ws.edit('plan.yaml', plan(SEV3));
    const stale = ws.program.takeStale();
    ws.takeReads();
    const { planKey } = ws.program.analysisContext();
    const onDisk = identificationIncident('INC-1').replace('severity: SEV2', 'severity: SEV3');
    ws.program.ingest([analyseElsewhere(ws, 'incidents/INC-1.yaml', onDisk), ...stale.filter((p) => p !== 'incidents/INC-1.yaml').map((p) => analyseElsewhere(ws, p))], planKey);
    assert.deepEqual(ws.takeReads(), ['incidents/INC-1.yaml'], 'read again here, where the buffer is');
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), ['unknown-reference'], 'the buffer (SEV2) is what counts');
  });

  it('drops a late result for a file removed meanwhile, and one superseded by an edit', () => {
    const ws = setUp();
    ws.edit('plan.yaml', plan(SEV3));
    const stale = ws.program.takeStale();
    const { planKey } = ws.program.analysisContext();
    const late = stale.map((path) => analyseElsewhere(ws, path));
    ws.remove('incidents/INC-2.yaml');
    ws.edit('incidents/INC-1.yaml', identificationIncident('INC-1').replace('severity: SEV2', 'severity: SEV3'));
    ws.program.ingest(late, planKey);
    assert.ok(!ws.program.paths().includes('incidents/INC-2.yaml'), 'the removed file stays removed');
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), [], 'the newer edit (SEV3, a plan severity) stands');
  });

  it('recheckAll queues everything and recomputes the cross-file findings at once', () => {
    const ws = setUp();
    ws.takeReads();
    ws.program.recheckAll();
    assert.deepEqual(ws.takeReads(), []);
    assert.deepEqual(ws.program.takeStale().sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml']);
  });
});
