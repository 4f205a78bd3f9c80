// Plan-level workspace findings (plan-missing, tabletop-overdue, quiet-period) stay current as
// files come and go: each step is checked against what a fresh Program computes from scratch,
// and the Changes of the step must name every file whose findings moved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Program } from '../../server/src/core/service/program';
import type { Finding } from '../../server/src/core/model/types';
import { responsePlan } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-06-30T12:00:00Z');

const PLAN = responsePlan({
  organization: 'Example Corp',
  domain: 'example.com',
  governed: true,
  roles: ['incident_lead', 'security_operations'],
  severities: '  - { id: SEV3, name: Medium, post_incident_review: { required: false }, remediation_due_days: 90 }\n',
});

const event = (id: string, detectedAt: string) => `apiVersion: cc7/v1
kind: SecurityEvent
id: ${id}
title: Impossible-travel login for a service account
detected_at: ${detectedAt}
detection_source: siem-alert
triage: { assessed_at: ${detectedAt}, assessed_by: carol@example.com, outcome: not-an-incident, rationale: VPN egress change }
`;

const TABLETOP = `apiVersion: cc7/v1
kind: TabletopExercise
id: TTX-2026-01
title: Leaked deploy key used to push to production
held_at: 2026-05-12T14:00:00Z
participants: [ { person: alice@example.com, role: incident_lead } ]
scenario: A deploy key leaks in a public gist.
`;

const PLAN_PATH = 'plan/response-plan.yaml';
const EVENT_PATH = 'events/EVT-2026-0001.yaml';
const FIRST_PATH = 'alerts/EVT-2026-0002.yaml';
const TABLETOP_PATH = 'tabletop/TTX-2026-01.yaml';
const MY_RULES = new Set(['plan-missing', 'tabletop-overdue', 'quiet-period', 'plan-review-overdue', 'runbook-review-overdue']);

/** The workspace of these tests, with the findings of the family and a comparison with a fresh run. */
class Workspace extends MemoryWorkspace {
  constructor() {
    super(NOW);
  }

  /** The findings of the family's rules, as "path rule". */
  mine(): string[] {
    return this.program.paths().flatMap((path) => this.program.findings(path))
      .filter((finding) => MY_RULES.has(finding.rule))
      .map((finding) => `${finding.path} ${finding.rule}`)
      .sort();
  }

  /** Every finding equals what a fresh Program computes from the same files. */
  assertSameAsFresh(): void {
    const fresh = this.fresh(this.files.keys());
    const all = (program: Program) => Object.fromEntries(program.paths().map((path) => [path, program.findings(path)]));
    assert.deepEqual(all(this.program), all(fresh), 'incremental findings differ from a fresh check');
  }
}

const rules = (findings: Finding[] | undefined) => (findings ?? []).map((finding) => finding.rule).filter((rule) => MY_RULES.has(rule));

