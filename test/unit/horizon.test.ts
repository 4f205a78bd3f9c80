// How long an analysis holds (core/model/horizon.ts): every read of "now" by a document rule
// registers where its answer changes, and the analysis carries [validFrom, validUntil). A
// persistent cache serves an analysis only inside that span, so it must be sound (the same
// findings anywhere inside) and, for the time rules, exact (different findings at its ends).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { createDocument } from '../../server/src/core/model/document';
import { TrackedNow, type Validity } from '../../server/src/core/model/horizon';
import { parseCc7 } from '../../server/src/core/model/parse';
import { extractPlanFacts, type PlanFacts } from '../../server/src/core/model/plan';
import { DAY_MS, durationBucket, formatDuration, HOUR_MS, MINUTE_MS } from '../../server/src/core/model/time';
import { RULES, RULES_BY_ID } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/rule';
import { analyzeFile } from '../../server/src/core/service/analyze';
import type { RuleId } from '../../server/src/core/model/types';
import { DEFAULT_NOW } from '../support/fixtures';

const RULE_FIXTURES = path.join(__dirname, '..', 'fixtures', 'rules');
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A document of a fixture workspace, with the workspace's plan and as-of instant. */
interface Case {
  file: string;
  text: string;
  plan: PlanFacts | undefined;
  now: number;
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return fixtureFiles(full);
    return /\.ya?ml$/.test(name) && name !== 'expected.yaml' ? [full] : [];
  });
}

function planOf(files: readonly string[]): PlanFacts | undefined {
  const plans = [...files].sort().flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const doc = createDocument(file, text.length, parseCc7(text));
    return doc.kind === 'ResponsePlan' ? [extractPlanFacts(doc)] : [];
  });
  return plans[0];
}

/** Every document of a rule's fixture case (`rule/case`), or the one named. */
function fixtureCases(ruleCase: string, only?: string): Case[] {
  const root = path.join(RULE_FIXTURES, ruleCase);
  const expected = parse(readFileSync(path.join(root, 'expected.yaml'), 'utf8')) as { now?: string };
  const files = fixtureFiles(root);
  const plan = planOf(files);
  const now = Date.parse(expected.now ?? DEFAULT_NOW);
  return files
    .filter((file) => only === undefined || file === path.join(root, only))
    .map((file) => ({ file, text: readFileSync(file, 'utf8'), plan, now }));
}

function analysisAt(one: Case, now: number, rules: readonly Rule[]) {
  return analyzeFile({ path: one.file, text: one.text }, { now, plan: one.plan, maxFileBytes: MAX_FILE_BYTES }, rules);
}

const messages = (one: Case, now: number, rules: readonly Rule[]) => analysisAt(one, now, rules)?.findings.map((f) => `${f.rule}: ${f.message}`);

/** The analysis holds at both ends of its span (sound); with `exact`, it differs just outside (exact). */
function assertHorizon(one: Case, rules: readonly Rule[], exact: boolean): Validity {
  const analysis = analysisAt(one, one.now, rules);
  if (!analysis) return {};
  const { validFrom, validUntil } = analysis;
  const at = messages(one, one.now, rules);
  const where = `${path.relative(RULE_FIXTURES, one.file)} analysed at ${iso(one.now)}, valid [${iso(validFrom)}, ${iso(validUntil)})`;
  if (validFrom !== undefined) {
    assert.deepEqual(messages(one, validFrom, rules), at, `${where}: differs at validFrom`);
    if (exact) assert.notDeepEqual(messages(one, validFrom - 1, rules), at, `${where}: the same just before validFrom`);
  }
  if (validUntil !== undefined) {
    assert.deepEqual(messages(one, validUntil - 1, rules), at, `${where}: differs just before validUntil`);
    if (exact) assert.notDeepEqual(messages(one, validUntil, rules), at, `${where}: the same at validUntil`);
  }
  return { validFrom, validUntil };
}

/** The span of one rule's analysis of a fixture document, asserted exact. */
function spanOf(rule: RuleId, ruleCase: string, file: string): { from?: string; until?: string; messages: string[] } {
  const [one] = fixtureCases(ruleCase, file);
  assert.ok(one, `no ${file} in ${ruleCase}`);
  const rules = [RULES_BY_ID.get(rule)!];
  const { validFrom, validUntil } = assertHorizon(one, rules, true);
  return { from: iso(validFrom), until: iso(validUntil), messages: messages(one, validUntil ?? one.now, rules) ?? [] };
}

