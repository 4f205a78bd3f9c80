import assert from 'node:assert/strict';
import { createDocument } from '../../server/src/core/model/document';
import { parseCc7 } from '../../server/src/core/model/parse';
import { documentContext, type RuleContext } from '../../server/src/core/rules/rule';
import { waiverExpired } from '../../server/src/core/rules/waiver-expired';
import { fixtureCases } from '../support/fixtures';

describe('waiver-expired', () => {
  fixtureCases('waiver-expired');

  const check = (waivers: string, now: string) => {
    const text = `apiVersion: cc7/v1\nkind: Incident\nwaivers: ${waivers}\n`;
    const context: RuleContext = { now: Date.parse(now), plan: undefined, maxFileBytes: 2 * 1024 * 1024 };
    return waiverExpired.checkDocument!(createDocument('doc.yaml', text.length, parseCc7(text)), documentContext(context));
  };

  it('without a plan, a date expires at the end of that day in UTC', () => {
    const waiver = '[{ rule: remediation-overdue, target: REM-1, expires: 2026-06-30 }]';
    assert.deepEqual(check(waiver, '2026-06-30T23:59:59Z'), []);
    assert.deepEqual(check(waiver, '2026-07-01T00:00:00Z').map((report) => report.path), [['waivers', 0, 'expires']]);
  });

  it('never throws on wrong types, and says nothing about what the schema reports', () => {
    for (const waivers of ['none', '5', '{ rule: x }', '[null, 1, [], "text"]', '[{ rule: 5, expires: 2020-01-01 }]',
      '[{ rule: x, expires: 20200101 }]', '[{ rule: x, expires: [2020-01-01] }]', '[{ rule: x, expires: soon }]', '[{ expires: 2020-01-01 }]']) {
      assert.deepEqual(check(waivers, '2026-07-01T00:00:00Z'), [], waivers);
    }
  });

  it('reports each expired waiver of a document on its own expires value', () => {
    const reports = check('[{ rule: a, expires: 2026-01-01 }, { rule: b, expires: 2027-01-01 }, { rule: c, expires: "2026-03-01T00:00:00+01:00" }]', '2026-07-01T00:00:00Z');
    assert.deepEqual(reports.map((report) => report.path), [['waivers', 0, 'expires'], ['waivers', 2, 'expires']]);
    assert.match(reports[1]!.message, /^waiver of c for the whole document expired 2026-02-28 23:00 UTC: /);
  });
});