describe('program: plan-level findings stay current', () => {
  it('plan-missing sits on the first document, clears with a plan and moves when the plan goes', () => {
    const ws = new Workspace();
    ws.add({ [EVENT_PATH]: event('EVT-2026-0001', '2026-06-01T02:10:00Z'), [TABLETOP_PATH]: TABLETOP });
    assert.deepEqual(ws.mine(), [`${EVENT_PATH} plan-missing`]);
    ws.assertSameAsFresh();

    let changes = ws.write(PLAN_PATH, PLAN);
    assert.deepEqual(ws.mine(), []);
    assert.ok(changes.has(EVENT_PATH), 'the first document is republished');
    assert.deepEqual(rules(changes.get(EVENT_PATH)), []);
    ws.assertSameAsFresh();

    changes = ws.write(FIRST_PATH, event('EVT-2026-0002', '2026-06-02T02:10:00Z'));
    assert.deepEqual(ws.mine(), []);
    ws.assertSameAsFresh();

    changes = ws.remove(PLAN_PATH);
    assert.deepEqual(ws.mine(), [`${FIRST_PATH} plan-missing`]);
    assert.deepEqual(rules(changes.get(FIRST_PATH)), ['plan-missing']);
    assert.deepEqual(changes.get(PLAN_PATH), [], 'the removed plan is cleared');
    ws.assertSameAsFresh();

    // The first document goes: the finding moves to the next one in path order.
    changes = ws.remove(FIRST_PATH);
    assert.deepEqual(ws.mine(), [`${EVENT_PATH} plan-missing`]);
    assert.deepEqual(rules(changes.get(EVENT_PATH)), ['plan-missing']);
    ws.assertSameAsFresh();
  });

  it('a second plan is an error until it is removed', () => {
    const ws = new Workspace();
    ws.add({ [PLAN_PATH]: PLAN, [EVENT_PATH]: event('EVT-2026-0001', '2026-06-01T02:10:00Z'), [TABLETOP_PATH]: TABLETOP });
    assert.deepEqual(ws.mine(), []);

    // A plan that sorts first takes over; the old one becomes the second.
    let changes = ws.write('a/plan.yaml', PLAN);
    assert.deepEqual(ws.mine(), [`${PLAN_PATH} plan-missing`]);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), ['plan-missing']);
    ws.assertSameAsFresh();

    changes = ws.remove('a/plan.yaml');
    assert.deepEqual(ws.mine(), []);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), []);
    ws.assertSameAsFresh();
  });

  it('tabletop-overdue clears when a recent exercise is added and returns when it goes', () => {
    const ws = new Workspace();
    ws.add({ [PLAN_PATH]: PLAN, [EVENT_PATH]: event('EVT-2026-0001', '2026-06-01T02:10:00Z') });
    assert.deepEqual(ws.mine(), [`${PLAN_PATH} tabletop-overdue`]);

    let changes = ws.write(TABLETOP_PATH, TABLETOP);
    assert.deepEqual(ws.mine(), []);
    assert.ok(changes.has(PLAN_PATH), 'the plan is republished');
    assert.deepEqual(rules(changes.get(PLAN_PATH)), []);
    ws.assertSameAsFresh();

    // Moving the exercise back in time, then deleting it, brings the finding back.
    changes = ws.write(TABLETOP_PATH, TABLETOP.replace('2026-05-12T14:00:00Z', '2025-05-12T14:00:00Z'));
    assert.deepEqual(rules(changes.get(PLAN_PATH)), ['tabletop-overdue']);
    changes = ws.write(TABLETOP_PATH, TABLETOP);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), []);
    changes = ws.remove(TABLETOP_PATH);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), ['tabletop-overdue']);
    ws.assertSameAsFresh();
  });

  it('quiet-period appears when the last recent event goes and disappears when one is recorded', () => {
    const ws = new Workspace();
    ws.add({ [PLAN_PATH]: PLAN, [TABLETOP_PATH]: TABLETOP, [EVENT_PATH]: event('EVT-2026-0001', '2026-06-01T02:10:00Z') });
    assert.deepEqual(ws.mine(), []);

    let changes = ws.remove(EVENT_PATH);
    assert.deepEqual(ws.mine(), [`${PLAN_PATH} quiet-period`]);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), ['quiet-period']);
    assert.match(ws.program.findings(PLAN_PATH).find((f) => f.rule === 'quiet-period')!.message, /none recorded/);
    ws.assertSameAsFresh();

    // An old event: still quiet, but the message now names it.
    changes = ws.write(FIRST_PATH, event('EVT-2026-0002', '2026-01-10T12:00:00Z'));
    assert.match(changes.get(PLAN_PATH)!.find((f) => f.rule === 'quiet-period')!.message, /since 2026-01-10 \(171 d; the latest is EVT-2026-0002\)/);
    ws.assertSameAsFresh();

    // Editing it to a recent detection clears the finding.
    changes = ws.write(FIRST_PATH, event('EVT-2026-0002', '2026-06-20T12:00:00Z'));
    assert.deepEqual(ws.mine(), []);
    assert.deepEqual(rules(changes.get(PLAN_PATH)), []);
    ws.assertSameAsFresh();
  });

  it('moving the clock re-evaluates the plan-level findings', () => {
    let now = NOW;
    const files = new Map([[PLAN_PATH, PLAN], [TABLETOP_PATH, TABLETOP], [EVENT_PATH, event('EVT-2026-0001', '2026-06-01T02:10:00Z')]]);
    const program = new Program({ read: (path) => ({ text: files.get(path)! }), clock: () => now });
    program.addFiles([...files.keys()]);
    assert.deepEqual(rules(program.findings(PLAN_PATH)), []);
    now = Date.parse('2027-06-01T12:00:00Z');
    const changes = program.recheckAll();
    assert.deepEqual(rules(changes.get(PLAN_PATH)).sort(), ['plan-review-overdue', 'quiet-period', 'tabletop-overdue']);
  });

  it('the clean baseline of test/fixtures/README.md triggers no finding of any rule', () => {
    const readme = readFileSync(path.join(__dirname, '..', 'fixtures', 'README.md'), 'utf8');
    const ws = new Workspace();
    const files: Record<string, string> = {};
    for (const [, name, body] of readme.matchAll(/```yaml\n# (\S+)[^\n]*\n([\s\S]*?)```/g)) files[name!] = body!;
    ws.add(files);
    assert.deepEqual([...ws.files.keys()].sort(), ['events/EVT-2026-0001.yaml', 'plan/response-plan.yaml', 'tabletop/TTX-2026-01.yaml']);
    const all = ws.program.paths().flatMap((file) => ws.program.findings(file).map((f) => `${file} ${f.rule}: ${f.message}`));
    assert.deepEqual(all, []);
  });
});