describe('horizon: how long an analysis holds', () => {
  describe('TrackedNow', () => {
    const T = Date.parse('2026-03-05T10:05:00Z');
    const validity = (now: number, ask: (tracked: TrackedNow) => unknown) => {
      const tracked = new TrackedNow(now);
      ask(tracked);
      return { from: iso(tracked.validity().validFrom), until: iso(tracked.validity().validUntil) };
    };

    it('isAfter and isBefore change at the instant after and at the instant itself', () => {
      assert.deepEqual(validity(T - HOUR_MS, (now) => now.isAfter(T)), { from: undefined, until: '2026-03-05T10:05:00.001Z' });
      assert.deepEqual(validity(T + HOUR_MS, (now) => now.isAfter(T)), { from: '2026-03-05T10:05:00.001Z', until: undefined });
      assert.deepEqual(validity(T - HOUR_MS, (now) => now.isBefore(T)), { from: undefined, until: '2026-03-05T10:05:00.000Z' });
      assert.equal(new TrackedNow(T).isAfter(T), false);
      assert.equal(new TrackedNow(T + 1).isAfter(T), true);
    });

    it('formatDistance holds while formatDuration writes the same, on either side of the instant', () => {
      // 14 h 20 min after: "14 h" from 14 h to 15 h after.
      assert.deepEqual(validity(T + 14 * HOUR_MS + 20 * MINUTE_MS, (now) => now.formatDistance(T)),
        { from: '2026-03-06T00:05:00.000Z', until: '2026-03-06T01:05:00.000Z' });
      // 9 h 30 min before: "9 h" while 9 h ≤ T − now < 10 h.
      assert.deepEqual(validity(T - 9 * HOUR_MS - 30 * MINUTE_MS, (now) => now.formatDistance(T)),
        { from: '2026-03-05T00:05:00.001Z', until: '2026-03-05T01:05:00.001Z' });
      // Within a minute either way: "less than 1 min".
      assert.deepEqual(validity(T, (now) => now.formatDistance(T)), { from: '2026-03-05T10:04:00.001Z', until: '2026-03-05T10:06:00.000Z' });
    });

    it('durationBucket is exactly the lengths formatDuration writes the same', () => {
      for (const length of [0, 59_999, 60_000, 45 * MINUTE_MS + 1, HOUR_MS - 1, HOUR_MS, 47 * HOUR_MS + 59 * MINUTE_MS, 48 * HOUR_MS, 3 * DAY_MS + 2 * HOUR_MS + 7]) {
        const { from, to } = durationBucket(length);
        assert.ok(from <= length && length < to, `${length} in [${from}, ${to})`);
        assert.equal(formatDuration(from), formatDuration(length));
        assert.equal(formatDuration(to - 1), formatDuration(length));
        assert.notEqual(formatDuration(to), formatDuration(length));
        if (from > 0) assert.notEqual(formatDuration(from - 1), formatDuration(length));
      }
    });

    it('elapsedSince holds for the whole unit, format for the minute', () => {
      assert.deepEqual(validity(T + 2 * DAY_MS + 5, (now) => now.elapsedSince(T)), { from: '2026-03-07T10:05:00.000Z', until: '2026-03-08T10:05:00.000Z' });
      assert.deepEqual(validity(T + 30_000, (now) => now.format()), { from: '2026-03-05T10:05:00.000Z', until: '2026-03-05T10:06:00.000Z' });
    });

    it("offsetIn holds between the zone's offset changes", () => {
      // New York: EDT from 2026-03-08 07:00 UTC to 2026-11-01 06:00 UTC.
      assert.deepEqual(validity(Date.parse('2026-06-30T12:00:00Z'), (now) => now.offsetIn('America/New_York')),
        { from: '2026-03-08T07:00:00.000Z', until: '2026-11-01T06:00:00.000Z' });
    });

    it('nothing asked: the analysis holds at any instant', () => {
      assert.deepEqual(new TrackedNow(T).validity(), {});
    });
  });

  describe('each rule that reads now, on its fixtures: the findings change exactly when the span says', () => {
    it('notification-deadline: "14 h ago" holds for the hour; approaching "in 9 h" too; open until the warning lead', () => {
      assert.deepEqual(spanOf('notification-deadline', 'notification-deadline/breached-no-notice-past-due', 'incident.yaml'), {
        from: '2026-03-06T00:05:00.000Z',
        until: '2026-03-06T01:05:00.000Z',
        messages: ['notification-deadline: GDPR Art. 33 notice to the supervisory authority was due 2026-03-05 10:05 UTC, 15 h ago: send it and record it under notifications.notices (regime: gdpr-art33), or record why it is not required under notifications.not_required'],
      });
      const approaching = spanOf('notification-deadline', 'notification-deadline/approaching-within-warn-before-hours', 'incident.yaml');
      assert.deepEqual([approaching.from, approaching.until], ['2026-03-05T00:05:00.001Z', '2026-03-05T01:05:00.001Z']);
      assert.match(approaching.messages[0]!, /is due 2026-03-05 10:05 UTC, in 8 h:/);
      // Due 2026-03-05 10:05 UTC, warn_before_hours 24: the warning starts at 2026-03-04 10:05 UTC.
      const open = spanOf('notification-deadline', 'notification-deadline/open-further-off-is-clean', 'incident.yaml');
      assert.deepEqual([open.from, open.until], [undefined, '2026-03-04T10:05:00.000Z']);
      assert.match(open.messages[0]!, /is due 2026-03-05 10:05 UTC, in 24 h:/);
    });

    it('remediation-overdue: "44 d 7 h overdue" holds for the hour', () => {
      const span = spanOf('remediation-overdue', 'remediation-overdue/overdue-improvement-counts-days', 'tabletop/TTX-2026-01.yaml');
      assert.deepEqual([span.from, span.until], ['2026-04-15T11:59:59.999Z', '2026-04-15T12:59:59.999Z']);
      assert.match(span.messages[0]!, /44 d 8 h overdue/);
    });

    it('runbook-review-overdue: "60 d 8 h overdue" holds for the hour (and "425 d ago" for the day)', () => {
      const span = spanOf('runbook-review-overdue', 'runbook-review-overdue/overdue-with-the-default-interval', 'runbooks/RB-CREDENTIAL-LEAK.yaml');
      assert.deepEqual([span.from, span.until], ['2026-06-30T12:00:00.000Z', '2026-06-30T13:00:00.000Z']);
      assert.match(span.messages[0]!, /425 d ago.*\(60 d 9 h overdue\)/);
    });

    it('plan-review-overdue: "7 h overdue" holds for the hour', () => {
      const span = spanOf('plan-review-overdue', 'plan-review-overdue/latest-review-by-instant-is-overdue', 'plan/response-plan.yaml');
      assert.deepEqual([span.from, span.until], ['2026-06-30T11:30:00.000Z', '2026-06-30T12:30:00.000Z']);
      assert.match(span.messages[0]!, /365 d ago.*\(8 h overdue\)/);
    });

    it('timeline-order: a time in the future, "6 h" from now shown to the minute, holds for one millisecond', () => {
      // At 06:00:00.001 the entry at 12:00 is 5 h 59 min away: "5 h", truncated as every countdown is.
      const span = spanOf('timeline-order', 'timeline-order/times-after-now', 'incidents/INC-2026-014.yaml');
      assert.deepEqual([span.from, span.until], ['2026-03-03T06:00:00.000Z', '2026-03-03T06:00:00.001Z']);
      assert.match(span.messages[0]!, /is 5 h in the future \(now 2026-03-03 06:00 UTC\)/);
    });

    it('timestamp-timezone: an offset-less value that names no instant shows the zone offset of now, until it changes', () => {
      const text = 'apiVersion: cc7/v1\nkind: Incident\nid: INC-1\ndetected_at: 2026-02-30T10:00\n';
      const plan = extractPlanFacts(createDocument('plan.yaml', 0, parseCc7('apiVersion: cc7/v1\nkind: ResponsePlan\ntimezone: America/New_York\n')));
      const one = { file: 'incident.yaml', text, plan, now: Date.parse('2026-06-30T12:00:00Z') };
      const rules = [RULES_BY_ID.get('timestamp-timezone')!];
      assert.deepEqual(assertHorizon(one, rules, true), { validFrom: Date.parse('2026-03-08T07:00:00Z'), validUntil: Date.parse('2026-11-01T06:00:00Z') });
      assert.match(messages(one, Date.parse('2026-11-01T06:00:00Z'), rules)![0]!, /an offset like -05:00\.$/);
    });

    it('waiver-expired: a live waiver holds until the end of its day in the plan zone has passed', () => {
      const span = spanOf('waiver-expired', 'waiver-expired/live-waiver-is-clean', 'incident.yaml');
      assert.deepEqual([span.from, span.until], [undefined, '2027-01-01T05:00:00.000Z']);
      assert.match(span.messages[0]!, /waiver of remediation-overdue for REM-3 expired 2026-12-31/);
    });
  });

  it('every rule on every fixture document: the findings are the same at both ends of the span', () => {
    let checked = 0;
    for (const rule of readdirSync(RULE_FIXTURES)) {
      for (const ruleCase of readdirSync(path.join(RULE_FIXTURES, rule))) {
        for (const one of fixtureCases(`${rule}/${ruleCase}`)) {
          assertHorizon(one, RULES, false);
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `${checked} documents checked`);
  });
});
