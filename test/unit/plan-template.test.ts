/**
 * The response plan cc7.createResponsePlan writes: schema-clean, so the only findings are the
 * ones that ask the user for what a template cannot know (the approval, the first exercise,
 * the first record).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { responsePlanTemplate } from '../../client/src/commands/plan-template';
import { checkWorkspace } from '../support/fixtures';

describe('response plan template (cc7.createResponsePlan)', () => {
  it('is a valid plan whose findings only ask for the approval, a tabletop exercise and records', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cc7-plan-template-'));
    try {
      mkdirSync(path.join(root, 'plan'));
      writeFileSync(path.join(root, 'plan', 'response-plan.yaml'), responsePlanTemplate(new Date('2026-06-30T09:00:00Z')));
      const findings = checkWorkspace(root, { now: '2026-06-30T12:00:00Z' });
      assert.deepEqual(findings.map((finding) => `${finding.rule} ${finding.severity}`).sort(), [
        'plan-review-overdue warning',
        'quiet-period info',
        'tabletop-overdue warning',
      ], findings.map((finding) => finding.message).join('\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
