// What a change costs: the Program re-parses only the documents a change can affect (issue 3:
// an edit to the plan re-checks everything that uses the plan; an edit to an incident re-checks
// that incident, and the documents that refer to its id through the facts index, without
// re-reading them). Counted through the `read` the Program is given.
import assert from 'node:assert/strict';
import { escalatedEvent, identificationIncident, responsePlan } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-04-15T12:00:00Z');

const plan = (timezone: string, comment = '') => responsePlan({ timezone, organization: `Acme Cloud, Inc.${comment}` });

/** A workspace in memory whose reads are counted per path, scanned with the plan first. */
function workspace(files: Record<string, string>): MemoryWorkspace {
  const ws = new MemoryWorkspace(NOW);
  const order = Object.keys(files).sort((a, b) => (a === 'plan.yaml' ? -1 : b === 'plan.yaml' ? 1 : a < b ? -1 : 1));
  ws.add(Object.fromEntries(order.map((path) => [path, files[path]!])));
  return ws;
}

const FILES = () => ({
  'plan.yaml': plan('America/New_York'),
  'incidents/INC-1.yaml': identificationIncident('INC-1'),
  'incidents/INC-2.yaml': identificationIncident('INC-2'),
  'events/EVT-1.yaml': escalatedEvent('EVT-1', 'INC-1'),
});

describe('Program: a change re-reads only what it can affect', () => {
  it('reads each file once on the initial scan when the plan comes first', () => {
    const ws = workspace(FILES());
    assert.deepEqual(ws.takeReads(), ['events/EVT-1.yaml', 'incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'plan.yaml']);
  });

  it('an edit to an incident re-reads nothing else, yet the event that links to it is re-checked', () => {
    const ws = workspace(FILES());
    ws.takeReads();
    const changes = ws.edit('incidents/INC-1.yaml', identificationIncident('INC-9'));
    assert.deepEqual(ws.takeReads(), [], 'the edited text was given; no other file is re-read');
    // The event now names an incident that no longer exists: re-checked from the facts alone.
    assert.ok(changes.has('events/EVT-1.yaml'), 'the referring event is re-checked');
    assert.ok(ws.program.findings('events/EVT-1.yaml').some((finding) => finding.rule === 'escalation-link'));
    assert.ok(!changes.has('incidents/INC-2.yaml'), 'an unrelated incident is not re-checked');
  });

  it('an edit to the plan that changes what documents use re-reads every document', () => {
    const ws = workspace(FILES());
    ws.takeReads();
    ws.edit('plan.yaml', plan('Europe/Berlin'));
    // Not the plan: its own rules ran again at once, on the edited text, against its new facts.
    assert.deepEqual(ws.takeReads(), ['events/EVT-1.yaml', 'incidents/INC-1.yaml', 'incidents/INC-2.yaml']);
  });

  it('an edit to the plan that leaves its facts unchanged (a comment) re-reads nothing', () => {
    const ws = workspace(FILES());
    ws.takeReads();
    ws.edit('plan.yaml', plan('America/New_York', '  # reviewed by legal'));
    assert.deepEqual(ws.takeReads(), []);
  });

  it('an edit that changes no fact keeps the facts and findings kept (the same objects); one that does replaces them', () => {
    const ws = workspace(FILES());
    const facts = ws.program.facts('incidents/INC-1.yaml');
    const findings = ws.program.findings('incidents/INC-1.yaml');
    const changes = ws.edit('incidents/INC-1.yaml', identificationIncident('INC-1').replace('detection_source: siem-alert', 'detection_source: ids'));
    assert.equal(ws.program.facts('incidents/INC-1.yaml'), facts);
    assert.equal(ws.program.findings('incidents/INC-1.yaml'), findings);
    assert.deepEqual([...changes.keys()], [], 'nothing to publish');
    ws.edit('incidents/INC-1.yaml', identificationIncident('INC-1', 'Leaked API key, rotated'));
    assert.notEqual(ws.program.facts('incidents/INC-1.yaml'), facts);
    assert.equal(ws.program.facts('incidents/INC-1.yaml')?.title, 'Leaked API key, rotated');
  });

  it('content identical to what was analysed is not analysed again', () => {
    const ws = workspace(FILES());
    ws.takeReads();
    const changes = ws.program.updateFile('incidents/INC-2.yaml');
    assert.deepEqual(ws.takeReads(), ['incidents/INC-2.yaml'], 'read to compare its hash');
    assert.ok(!changes.has('incidents/INC-2.yaml'), 'nothing new to publish');
  });
});
