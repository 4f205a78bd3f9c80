// core/service/completion.ts on its own, with a Program in memory: what the LSP tests cannot
// set up cheaply (a workspace with more incident ids than a list holds).
import assert from 'node:assert/strict';
import { readDocument } from '../../server/src/core/service/analyze';
import { completion } from '../../server/src/core/service/completion';
import { markedCursor } from '../support/cursor';
import { escalatedEvent, identificationIncident, responsePlan } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-06-30T12:00:00Z');
const INCIDENTS = 150;
const id = (n: number) => `INC-2026-${String(n).padStart(3, '0')}`;

describe('completion service', () => {
  const workspace = new MemoryWorkspace(NOW);
  before(() => {
    const files: Record<string, string> = { 'plan.yaml': responsePlan() };
    for (let n = 1; n <= INCIDENTS; n++) files[`incidents/${id(n)}.yaml`] = identificationIncident(id(n));
    workspace.add(files);
  });

  const complete = (marked: string) => {
    const { text, position } = markedCursor(marked);
    const doc = readDocument({ path: 'events/EVT-2026-0001.yaml', text }, 1024 * 1024);
    assert.ok(doc);
    return completion({ doc, model: workspace.program, now: NOW }, position, { snippets: true });
  };

  it('cuts a long list of ids to those starting with the word typed, marked incomplete so the client asks again', () => {
    const event = escalatedEvent('EVT-2026-0001', 'INC-2026-001');
    const all = complete(event.replace('incident: INC-2026-001', 'incident: ‸'));
    assert.equal(all.isIncomplete, true);
    assert.equal(all.items.length, 100);
    const typed = complete(event.replace('incident: INC-2026-001', 'incident: INC-2026-14‸'));
    assert.equal(typed.isIncomplete, true);
    assert.deepEqual(typed.items.map((item) => item.label).sort(), Array.from({ length: 10 }, (_, i) => id(140 + i)));
  });
});
