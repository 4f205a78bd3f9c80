// How the language server keeps answering while a plan edit re-checks a large workspace: the
// Program hands the outdated documents to a RecheckQueue (onOutdated) instead of re-reading
// them; the queue's jobs carry an open buffer's text, so no worker reads the disk behind it;
// results come back through ingest, which drops a result for a file removed meanwhile and
// one superseded by a newer edit.
import assert from 'node:assert/strict';
import { analyzeFile } from '../../server/src/core/service/analyze';
import { hashText, type AnalyzedFile } from '../../server/src/core/service/program';
import { analyzeJob } from '../../server/src/node/analysis-worker';
import { RecheckQueue } from '../../server/src/node/recheck-queue';
import { identificationIncident, planWithSeverities } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-04-15T12:00:00Z');

const SEV2 = '  - { id: SEV2, name: High, post_incident_review: { required: false } }\n';
const SEV3 = '  - { id: SEV3, name: Medium, post_incident_review: { required: false } }\n';

/** What a worker thread does for a job: analyse the text it was given (or the file's) with the program's context. */
function analyseElsewhere(ws: MemoryWorkspace, path: string, text = ws.files.get(path)!): AnalyzedFile {
  const { context } = ws.program.analysisContext();
  return { path, hash: hashText(text), analysis: analyzeFile({ path, text }, context) };
}

const noYield = async () => undefined;

async function setUp(openText: (path: string) => string | undefined = () => undefined) {
  const queue = new RecheckQueue(openText);
  const ws = new MemoryWorkspace(NOW, { onOutdated: queue.add });
  ws.add({ 'plan.yaml': planWithSeverities(SEV2 + SEV3), 'incidents/INC-1.yaml': identificationIncident('INC-1'), 'incidents/INC-2.yaml': identificationIncident('INC-2') });
  await queue.run(ws.program, undefined, noYield);
  return { ws, queue };
}

/** A plan edit (SEV2 dropped) whose re-check jobs are taken and analysed as a worker would, under the plan key of their time; nothing ingested yet. */
async function planEditInFlight() {
  const { ws, queue } = await setUp();
  ws.edit('plan.yaml', planWithSeverities(SEV3));
  const jobs = queue.take();
  const { planKey } = ws.program.analysisContext();
  return { ws, queue, jobs, planKey, results: jobs.map((job) => analyseElsewhere(ws, job.path)) };
}

const rules = (ws: MemoryWorkspace, path: string) => ws.program.findings(path).map((finding) => finding.rule);

