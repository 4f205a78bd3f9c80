// The code-action service (core/service/code-actions.ts) in process: the times a skeleton
// chooses, and broken or hostile input (test/support/bad-input.ts), which must never throw.
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { parseAsOf } from '../../server/src/core/model/clock';
import { readDocument } from '../../server/src/core/service/analyze';
import { codeActions } from '../../server/src/core/service/code-actions';
import { DEFAULT_MAX_FILE_BYTES } from '../../server/src/core/service/program';
import { BAD_INPUTS } from '../support/bad-input';
import { responsePlan } from '../support/documents';
import { applyEdits } from '../support/fix-oracle';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = parseAsOf('2026-06-30T12:00:00Z');
const PLAN = 'plan.yaml';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** Every action for the whole of `path`, quick fixes and source actions, in a workspace of `files`. */
function actionsFor(files: Record<string, string>, path: string): CodeAction[] {
  const workspace = new MemoryWorkspace(NOW);
  workspace.add(files);
  const doc = readDocument({ path, text: files[path]! }, DEFAULT_MAX_FILE_BYTES);
  if (!doc) return [];
  const query = { uri: `file:///${path}`, version: 1, range: WHOLE, maxFileBytes: DEFAULT_MAX_FILE_BYTES };
  const request = { doc, model: workspace.program, now: NOW };
  return [
    ...codeActions(request, { ...query, context: { diagnostics: [] } }),
    ...codeActions(request, { ...query, context: { diagnostics: [], only: ['source'] } }),
  ];
}

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit!.documentChanges![0]!;
  assert.ok('edits' in change);
  return change.edits as TextEdit[];
}

describe('code actions (core service)', () => {
  it("writes times that keep the incident's chain in order, and a review held when it was resolved", () => {
    // Resolved and closed in March; containment and the review are missing. "Now" (June) would
    // put the containment after resolved_at and the review late: the fix writes resolved_at.
    const incident = `apiVersion: cc7/v1
kind: Incident
id: INC-2026-001
title: Leaked key
severity: SEV2
status: closed
category: unauthorized-access
detected_at: 2026-03-02T09:14:00Z
detection_source: siem-alert
roles: { incident_lead: incident@acme.io }
timeline:
  - { at: 2026-03-02T09:14:00Z, event: Alert }
triage: { assessed_at: 2026-03-02T09:40:00Z, assessed_by: carol@acme.io, rationale: Valid key }
investigation: { root_cause: Public fork, affected_systems: [billing-api], personal_data: { involved: false }, customer_data: { involved: false } }
remediation_not_required: Key rotated, nothing else to fix
recovery: { restored_at: 2026-03-03T12:00:00Z, verified_by: carol@acme.io }
resolved_at: 2026-03-03T12:00:00Z
closed_at: 2026-03-31T10:00:00Z
`;
    const files = { [PLAN]: responsePlan({ governed: true }), 'incident.yaml': incident };
    const fix = actionsFor(files, 'incident.yaml').find((action) => action.title.startsWith('Add the missing evidence'))!;
    assert.equal(fix.title, 'Add the missing evidence to fill in: containment, post_incident_review.held_at, post_incident_review.participants, '
      + 'post_incident_review.summary, post_incident_review.lessons_learned');
    assert.equal(applyEdits(incident, editsOf(fix)).text, `${incident}containment:
  - action: "TODO: action"
    at: 2026-03-03T07:00:00-05:00  # TODO: the real time
    by: "TODO: person"
post_incident_review:
  held_at: 2026-03-03T07:00:00-05:00  # TODO: the real time
  participants: ["TODO: person"]
  summary: "TODO: summary"
  lessons_learned: ["TODO: lessons learned"]
`);
  });

  for (const input of BAD_INPUTS) {
    it(`never throws on bad input: ${input.name}`, function () {
      this.timeout(input.timeoutMs);
      const text = input.content().toString('utf8');
      const actions = actionsFor({ [PLAN]: responsePlan(), [input.file]: text }, input.file);
      for (const action of actions) assert.ok(editsOf(action).length > 0, action.title);
    });
  }
});
