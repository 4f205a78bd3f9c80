/**
 * The workspace summary service on its own (core/service/summary.ts): its verdicts come from
 * "now" at the time asked, not from the analysis, so the same index read later says more.
 */
import assert from 'node:assert/strict';
import { parseAsOf } from '../../server/src/core/model/clock';
import { workspaceSummary } from '../../server/src/core/service/summary';
import { Program } from '../../server/src/core/service/program';
import { DEFAULT_INCLUDE, listFiles, plansFirst, readContent } from '../../server/src/node/files';
import { ACME } from '../support/acme';

describe('workspace summary (service)', () => {
  // Analysed once, at 21.5 h before INC-2026-011's GDPR Art. 33 deadline.
  const analysedAt = parseAsOf('2026-11-25T12:00:00Z');
  const program = new Program({ read: (file) => readContent(file, 2 ** 21), clock: () => analysedAt });
  program.addFiles(plansFirst(listFiles(ACME, { include: DEFAULT_INCLUDE, exclude: [] })));
  const summaryAt = (now: string) => workspaceSummary({ folders: [program], now: parseAsOf(now), uriOf: (file) => file });

  it('decides open, approaching and breached at the time asked, from the same facts', () => {
    const verdicts = ['2026-11-23T12:00:00Z', '2026-11-25T12:00:00Z', '2026-11-26T09:30:00Z', '2026-11-26T09:30:00.001Z'].map((now) => {
      const [clock] = summaryAt(now).clocks;
      return `${clock!.verdict} ${clock!.msLeft ?? -clock!.msLate!}`;
    });
    // Due 2026-11-26T09:30Z, 24 h warning: a notice exactly at the due instant is on time.
    assert.deepEqual(verdicts, [`open ${69.5 * 3600_000}`, `approaching ${21.5 * 3600_000}`, 'approaching 0', 'breached -1']);
  });

  it('decides overdue items and ages at the time asked', () => {
    const early = summaryAt('2026-11-10T12:00:00Z');
    assert.equal(early.counts.overdue, 0, 'INC-2026-009 REM-1 is due at the end of 2026-11-10 in New York');
    assert.equal(summaryAt('2026-11-11T05:00:00Z').counts.overdue, 1);
    const incident = early.phases.flatMap((group) => group.incidents).find((candidate) => candidate.id === 'INC-2026-008')!;
    assert.equal(incident.ageMs, parseAsOf('2026-11-10T12:00:00Z') - parseAsOf('2026-10-08T19:20:00Z'));
  });

  it('takes the audit period in the plan zone: the year of now there', () => {
    // 03:00 UTC on 1 January 2027 is still 2026 in New York.
    assert.deepEqual(summaryAt('2027-01-01T03:00:00Z').auditPeriod, { start: '2026-01-01', end: '2026-12-31', fromPlan: false });
    assert.deepEqual(summaryAt('2027-01-01T06:00:00Z').closed, []);
  });
});