describe('RecheckQueue', () => {
  it('receives the documents a plan edit affects; the program re-reads nothing itself', async () => {
    const { ws, queue } = await setUp();
    ws.takeReads();
    ws.edit('plan.yaml', planWithSeverities(SEV3));
    assert.deepEqual(ws.takeReads(), [], 'nothing re-read yet');
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), [], 'still the findings of the old plan');
    // The plan itself is checked against its new self at once, from the edited text.
    assert.deepEqual(queue.take().map((job) => job.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml']);
  });

  it('runs them and the program takes the results, against the new plan', async () => {
    const { ws, queue } = await setUp();
    ws.edit('plan.yaml', planWithSeverities(SEV3));
    const changes = await queue.run(ws.program, undefined, noYield);
    assert.ok(changes.has('incidents/INC-1.yaml') && changes.has('incidents/INC-2.yaml'));
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), ['unknown-reference'], 'SEV2 is no longer a plan severity');
    assert.equal(queue.size, 0, 'nothing left to do');
  });

  it("gives a job the open buffer's text, never the disk's", async () => {
    const buffer = identificationIncident('INC-1').replace('title: Leaked API key', 'title: Unsaved title');
    const { ws, queue } = await setUp((path) => (path === 'incidents/INC-1.yaml' ? buffer : undefined));
    ws.edit('plan.yaml', planWithSeverities(SEV3));
    const jobs = queue.take();
    assert.equal(jobs.find((job) => job.path === 'incidents/INC-1.yaml')?.text, buffer);
    assert.equal(jobs.find((job) => job.path === 'incidents/INC-2.yaml')?.text, undefined, 'a closed file is read from disk by the worker');
  });

  it('a result for a file removed meanwhile, or superseded by an edit, is dropped', async () => {
    const { ws, planKey, results: late } = await planEditInFlight();
    ws.remove('incidents/INC-2.yaml');
    ws.edit('incidents/INC-1.yaml', identificationIncident('INC-1').replace('severity: SEV2', 'severity: SEV3'));
    ws.program.ingest(late, planKey);
    assert.ok(!ws.program.paths().includes('incidents/INC-2.yaml'), 'the removed file stays removed');
    assert.deepEqual(rules(ws, 'incidents/INC-1.yaml'), [], 'the newer edit (SEV3, a plan severity) stands');
  });

  it('a result computed against a plan changed since is kept and queued again', async () => {
    const { ws, queue, jobs, planKey, results } = await planEditInFlight();
    ws.edit('plan.yaml', planWithSeverities(SEV2));
    queue.finish(jobs);
    queue.finish(queue.take());
    ws.program.ingest(results.filter((result) => result.path !== 'plan.yaml'), planKey);
    assert.deepEqual(queue.take().map((job) => job.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml']);
  });

  /** A set-up workspace whose every document was analysed as the workers do (each result with the digest of its analysis), with that analysis's context and plan key. */
  async function analysedAsWorkers() {
    const { ws, queue } = await setUp();
    ws.program.recheckAll();
    const { context, planKey } = ws.program.analysisContext();
    const first = queue.take();
    ws.program.ingest(first.map((job) => analyzeJob({ ...job, text: ws.files.get(job.path)! }, context)), planKey);
    queue.finish(first);
    return { ws, queue, context, planKey };
  }

  it('a re-analysis elsewhere that finds the analysis the program holds sends back no facts, and the program keeps its own', async () => {
    const { ws, queue } = await analysedAsWorkers();
    const facts = ws.program.facts('incidents/INC-1.yaml');
    const findings = ws.program.findings('incidents/INC-1.yaml');
    // SEV3's window changes: INC-1 (SEV2) reads nothing of it, but the plan's own analysis does.
    ws.edit('plan.yaml', planWithSeverities(SEV2 + SEV3.replace('required: false', 'required: true, due_business_days: 5')));
    ws.program.recheckAll();
    const jobs = queue.take((path) => ws.program.digestOf(path));
    assert.deepEqual(jobs.map((job) => job.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml']);
    assert.deepEqual(jobs.filter((job) => job.known !== undefined).map((job) => job.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml'],
      'each job analysed elsewhere names the analysis held (the plan was analysed here, at its edit)');
    const again = jobs.map((job) => analyzeJob({ ...job, text: ws.files.get(job.path)! }, ws.program.analysisContext().context));
    const incident = again.find((result) => result.path === 'incidents/INC-1.yaml')!;
    assert.equal(incident.unchanged, true);
    assert.equal(incident.analysis, undefined, 'no facts sent back');
    const before = ws.program.stats.analysed;
    ws.program.ingest(again, ws.program.analysisContext().planKey);
    queue.finish(jobs);
    assert.equal(ws.program.stats.analysed - before, again.length, 'each counts as re-analysed');
    assert.equal(ws.program.facts('incidents/INC-1.yaml'), facts, 'the facts kept are the objects kept');
    assert.deepEqual(ws.program.findings('incidents/INC-1.yaml'), findings);
    assert.equal(queue.size, 0, 'nothing outdated: the program holds every document against the new plan');
    assert.deepEqual(ws.program.saved().map((file) => file.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml'], 'and saves it');
  });

  it('an unchanged result for an analysis the program has replaced since is redone', async () => {
    const { ws, queue, context, planKey } = await analysedAsWorkers();
    ws.program.recheckAll();
    const jobs = queue.take((path) => ws.program.digestOf(path));
    const late = jobs.map((job) => analyzeJob({ ...job, text: ws.files.get(job.path)! }, context));
    assert.ok(late.every((result) => result.unchanged), 'nothing changed: every result comes back unchanged');
    queue.finish(jobs);
    // Meanwhile this thread analyses INC-1 again (same text): its analysis is no longer the one the job named.
    ws.program.recheck(['incidents/INC-1.yaml']);
    ws.program.ingest(late, planKey);
    assert.deepEqual(queue.take().map((job) => job.path), ['incidents/INC-1.yaml']);
  });

  it('recheckAll queues everything and recomputes the cross-file findings at once', async () => {
    const { ws, queue } = await setUp();
    ws.takeReads();
    ws.program.recheckAll();
    assert.deepEqual(ws.takeReads(), []);
    assert.deepEqual(queue.take().map((job) => job.path).sort(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml']);
  });
});
