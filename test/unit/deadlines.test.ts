// Deadline arithmetic and notification clocks (SPEC 2.4, 2.5 pir-deadline / remediation-overdue).
// Every expected instant is worked out by hand in the comment beside it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  businessDaysAfter,
  BUILTIN_REGIMES,
  BUILTIN_REGIME_IDS,
  endOfDayAfterBusinessDays,
  endOfLocalDay,
  evaluateNotificationClocks,
  formatDuration,
  formatInstant,
  isBusinessDay,
  monthsLater,
  notificationPlanFrom,
  openClocks,
  parseDue,
  parseInstant,
  planCalendar,
  PLAN_CLOCKS,
  resolveRegimes,
  usFederalCalendar,
  usFederalHolidays,
  type ClockResult,
  type NotificationPlan,
} from '../../server/src/core/deadlines/index';

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  assert.ok(!Number.isNaN(ms), `bad test instant ${iso}`);
  return ms;
};
const H = 3_600_000;
const MIN = 60_000;

function plan(over: Partial<NotificationPlan> = {}): NotificationPlan {
  return {
    zone: 'America/New_York',
    regimes: ['gdpr-art33', 'gdpr-art34', 'us-ca', 'hipaa-individuals', 'customer-dpa'],
    customerDpaHours: 48,
    warnBeforeHours: 24,
    calendar: planCalendar('America/New_York', ['mon', 'tue', 'wed', 'thu', 'fri'], ['2026-12-25']),
    ...over,
  };
}

/** An EU personal-data breach, aware at `awareAt`, with optional notices. */
function euBreach(awareAt: string | undefined, notices: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    detected_at: '2026-03-02T09:14:00Z',
    investigation: { personal_data: { involved: true, jurisdictions: ['eu'] }, customer_data: { involved: false } },
    notifications: {
      ...(awareAt === undefined ? {} : { aware_at: awareAt }),
      breach_determination: { is_breach: true, decided_at: '2026-03-02T15:00:00Z' },
      notices,
      ...extra,
    },
  };
}

function clock(results: ClockResult[], regime: string): ClockResult {
  const r = results.find((x) => x.regime === regime);
  assert.ok(r, `no result for ${regime}: ${results.map((x) => x.regime).join(', ')}`);
  return r;
}

const run = (incident: unknown, now: string, p: NotificationPlan = plan()) =>
  evaluateNotificationClocks({ incident, plan: p, now: at(now) });

describe('deadlines: time', () => {
  it('parses RFC 3339 offsets, Z and fractional seconds to the right instant', () => {
    assert.deepEqual(parseInstant('2026-03-02T09:14:00Z', 'UTC'), { ms: at('2026-03-02T09:14:00Z'), hasOffset: true });
    // 10:14 at +01:00 is 09:14 UTC.
    assert.equal(parseInstant('2026-03-02T10:14:00+01:00', 'UTC')?.ms, at('2026-03-02T09:14:00Z'));
    // 10:14 at +05:30 is 10:14 − 5:30 = 04:44 UTC.
    assert.equal(parseInstant('2026-03-02T10:14:00+05:30', 'America/New_York')?.ms, at('2026-03-02T04:44:00Z'));
    // −03:30: 10:14 + 3:30 = 13:44 UTC.
    assert.equal(parseInstant('2026-03-02T10:14:00-03:30', 'UTC')?.ms, at('2026-03-02T13:44:00Z'));
    assert.equal(parseInstant('2026-03-02T09:14:00.250Z', 'UTC')?.ms, at('2026-03-02T09:14:00Z') + 250);
    assert.equal(parseInstant('2026-03-02T09:14:00.123456Z', 'UTC')?.ms, at('2026-03-02T09:14:00Z') + 123);
    assert.equal(parseInstant('2026-03-02t09:14:00z', 'UTC')?.ms, at('2026-03-02T09:14:00Z'));
  });

  it('reads a timestamp without offset in the given zone and says so', () => {
    // 09:14 in New York on 2 March 2026 is EST (UTC−5): 14:14 UTC.
    assert.deepEqual(parseInstant('2026-03-02T09:14:00', 'America/New_York'), { ms: at('2026-03-02T14:14:00Z'), hasOffset: false });
    // After the US DST change of 8 March 2026 New York is EDT (UTC−4): 09:14 → 13:14 UTC.
    assert.equal(parseInstant('2026-03-09T09:14:00', 'America/New_York')?.ms, at('2026-03-09T13:14:00Z'));
  });

  it('reads the usual shape by hand exactly as the pattern reads it', () => {
    // A leading space takes a text past the hand-read shape to the pattern (after trim()).
    const values = [
      '2026-03-02T09:14:00Z', '2026-03-02t09:14:00z', '2026-03-02 09:14:00Z', '2026-03-02T09:14:00.5Z', '2026-03-02T09:14:00.25+05:30',
      '2026-03-02T09:14:00.123456789-03:30', '2026-03-02T09:14:00.Z', '2026-03-02T09:14:00+23:59', '2026-03-02T09:14:00+24:00',
      '2026-03-02T09:14:00-00:60', '2024-02-29T23:59:59Z', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-12-31T23:59:59.999Z',
      '2026-00-10T00:00:00Z', '2026-13-10T00:00:00Z', '2026-03-00T00:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T09:60:00Z',
      '2026-03-02T09:14:60Z', '0050-03-02T09:14:00Z', '2026-03-02T09:14:00', '2026-03-02T09:14:00.5', '2026-03-02T09:14Z',
      '2026-03-02T09:14:00ZZ', '2026-03-02T09:14:00+0530', '2026-03-02T09:14:00+05:3', '2026-3-02T09:14:00Z', '2026-03-02X09:14:00Z',
      '2026-03-02T09:14:00Z ', '2026-03-02T0a:14:00Z', '2026-03-02T09:14:00.2a5Z',
    ];
    for (const value of values) {
      for (const zone of ['UTC', 'America/New_York']) {
        assert.deepEqual(parseInstant(value, zone), parseInstant(` ${value}`, zone), `${value} in ${zone}`);
      }
    }
    // Every day of a leap and a common year, at a few times and offsets.
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 86_400_000 + 3_723_457) {
      const text = new Date(ms).toISOString();
      assert.equal(parseInstant(text, 'UTC')?.ms, ms, text);
      const shifted = text.replace('Z', '-07:30');
      assert.deepEqual(parseInstant(shifted, 'UTC'), parseInstant(` ${shifted}`, 'UTC'), shifted);
    }
  });

  it('rejects dates, garbage and impossible fields', () => {
    for (const bad of ['2026-03-30', 'yesterday', '', '2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02T10:00:00+24:00', 5, null, {}]) {
      assert.equal(parseInstant(bad, 'UTC'), undefined, String(bad));
    }
  });

  it('parses a due as a date (end of that day in the zone) or a timestamp', () => {
    // 2026-03-30 in New York (EDT, UTC−4) ends at 2026-03-31T00:00−04:00 − 1 ms = 03:59:59.999 UTC.
    const due = parseDue('2026-03-30', 'America/New_York');
    assert.deepEqual(due, { ms: at('2026-03-31T03:59:59.999Z'), hasOffset: false, dateOnly: true });
    assert.equal(endOfLocalDay('2026-03-30', 'America/New_York'), at('2026-03-31T03:59:59.999Z'));
    // UTC has passed midnight, New York has not: not yet passed.
    assert.ok(at('2026-03-31T02:00:00Z') <= due!.ms);
    // 04:00:01 UTC is 00:00:01 on 31 March in New York: passed.
    assert.ok(at('2026-03-31T04:00:01Z') > due!.ms);
    assert.deepEqual(parseDue('2026-03-30T12:00:00Z', 'America/New_York'), { ms: at('2026-03-30T12:00:00Z'), hasOffset: true, dateOnly: false });
    assert.equal(parseDue('2026-02-30', 'UTC'), undefined);
    assert.equal(parseDue(20260330, 'UTC'), undefined);
  });

  it('ends a local day at its real midnight on a DST day', () => {
    // 8 March 2026 in New York has 23 h; it ends at 2026-03-09T00:00−04:00 = 04:00 UTC, minus 1 ms.
    assert.equal(endOfLocalDay('2026-03-08', 'America/New_York'), at('2026-03-09T03:59:59.999Z'));
  });

  it('formats instants and durations in the message style', () => {
    assert.equal(formatInstant(at('2026-03-05T10:05:00Z')), '2026-03-05 10:05 UTC');
    assert.equal(formatInstant(at('2026-03-05T10:05:00Z'), 'America/New_York'), '2026-03-05 05:05 America/New_York');
    assert.equal(formatDuration(14 * H), '14 h');
    assert.equal(formatDuration(-14 * H - 20 * MIN), '14 h');
    assert.equal(formatDuration(45 * MIN), '45 min');
    assert.equal(formatDuration(47 * H + 59 * MIN), '47 h');
    assert.equal(formatDuration(48 * H), '2 d');
    assert.equal(formatDuration(3 * 24 * H + 2 * H), '3 d 2 h');
    assert.equal(formatDuration(30_000), 'less than 1 min');
  });
});

describe('deadlines: calendars', () => {
  it('counts business days on calendar dates as luxon does, over three years, with weekends and holidays, and rejects dates that name no day', () => {
    const cal = planCalendar('America/New_York', ['mon', 'tue', 'wed', 'thu', 'sat'], ['2026-12-25', '2027-01-01', '2028-02-29']);
    const luxonIsBusinessDay = (iso: string) => cal.weekdays.has(DateTime.fromISO(iso, { zone: 'UTC' }).weekday) && !cal.isHoliday(iso);
    for (let day = DateTime.fromISO('2026-01-01', { zone: 'UTC' }); day.year < 2029; day = day.plus({ days: 1 })) {
      const iso = day.toISODate()!;
      assert.equal(isBusinessDay(iso, cal), luxonIsBusinessDay(iso), iso);
      for (const n of [1, 3, 10]) {
        let expected = day;
        for (let counted = 0; counted < n;) if (luxonIsBusinessDay((expected = expected.plus({ days: 1 })).toISODate()!)) counted++;
        assert.equal(businessDaysAfter(iso, n, cal), expected.toISODate(), `${n} after ${iso}`);
      }
    }
    for (const nonDay of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-04-31']) assert.equal(isBusinessDay(nonDay, cal), false, nonDay);
  });

  it('computes the 2026 US federal holidays', () => {
    // 1 Jan 2026 is a Thursday, so Mondays of January fall on 5, 12, 19, 26 (MLK: 19);
    // 1 Feb is a Sunday (Washington: 16); 1 May a Friday (last Monday: 25); 19 Jun a Friday;
    // 4 Jul a Saturday (observed Friday 3 Jul); 1 Sep a Tuesday (Labor Day 7); 1 Oct a
    // Thursday (second Monday 12); Thursdays of November 5, 12, 19, 26; 25 Dec a Friday.
    assert.deepEqual(
      usFederalHolidays(2026).map((h) => h.observed),
      ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
        '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
    );
    const fed = usFederalCalendar();
    assert.equal(fed.zone, 'America/New_York');
    assert.ok(fed.isHoliday('2026-07-03'));
    assert.ok(!isBusinessDay('2026-07-03', fed));
    assert.ok(isBusinessDay('2026-07-02', fed));
    assert.ok(!isBusinessDay('2026-01-19', fed));
  });

  it('applies the observed-date rule (Saturday → Friday, Sunday → Monday)', () => {
    const fed = usFederalCalendar();
    // 1 Jan 2027 is a Friday (2026 has 365 days: Thursday + 1), so 4 Jul 2027 is a Sunday → Monday 5 Jul.
    assert.ok(fed.isHoliday('2027-07-05'));
    assert.ok(!isBusinessDay('2027-07-05', fed));
    assert.ok(isBusinessDay('2027-07-06', fed));
    // 25 Dec 2027 is a Saturday → Friday 24 Dec; 1 Jan 2028 is a Saturday → Friday 31 Dec 2027.
    assert.ok(fed.isHoliday('2027-12-24'));
    assert.ok(fed.isHoliday('2027-12-31'));
    // 1 Jan 2022 was a Saturday → observed Friday 31 Dec 2021.
    assert.ok(fed.isHoliday('2021-12-31'));
    assert.ok(!fed.isHoliday('2026-12-31'));
  });

  it('reads the plan calendar: weekday names, holidays, a fallback to Mon–Fri', () => {
    const cal = planCalendar('Europe/Berlin', ['Mon', 'tuesday', 'wed', 'thu', 'fri', 'bogus', 7], ['2026-12-25', 'soon', 3]);
    assert.deepEqual([...cal.weekdays].sort(), [1, 2, 3, 4, 5]);
    assert.ok(cal.isHoliday('2026-12-25'));
    assert.ok(!cal.isHoliday('soon'));
    assert.deepEqual([...planCalendar('UTC', []).weekdays].sort(), [1, 2, 3, 4, 5]);
    assert.deepEqual([...planCalendar('UTC', ['sun']).weekdays], [7]);
    assert.equal(planCalendar('Not/AZone').zone, 'UTC');
  });

  it('post-incident review: 5 business days across a plan holiday', () => {
    const cal = planCalendar('America/New_York', ['mon', 'tue', 'wed', 'thu', 'fri'], ['2026-12-25']);
    // Resolved Wed 2026-12-23 15:00 EST (day 0). Thu 24 = 1; Fri 25 holiday; Sat, Sun; Mon 28 = 2;
    // Tue 29 = 3; Wed 30 = 4; Thu 31 = 5 → end of Thu 31 Dec in New York = 2027-01-01T00:00−05:00
    // − 1 ms = 2027-01-01T04:59:59.999Z.
    assert.equal(endOfDayAfterBusinessDays(at('2026-12-23T20:00:00Z'), 5, cal), at('2027-01-01T04:59:59.999Z'));
    // 03:00 UTC on the 24th is still 22:00 on the 23rd in New York: same day 0, same due.
    assert.equal(endOfDayAfterBusinessDays(at('2026-12-24T03:00:00Z'), 5, cal), at('2027-01-01T04:59:59.999Z'));
    // Without the holiday, Thu 24 = 1, Fri 25 = 2, Mon 28 = 3, Tue 29 = 4, Wed 30 = 5.
    assert.equal(endOfDayAfterBusinessDays(at('2026-12-23T20:00:00Z'), 5, planCalendar('America/New_York')), at('2026-12-31T04:59:59.999Z'));
    // n = 0: the end of day 0 itself.
    assert.equal(endOfDayAfterBusinessDays(at('2026-12-23T20:00:00Z'), 0, cal), at('2026-12-24T04:59:59.999Z'));
  });

  it('SEC 4 business days from a Friday before a federal Monday holiday', () => {
    // Fri 2026-01-16 18:00 EST = 23:00 UTC. Mon 19 is MLK Day: Tue 20 = 1, Wed 21 = 2,
    // Thu 22 = 3, Fri 23 = 4 → end of Fri 23 Jan New York = 2026-01-24T04:59:59.999Z.
    assert.equal(addBusinessDays(at('2026-01-16T23:00:00Z'), 4, usFederalCalendar()), at('2026-01-24T04:59:59.999Z'));
  });

  it('SEC trigger on a Saturday starts counting on Monday', () => {
    // Sat 2026-01-24 10:00 EST: the count begins on and includes Mon 26 = 1; Tue 27 = 2;
    // Wed 28 = 3; Thu 29 = 4 → end of Thu 29 Jan New York = 2026-01-30T04:59:59.999Z.
    const fed = usFederalCalendar();
    assert.equal(addBusinessDays(at('2026-01-24T15:00:00Z'), 4, fed), at('2026-01-30T04:59:59.999Z'));
    // A trigger on MLK Day (Mon 19) starts on Tue 20: due end of Fri 23, as from Fri 16.
    assert.equal(addBusinessDays(at('2026-01-19T15:00:00Z'), 4, fed), at('2026-01-24T04:59:59.999Z'));
    // 23:30 EST Friday is 04:30 UTC Saturday: still Friday in New York, day 0 is Friday:
    // Mon 26 = 1 … Thu 29 = 4, same due as from Saturday.
    assert.equal(addBusinessDays(at('2026-01-24T04:30:00Z'), 4, fed), at('2026-01-30T04:59:59.999Z'));
  });

  it('rejects unusable counts', () => {
    const fed = usFederalCalendar();
    assert.equal(addBusinessDays(Number.NaN, 4, fed), undefined);
    assert.equal(addBusinessDays(0, -1, fed), undefined);
    assert.equal(addBusinessDays(0, 1.5, fed), undefined);
    const everyDayOff = { zone: 'UTC', weekdays: new Set([1]), isHoliday: () => true };
    assert.equal(addBusinessDays(0, 1, everyDayOff), undefined);
  });
});

describe('deadlines: notification clocks', () => {
  it('GDPR 72 h across a weekend: Fri 10:05Z → Mon 10:05Z', () => {
    // Fri 2026-03-06 10:05Z + 72 h = Mon 2026-03-09 10:05Z (Saturday and Sunday count).
    const r = clock(run(euBreach('2026-03-06T10:05:00Z'), '2026-03-06T12:00:00Z'), 'gdpr-art33');
    assert.equal(r.startsAt, at('2026-03-06T10:05:00Z'));
    assert.equal(r.dueAt, at('2026-03-09T10:05:00Z'));
    assert.equal(r.status, 'open');
    assert.deepEqual(r.clockField, ['notifications', 'aware_at']);
    assert.equal(r.source, 'GDPR Art. 33(1); WP250');
    assert.equal(r.title, 'GDPR Art. 33 notice to the supervisory authority');
  });

  it('GDPR 72 h across the EU DST change is 72 real hours', () => {
    // Aware Fri 2026-03-27 12:00+01:00 (CET) = 11:00Z. Europe moves to CEST at 01:00Z on
    // Sun 29 March. 72 h continuous = Mon 2026-03-30 11:00Z, which is 13:00+02:00 local
    // (not 12:00: the local clock jumped an hour, the deadline did not).
    const r = clock(run(euBreach('2026-03-27T12:00:00+01:00'), '2026-03-27T12:00:00Z', plan({ zone: 'Europe/Berlin' })), 'gdpr-art33');
    assert.equal(r.dueAt, at('2026-03-30T11:00:00Z'));
    assert.equal(r.dueAt, at('2026-03-30T13:00:00+02:00'));
  });

  it('a notice exactly at the due instant is on time; one minute later is late', () => {
    // Aware 2026-03-02 10:05Z → due 2026-03-05 10:05Z.
    const onTime = clock(run(euBreach('2026-03-02T10:05:00Z', [{ regime: 'gdpr-art33', notified_at: '2026-03-05T10:05:00Z' }]), '2026-04-01T00:00:00Z'), 'gdpr-art33');
    assert.equal(onTime.status, 'met');
    assert.equal(onTime.noticeIndex, 0);

    const late = clock(run(euBreach('2026-03-02T10:05:00Z', [{ regime: 'gdpr-art33', notified_at: '2026-03-05T10:06:00Z' }]), '2026-04-01T00:00:00Z'), 'gdpr-art33');
    assert.equal(late.status, 'late');
    assert.equal(late.lateByMs, MIN);
    assert.equal(late.hasDelayReason, false);

    const reasoned = clock(run(euBreach('2026-03-02T10:05:00Z', [
      { regime: 'gdpr-art33', notified_at: '2026-03-05T10:06:00Z', delay_reason: 'Forensic image needed to confirm scope' },
    ]), '2026-04-01T00:00:00Z'), 'gdpr-art33');
    assert.equal(reasoned.status, 'late');
    assert.equal(reasoned.hasDelayReason, true);
  });

  it('the earliest notice for a regime counts', () => {
    const r = clock(run(euBreach('2026-03-02T10:05:00Z', [
      { regime: 'gdpr-art33', notified_at: '2026-03-06T09:00:00Z' },
      { regime: 'customer-dpa', notified_at: '2026-03-02T12:00:00Z' },
      { regime: 'gdpr-art33', notified_at: '2026-03-04T11:00:00Z' },
    ]), '2026-04-01T00:00:00Z'), 'gdpr-art33');
    assert.equal(r.status, 'met');
    assert.equal(r.noticeIndex, 2);
    assert.equal(r.notifiedAt, at('2026-03-04T11:00:00Z'));
  });

  it('no notice after the due instant is breached, with how late', () => {
    // Due 2026-03-05 10:05Z; now 2026-03-06 00:05Z is 14 h later (the SPEC's message).
    const r = clock(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-06T00:05:00Z'), 'gdpr-art33');
    assert.equal(r.status, 'breached');
    assert.equal(r.lateByMs, 14 * H);
    assert.equal(`was due ${formatInstant(r.dueAt!)}, ${formatDuration(r.lateByMs!)} ago`, 'was due 2026-03-05 10:05 UTC, 14 h ago');
  });

  it('within warn_before_hours is approaching, further off is open', () => {
    // Due 2026-03-05 10:05Z; now 01:05Z the same day leaves 9 h (≤ 24 h).
    const near = clock(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-05T01:05:00Z'), 'gdpr-art33');
    assert.equal(near.status, 'approaching');
    assert.equal(near.remainingMs, 9 * H);
    // Exactly at the due instant: not yet breached.
    assert.equal(clock(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-05T10:05:00Z'), 'gdpr-art33').status, 'approaching');
    // 30 h before: open. With warn_before_hours 48: approaching.
    assert.equal(clock(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-04T04:05:00Z'), 'gdpr-art33').status, 'open');
    assert.equal(clock(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-04T04:05:00Z', plan({ warnBeforeHours: 48 })), 'gdpr-art33').status, 'approaching');
  });

  it('calendar days are N × 24 h from the instant (us-ca 30 days)', () => {
    // 2026-03-02 10:05Z + 30 × 24 h = 2026-04-01 10:05Z (March has 31 days), across the US DST change.
    const incident = euBreach('2026-03-02T10:05:00Z');
    incident.investigation.personal_data.jurisdictions = ['us-ca'];
    const r = clock(run(incident, '2026-03-03T00:00:00Z'), 'us-ca');
    assert.equal(r.dueAt, at('2026-04-01T10:05:00Z'));
    assert.equal(r.status, 'open');
  });

  it('customer-dpa applies without is_breach, with the plan window', () => {
    // Aware 2026-03-02 10:05Z + 48 h = 2026-03-04 10:05Z; notice on 3 March is on time.
    const incident = {
      detected_at: '2026-03-02T09:14:00Z',
      investigation: { customer_data: { involved: true }, personal_data: { involved: false } },
      notifications: { aware_at: '2026-03-02T10:05:00Z', notices: [{ regime: 'customer-dpa', notified_at: '2026-03-03T09:00:00Z' }] },
    };
    const results = run(incident, '2026-03-10T00:00:00Z');
    assert.deepEqual(results.map((r) => r.regime), ['customer-dpa']);
    assert.equal(results[0]!.dueAt, at('2026-03-04T10:05:00Z'));
    assert.equal(results[0]!.status, 'met');
    // Without customer_dpa_hours the window cannot be computed.
    const { customerDpaHours: _unused, ...noHours } = plan();
    assert.equal(clock(run(incident, '2026-03-10T00:00:00Z', noHours), 'customer-dpa').status, 'window-missing');
  });

  it('nydfs-500.17 applies without a breach, 72 h from decided_at', () => {
    // Decided 2026-03-02 15:00Z + 72 h = 2026-03-05 15:00Z.
    const incident = {
      detected_at: '2026-03-02T09:14:00Z',
      notifications: { nydfs_covered: true, breach_determination: { is_breach: false, decided_at: '2026-03-02T15:00:00Z' } },
    };
    const r = clock(run(incident, '2026-03-03T00:00:00Z', plan({ regimes: ['nydfs-500.17'] })), 'nydfs-500.17');
    assert.equal(r.dueAt, at('2026-03-05T15:00:00Z'));
    assert.deepEqual(r.clockField, ['notifications', 'breach_determination', 'decided_at']);
  });

  it('a regime not listed in the plan does not apply; nor one needing a breach without is_breach', () => {
    const incident = euBreach('2026-03-02T10:05:00Z');
    incident.investigation.personal_data.jurisdictions = ['eu', 'us-ny'];
    assert.equal(run(incident, '2026-03-03T00:00:00Z').some((r) => r.regime === 'us-ny'), false);
    assert.equal(run(incident, '2026-03-03T00:00:00Z', plan({ regimes: ['us-ny'] }))[0]?.regime, 'us-ny');
    incident.notifications.breach_determination.is_breach = false;
    assert.deepEqual(run(incident, '2026-03-03T00:00:00Z'), []);
  });

  it('a missing aware_at falls back to detected_at and says so', () => {
    // detected 2026-03-02 09:14Z + 72 h = 2026-03-05 09:14Z.
    const r = clock(run(euBreach(undefined), '2026-03-03T00:00:00Z'), 'gdpr-art33');
    assert.equal(r.awareFallback, true);
    assert.equal(r.startsAt, at('2026-03-02T09:14:00Z'));
    assert.equal(r.dueAt, at('2026-03-05T09:14:00Z'));
    assert.deepEqual(r.clockField, ['detected_at']);
  });

  it('us-co without decided_at is clock-missing', () => {
    const incident = euBreach('2026-03-02T10:05:00Z');
    incident.investigation.personal_data.jurisdictions = ['us-co'];
    incident.notifications.breach_determination = { is_breach: true } as typeof incident.notifications.breach_determination;
    const r = clock(run(incident, '2026-03-03T00:00:00Z', plan({ regimes: ['us-co'] })), 'us-co');
    assert.equal(r.status, 'clock-missing');
    assert.equal(r.dueAt, undefined);
    assert.deepEqual(r.clockField, ['notifications', 'breach_determination', 'decided_at']);
  });

  it('gdpr-art34 with high risk and no decision is no-decision; not_required closes it', () => {
    const incident = euBreach('2026-03-02T10:05:00Z');
    (incident.investigation.personal_data as Record<string, unknown>).high_risk = true;
    assert.equal(clock(run(incident, '2026-03-03T00:00:00Z'), 'gdpr-art34').status, 'no-decision');
    const decided = euBreach('2026-03-02T10:05:00Z', [], { not_required: [{ regime: 'gdpr-art34', rationale: 'Data encrypted, Art. 34(3)(a)' }] });
    (decided.investigation.personal_data as Record<string, unknown>).high_risk = true;
    const r = clock(run(decided, '2026-03-03T00:00:00Z'), 'gdpr-art34');
    assert.equal(r.status, 'not-required');
    assert.equal(r.notRequiredIndex, 0);
    // Without high_risk, Art. 34 does not apply.
    assert.equal(run(euBreach('2026-03-02T10:05:00Z'), '2026-03-03T00:00:00Z').some((x) => x.regime === 'gdpr-art34'), false);
  });

  it('sec-8k counts US federal business days from determined_at', () => {
    // Determined Fri 2026-01-16 18:00 New York (23:00Z) → due Fri 23 Jan 17:30 EST (the EDGAR
    // cut-off) = 22:30Z (MLK Day skipped).
    const incident = {
      detected_at: '2026-01-15T10:00:00Z',
      notifications: {
        breach_determination: { is_breach: true, decided_at: '2026-01-16T20:00:00Z' },
        materiality: { material: true, determined_at: '2026-01-16T18:00:00-05:00' },
      },
    };
    // The plan's zone and calendar (Berlin, weekends only) do not change the SEC count.
    const p = plan({ regimes: ['sec-8k'], zone: 'Europe/Berlin', calendar: planCalendar('Europe/Berlin') });
    const r = clock(run(incident, '2026-01-23T12:00:00Z', p), 'sec-8k');
    assert.equal(r.dueAt, at('2026-01-23T22:30:00Z'));
    assert.deepEqual(r.dueDay, { date: '2026-01-23', zone: 'America/New_York', cutoff: '17:30' });
    assert.equal(r.status, 'approaching');
    assert.deepEqual(r.clockField, ['notifications', 'materiality', 'determined_at']);
  });

  it('a plan-defined regime with business days uses the plan calendar', () => {
    // Detected Thu 2026-12-24 10:00 EST (15:00Z), day 0. Fri 25 is the plan holiday; Mon 28 = 1,
    // Tue 29 = 2 → end of Tue 29 Dec New York = 2026-12-30T04:59:59.999Z.
    const p = plan({
      regimes: [{ id: 'acme-bank-contract', title: 'Notice to Acme Bank', trigger: { customer_data: true, requires_breach: false }, clock: 'detected_at', window: { business_days: 2 } }],
    });
    const incident = { detected_at: '2026-12-24T15:00:00Z', investigation: { customer_data: { involved: true } } };
    const r = clock(run(incident, '2026-12-28T12:00:00Z', p), 'acme-bank-contract');
    assert.equal(r.title, 'Notice to Acme Bank');
    assert.equal(r.dueAt, at('2026-12-30T04:59:59.999Z'));
    assert.deepEqual(r.clockField, ['detected_at']);
    assert.equal(r.awareFallback, false);
    // requires_breach defaults to true: with it left out, no breach means no clock.
    const strict = plan({ regimes: [{ id: 'acme-bank-contract', trigger: { customer_data: true }, clock: 'detected_at', window: { hours: 24 } }] });
    assert.deepEqual(run(incident, '2026-12-28T12:00:00Z', strict), []);
  });

  it('plan-defined triggers: jurisdictions and min_records', () => {
    const p = plan({ regimes: [{ id: 'us-ma-custom', trigger: { jurisdictions: ['us-ma'], min_records: 500 }, clock: 'aware_at', window: { calendar_days: 30 } }] });
    const incident = euBreach('2026-03-02T10:05:00Z');
    incident.investigation.personal_data = { involved: true, jurisdictions: ['US-MA'], records_affected: 499 } as typeof incident.investigation.personal_data;
    assert.deepEqual(run(incident, '2026-03-03T00:00:00Z', p), []);
    (incident.investigation.personal_data as Record<string, unknown>).records_affected = 500;
    // 2026-03-02 10:05Z + 30 × 24 h = 2026-04-01 10:05Z.
    assert.equal(clock(run(incident, '2026-03-03T00:00:00Z', p), 'us-ma-custom').dueAt, at('2026-04-01T10:05:00Z'));
  });

  it('resolveRegimes reports unknown, duplicate and invalid entries', () => {
    const { regimes, problems } = resolveRegimes(['gdpr-art33', 'gdpr-art33', 'moon-law', 7, { id: 'x-1', clock: 'sometime', window: { hours: 1 } }, { id: 'x-2', clock: 'aware_at', window: { hours: 1, calendar_days: 2 } }]);
    assert.deepEqual(regimes.map((r) => r.id), ['gdpr-art33', 'x-2']);
    assert.equal(regimes[1]!.window, undefined);
    assert.deepEqual(problems.map((p) => [p.kind, p.path]), [
      ['duplicate-regime', ['notification', 'regimes', 1]],
      ['unknown-regime', ['notification', 'regimes', 2]],
      ['invalid-regime', ['notification', 'regimes', 3]],
      ['invalid-regime', ['notification', 'regimes', 4, 'clock']],
      ['invalid-regime', ['notification', 'regimes', 5, 'window']],
    ]);
  });

  it('openClocks keeps running clocks, soonest due first', () => {
    const incident = euBreach('2026-03-02T10:05:00Z', [{ regime: 'us-ca', notified_at: '2026-03-10T00:00:00Z' }], { nis2_significant: true });
    incident.investigation.personal_data.jurisdictions = ['eu', 'us-ca'];
    const p = plan({ regimes: ['us-ca', 'gdpr-art33', 'nis2-notification', 'nis2-early-warning'] });
    // now 2026-03-03 12:00Z: nis2-early-warning due 03-03 10:05Z (breached), gdpr-art33 and
    // nis2-notification due 03-05 10:05Z (open), us-ca met.
    const open = openClocks(run(incident, '2026-03-03T12:00:00Z', p));
    assert.deepEqual(open.map((r) => [r.regime, r.status]), [
      ['nis2-early-warning', 'breached'],
      ['gdpr-art33', 'open'],
      ['nis2-notification', 'open'],
    ]);
  });

  it('builds the engine input from the plan facts', () => {
    const p = notificationPlanFrom({
      path: 'plan.yaml',
      timezone: 'America/New_York',
      severities: [],
      roles: [],
      businessDays: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2026-12-25'] },
      regimes: ['gdpr-art33', 'customer-dpa'],
      regimesCustom: [{ id: 'acme-msa', name: 'Notice to Acme', clock: 'aware_at', window: { hours: 24 } }],
      customerDpaHours: 48,
      warnBeforeHours: 12,
      rules: {},
    });
    assert.equal(p.zone, 'America/New_York');
    assert.deepEqual(p.regimes, ['gdpr-art33', 'customer-dpa']);
    assert.deepEqual(p.customRegimes, [{ id: 'acme-msa', name: 'Notice to Acme', clock: 'aware_at', window: { hours: 24 } }]);
    assert.equal(p.customerDpaHours, 48);
    assert.equal(p.warnBeforeHours, 12);
    assert.ok(p.calendar.isHoliday('2026-12-25'));
    const none = notificationPlanFrom(undefined);
    assert.equal(none.zone, 'UTC');
    assert.deepEqual(none.regimes, []);
    assert.deepEqual([...none.calendar.weekdays].sort(), [1, 2, 3, 4, 5]);
  });

  it('never throws on garbage', () => {
    const garbage: unknown[] = [
      'text', 5, null, undefined, [], { notifications: 'x' }, { notifications: { notices: 5, not_required: 'no' } },
      { investigation: { personal_data: { jurisdictions: 'eu' } }, notifications: { breach_determination: [] } },
      { investigation: { personal_data: { jurisdictions: ['eu', 3, null] } }, notifications: { breach_determination: { is_breach: true }, aware_at: 42, notices: [5, null, { regime: 7 }, { regime: 'gdpr-art33', notified_at: {} }] } },
    ];
    for (const incident of garbage) {
      assert.doesNotThrow(() => run(incident, '2026-03-03T00:00:00Z', plan({ regimes: ['gdpr-art33', 'customer-dpa', { id: 'odd' }, 7, null] })));
    }
    // jurisdictions given, aware_at and detected_at unreadable: the clock cannot be checked.
    const r = run(garbage[8], '2026-03-03T00:00:00Z', plan({ regimes: ['gdpr-art33'] }));
    assert.deepEqual(r.map((x) => [x.regime, x.status]), [['gdpr-art33', 'clock-missing']]);
    assert.doesNotThrow(() => evaluateNotificationClocks({ incident: 'text', plan: { zone: 'Not/AZone', regimes: 'x' as unknown as string[], calendar: planCalendar('UTC') }, now: Number.NaN }));
  });
});

describe('deadlines: the EDGAR cut-off, months and chained clocks', () => {
  /** A material incident for sec-8k, determined at `determinedAt`. */
  const material = (determinedAt: string, notices: unknown[] = []) => ({
    detected_at: '2026-02-27T10:00:00Z',
    notifications: { breach_determination: { is_breach: true }, materiality: { material: true, determined_at: determinedAt }, notices },
  });
  const sec = plan({ regimes: ['sec-8k'] });

  it('sec-8k is due at 17:30 New York time on business day 4, across the spring DST change', () => {
    // Determined Tue 2026-03-03 (EST): Wed 4 = 1, Thu 5 = 2, Fri 6 = 3, Mon 9 = 4. New York
    // moved to EDT (UTC−4) on Sun 8 March, so 17:30 on Mon 9 is 21:30Z (not 22:30Z as in EST).
    const r = clock(run(material('2026-03-03T15:00:00-05:00'), '2026-03-04T00:00:00Z', sec), 'sec-8k');
    assert.equal(r.dueAt, at('2026-03-09T21:30:00Z'));
    assert.deepEqual(r.dueDay, { date: '2026-03-09', zone: 'America/New_York', cutoff: '17:30' });
    // A filing commencing at 17:29 EDT is dated that day; at 17:31 EDT, the next business day.
    const filed = (when: string) => clock(run(material('2026-03-03T15:00:00-05:00', [{ regime: 'sec-8k', notified_at: when }]), '2026-03-20T00:00:00Z', sec), 'sec-8k');
    assert.equal(filed('2026-03-09T17:29:00-04:00').status, 'met');
    assert.equal(filed('2026-03-09T17:30:00-04:00').status, 'met');
    const late = filed('2026-03-09T17:31:00-04:00');
    assert.equal(late.status, 'late');
    assert.equal(late.lateByMs, MIN);
  });

  it('sec-8k across the autumn DST change: 17:30 EST', () => {
    // Determined Wed 2026-10-28 (EDT): Thu 29 = 1, Fri 30 = 2, Mon 2 Nov = 3, Tue 3 Nov = 4. EST
    // (UTC−5) from Sun 1 November: 17:30 on Tue 3 November is 22:30Z.
    const due = at('2026-11-03T22:30:00Z');
    assert.equal(clock(run(material('2026-10-28T11:00:00-04:00'), '2026-10-29T00:00:00Z', sec), 'sec-8k').dueAt, due);
    const filed = (when: string) => clock(run(material('2026-10-28T11:00:00-04:00', [{ regime: 'sec-8k', notified_at: when }]), '2026-11-20T00:00:00Z', sec), 'sec-8k').status;
    assert.equal(filed('2026-11-03T17:29:00-05:00'), 'met');
    assert.equal(filed('2026-11-03T17:31:00-05:00'), 'late');
    // 21:31Z is 16:31 EST that day (it would be 17:31 under EDT): on time, the cut-off follows the
    // offset in force on the due day.
    assert.equal(filed('2026-11-03T21:31:00Z'), 'met');
  });

  it('sec-8k: a Friday and a Saturday determination are both due Thursday 17:30 (Form 8-K B.1)', () => {
    // REGIMES-candidates.md: Fri 2026-03-06 (day 0) or Sat 2026-03-07 (Mon 9 is day 1): Mon 9 = 1,
    // Tue 10 = 2, Wed 11 = 3, Thu 12 = 4 → 17:30 EDT = 21:30Z.
    for (const determined of ['2026-03-06T16:00:00-05:00', '2026-03-07T10:00:00-05:00']) {
      assert.equal(clock(run(material(determined), '2026-03-08T00:00:00Z', sec), 'sec-8k').dueAt, at('2026-03-12T21:30:00Z'), determined);
    }
  });

  it('monthsLater: the same date, a missing day becomes the month\'s last day, days in the zone', () => {
    // 31 January + 1 month: no 31 February → 28 February 2026, 29 February in the leap year 2028.
    assert.equal(monthsLater(at('2026-01-31T10:00:00Z'), 1, 'Europe/Berlin'), '2026-02-28');
    assert.equal(monthsLater(at('2028-01-31T10:00:00Z'), 1, 'Europe/Berlin'), '2028-02-29');
    assert.equal(monthsLater(at('2026-03-15T10:00:00Z'), 1, 'Europe/Berlin'), '2026-04-15');
    assert.equal(monthsLater(at('2026-12-31T10:00:00Z'), 2, 'UTC'), '2027-02-28');
    // 23:30Z on 31 January is 00:30 on 1 February in Berlin: the local day counts.
    assert.equal(monthsLater(at('2026-01-31T23:30:00Z'), 1, 'Europe/Berlin'), '2026-03-01');
    assert.equal(monthsLater(at('2026-01-31T23:30:00Z'), 1, 'UTC'), '2026-02-28');
    assert.equal(monthsLater(Number.NaN, 1, 'UTC'), undefined);
    assert.equal(monthsLater(0, 1.5, 'UTC'), undefined);
  });

  /** A significant NIS2 incident whose 72 h notification went out at `notifiedAt`. */
  const nis2 = (notices: unknown[]) => ({
    detected_at: '2026-01-28T09:00:00Z',
    notifications: { aware_at: '2026-01-28T10:00:00Z', nis2_significant: true, breach_determination: { is_breach: true }, notices },
  });
  const berlin = (regimes: unknown[]) => plan({ zone: 'Europe/Berlin', regimes, calendar: planCalendar('Europe/Berlin') });

  it('nis2-final: 1 month from the notification notice, ending at 24:00 in the plan zone (31 January → 28 February)', () => {
    // Notified Sat 2026-01-31 10:00Z (11:00 CET). No 31 February: the period ends at the end of
    // Sat 28 February in Berlin = 2026-03-01T00:00+01:00 − 1 ms = 2026-02-28T22:59:59.999Z. Art. 3(4)
    // would move a Saturday end to the end of Monday 2 March: not applied (the earlier reading).
    const incident = nis2([{ regime: 'nis2-notification', notified_at: '2026-01-31T10:00:00Z' }]);
    const r = clock(run(incident, '2026-02-01T00:00:00Z', berlin(['nis2-notification', 'nis2-final'])), 'nis2-final');
    assert.equal(r.startsAt, at('2026-01-31T10:00:00Z'));
    assert.deepEqual(r.clockField, ['notifications', 'notices', 0, 'notified_at']);
    assert.equal(r.dueAt, at('2026-02-28T22:59:59.999Z'));
    assert.deepEqual(r.dueDay, { date: '2026-02-28', zone: 'Europe/Berlin' });
    assert.equal(r.status, 'open');
    // The report at 23:59:59.999 local on the 28th is on time; at midnight it is late.
    const report = (when: string) => clock(run(nis2([
      { regime: 'nis2-notification', notified_at: '2026-01-31T10:00:00Z' }, { regime: 'nis2-final', notified_at: when },
    ]), '2026-04-01T00:00:00Z', berlin(['nis2-notification', 'nis2-final'])), 'nis2-final');
    assert.equal(report('2026-02-28T23:59:59.999+01:00').status, 'met');
    assert.equal(report('2026-03-01T00:00:00+01:00').status, 'late');
  });

  it('nis2-final in a leap year: 31 January 2028 → end of 29 February', () => {
    const incident = nis2([{ regime: 'nis2-notification', notified_at: '2028-01-31T10:00:00Z' }]);
    // End of Tue 2028-02-29 in Berlin (CET) = 2028-02-29T22:59:59.999Z.
    assert.equal(clock(run(incident, '2028-02-01T00:00:00Z', berlin(['nis2-notification', 'nis2-final'])), 'nis2-final').dueAt, at('2028-02-29T22:59:59.999Z'));
  });

  it('a chained clock waits while its predecessor regime is open, and reports a missing predecessor notice otherwise', () => {
    const incident = nis2([]);
    // nis2-notification is in scope and applies: its own clock speaks, nis2-final waits silently.
    const waiting = clock(run(incident, '2026-01-29T00:00:00Z', berlin(['nis2-notification', 'nis2-final'])), 'nis2-final');
    assert.equal(waiting.status, 'waiting');
    assert.equal(waiting.predecessor, 'nis2-notification');
    assert.deepEqual(waiting.clockField, ['notifications', 'notices']);
    assert.deepEqual(openClocks(run(incident, '2026-01-29T00:00:00Z', berlin(['nis2-notification', 'nis2-final']))).map((r) => r.regime), ['nis2-notification']);
    // A not_required entry for the predecessor leaves the follow-up waiting too.
    const notRequired = { ...incident, notifications: { ...incident.notifications, not_required: [{ regime: 'nis2-notification', rationale: 'Not significant after all' }] } };
    assert.equal(clock(run(notRequired, '2026-01-29T00:00:00Z', berlin(['nis2-notification', 'nis2-final'])), 'nis2-final').status, 'waiting');
    // Without nis2-notification in scope nothing else asks for that notice: the finding says it is missing.
    assert.equal(clock(run(incident, '2026-01-29T00:00:00Z', berlin(['nis2-final'])), 'nis2-final').status, 'predecessor-missing');
  });

  it('DORA: initial 4 h from classification capped at 24 h from awareness, intermediate 72 h from the initial notice, final 1 month from the latest intermediate', () => {
    const dora = (classifiedAt: string, notices: unknown[] = []) => ({
      detected_at: '2026-03-02T07:30:00Z',
      notifications: { aware_at: '2026-03-02T08:00:00Z', dora: { major: true, classified_at: classifiedAt }, notices },
    });
    const p = plan({ regimes: ['dora-initial', 'dora-intermediate', 'dora-final'], zone: 'Europe/Berlin', calendar: planCalendar('Europe/Berlin') });
    // Classified 10:00Z: 4 h → 14:00Z, before aware + 24 h = 2026-03-03 08:00Z. No breach needed.
    const early = clock(run(dora('2026-03-02T10:00:00Z'), '2026-03-02T11:00:00Z', p), 'dora-initial');
    assert.equal(early.dueAt, at('2026-03-02T14:00:00Z'));
    assert.equal(early.boundBy, undefined);
    assert.deepEqual(early.clockField, ['notifications', 'dora', 'classified_at']);
    // Classified 2026-03-03 06:00Z: 4 h → 10:00Z, but awareness + 24 h = 08:00Z comes first.
    const late = clock(run(dora('2026-03-03T06:00:00Z'), '2026-03-03T07:00:00Z', p), 'dora-initial');
    assert.equal(late.dueAt, at('2026-03-03T08:00:00Z'));
    assert.deepEqual(late.boundBy, { field: ['notifications', 'aware_at'], window: { unit: 'hours', amount: 24 } });
    // Intermediate: 72 h from the earliest dora-initial notice (13:00Z) = 2026-03-05 13:00Z.
    const withInitial = dora('2026-03-02T10:00:00Z', [
      { regime: 'dora-initial', notified_at: '2026-03-02T15:00:00Z' },
      { regime: 'dora-initial', notified_at: '2026-03-02T13:00:00Z' },
    ]);
    const intermediate = clock(run(withInitial, '2026-03-03T00:00:00Z', p), 'dora-intermediate');
    assert.equal(intermediate.dueAt, at('2026-03-05T13:00:00Z'));
    assert.deepEqual(intermediate.clockField, ['notifications', 'notices', 1, 'notified_at']);
    // dora-final waits for an intermediate report while dora-intermediate runs.
    assert.equal(clock(run(withInitial, '2026-03-03T00:00:00Z', p), 'dora-final').status, 'waiting');
    // Final: 1 month from the LATEST intermediate report (updated on 10 March) → end of 10 April in
    // Berlin (CEST, UTC+2) = 2026-04-10T21:59:59.999Z.
    const withIntermediates = dora('2026-03-02T10:00:00Z', [
      { regime: 'dora-initial', notified_at: '2026-03-02T13:00:00Z' },
      { regime: 'dora-intermediate', notified_at: '2026-03-10T10:00:00Z' },
      { regime: 'dora-intermediate', notified_at: '2026-03-04T10:00:00Z' },
    ]);
    const final = clock(run(withIntermediates, '2026-03-11T00:00:00Z', p), 'dora-final');
    assert.equal(final.startsAt, at('2026-03-10T10:00:00Z'));
    assert.equal(final.dueAt, at('2026-04-10T21:59:59.999Z'));
    // The intermediate clock itself was met by its earliest report.
    assert.equal(clock(run(withIntermediates, '2026-03-11T00:00:00Z', p), 'dora-intermediate').status, 'met');
  });

  it('DORA initial without classified_at cannot be checked; not major, no clock', () => {
    const p = plan({ regimes: ['dora-initial'] });
    const r = clock(run({ detected_at: '2026-03-02T07:30:00Z', notifications: { aware_at: '2026-03-02T08:00:00Z', dora: { major: true } } }, '2026-03-02T09:00:00Z', p), 'dora-initial');
    assert.equal(r.status, 'clock-missing');
    assert.deepEqual(r.clockField, ['notifications', 'dora', 'classified_at']);
    assert.deepEqual(run({ notifications: { dora: { major: false, classified_at: '2026-03-02T08:00:00Z' } } }, '2026-03-02T09:00:00Z', p), []);
  });
});

describe('deadlines: warning leads', () => {
  it('a regime\'s own lead is used when shorter than the plan\'s warn_before_hours', () => {
    const p = plan({ regimes: ['dora-initial', 'nis2-early-warning', 'us-bank-36h', 'gdpr-art33'] });
    const incident = {
      detected_at: '2026-03-02T07:30:00Z',
      investigation: { personal_data: { involved: true, jurisdictions: ['eu'] } },
      notifications: {
        aware_at: '2026-03-02T08:00:00Z', nis2_significant: true, breach_determination: { is_breach: true },
        dora: { major: true, classified_at: '2026-03-02T10:00:00Z' },
        bank_incident: { notification_incident: true, determined_at: '2026-03-02T12:00:00Z' },
      },
    };
    const lead = (regime: string) => clock(run(incident, '2026-03-02T08:00:00Z', p), regime).warnBeforeMs / H;
    assert.equal(lead('dora-initial'), 1);
    assert.equal(lead('nis2-early-warning'), 6);
    assert.equal(lead('us-bank-36h'), 12);
    assert.equal(lead('gdpr-art33'), 24);
    // A plan lead shorter than the regime's wins.
    assert.equal(clock(run(incident, '2026-03-02T08:00:00Z', { ...p, warnBeforeHours: 4 }), 'us-bank-36h').warnBeforeMs, 4 * H);
    // DORA initial due 14:00Z: 1 h 30 min before is open (a 24 h lead would warn at once); 1 h before, approaching.
    assert.equal(clock(run(incident, '2026-03-02T12:30:00Z', p), 'dora-initial').status, 'open');
    assert.equal(clock(run(incident, '2026-03-02T13:00:00Z', p), 'dora-initial').status, 'approaching');
    // NIS2 early warning due 2026-03-03 08:00Z: 7 h before open, 6 h before approaching.
    assert.equal(clock(run(incident, '2026-03-03T01:00:00Z', p), 'nis2-early-warning').status, 'open');
    assert.equal(clock(run(incident, '2026-03-03T02:00:00Z', p), 'nis2-early-warning').status, 'approaching');
  });
});

describe('deadlines: US federal regimes, HIPAA media and the states', () => {
  const breach = (personal: Record<string, unknown>, notifications: Record<string, unknown> = {}) => ({
    detected_at: '2026-03-02T09:00:00Z',
    investigation: { personal_data: { involved: true, ...personal } },
    notifications: {
      aware_at: '2026-03-02T10:00:00Z',
      breach_determination: { is_breach: true, decided_at: '2026-03-03T12:00:00Z' },
      ...notifications,
    },
  });
  const applies = (incident: unknown, regime: string) => run(incident, '2026-03-03T00:00:00Z', plan({ regimes: [regime] })).some((r) => r.regime === regime);

  it('us-bank-36h: 36 h from bank_incident.determined_at, no breach needed', () => {
    // Determined 2026-03-02 12:00Z + 36 h = 2026-03-04 00:00Z.
    const incident = { detected_at: '2026-03-02T09:00:00Z', notifications: { bank_incident: { notification_incident: true, determined_at: '2026-03-02T12:00:00Z' } } };
    const r = clock(run(incident, '2026-03-02T13:00:00Z', plan({ regimes: ['us-bank-36h'] })), 'us-bank-36h');
    assert.equal(r.dueAt, at('2026-03-04T00:00:00Z'));
    assert.deepEqual(r.clockField, ['notifications', 'bank_incident', 'determined_at']);
    assert.equal(r.basis, 'law');
    assert.equal(applies({ notifications: { bank_incident: { notification_incident: false, determined_at: '2026-03-02T12:00:00Z' } } }, 'us-bank-36h'), false);
  });

  it('sec-regsp-individuals and ftc-safeguards: 30 days from awareness; FTC only from 500 consumers', () => {
    // 2026-03-02 10:00Z + 30 × 24 h = 2026-04-01 10:00Z.
    const regsp = breach({ jurisdictions: ['us-ny'] }, { sec_regsp_covered: true });
    assert.equal(clock(run(regsp, '2026-03-03T00:00:00Z', plan({ regimes: ['sec-regsp-individuals'] })), 'sec-regsp-individuals').dueAt, at('2026-04-01T10:00:00Z'));
    assert.equal(applies(breach({}, { sec_regsp_covered: false }), 'sec-regsp-individuals'), false);
    assert.equal(applies(breach({ records_affected: 499 }, { ftc_safeguards_covered: true }), 'ftc-safeguards'), false);
    const ftc = breach({ records_affected: 500 }, { ftc_safeguards_covered: true });
    assert.equal(clock(run(ftc, '2026-03-03T00:00:00Z', plan({ regimes: ['ftc-safeguards'] })), 'ftc-safeguards').dueAt, at('2026-04-01T10:00:00Z'));
  });

  it('hipaa-media: more than 500 residents of one state, counted per jurisdiction', () => {
    assert.equal(applies(breach({ phi: true, records_by_jurisdiction: { 'us-ca': 501 } }), 'hipaa-media'), true);
    // 500 is not more than 500; 1,000 split over two states is 500 in each.
    assert.equal(applies(breach({ phi: true, records_by_jurisdiction: { 'us-ca': 500 } }), 'hipaa-media'), false);
    assert.equal(applies(breach({ phi: true, jurisdictions: ['us-ca', 'us-ny'], records_affected: 1000, records_by_jurisdiction: { 'us-ca': 500, 'us-ny': 500 } }), 'hipaa-media'), false);
    // One jurisdiction listed: every affected record is its residents'.
    assert.equal(applies(breach({ phi: true, jurisdictions: ['us-ca'], records_affected: 600 }), 'hipaa-media'), true);
    // Two listed without a split: the count per state is unknown, so the rule does not guess.
    assert.equal(applies(breach({ phi: true, jurisdictions: ['us-ca', 'us-ny'], records_affected: 600 }), 'hipaa-media'), false);
    // Not a US state, or no PHI: no media notice.
    assert.equal(applies(breach({ phi: true, records_by_jurisdiction: { eu: 900 } }), 'hipaa-media'), false);
    assert.equal(applies(breach({ phi: false, records_by_jurisdiction: { 'us-ca': 900 } }), 'hipaa-media'), false);
    // 60 days from awareness: 2026-03-02 10:00Z + 60 × 24 h = 2026-05-01 10:00Z.
    assert.equal(clock(run(breach({ phi: true, records_by_jurisdiction: { 'us-tx': 700 } }), '2026-03-03T00:00:00Z', plan({ regimes: ['hipaa-media'] })), 'hipaa-media').dueAt, at('2026-05-01T10:00:00Z'));
  });

  it('a jurisdiction counted in records_by_jurisdiction counts as listed', () => {
    assert.equal(applies(breach({ records_by_jurisdiction: { 'us-ca': 3 } }), 'us-ca'), true);
    assert.equal(applies(breach({ records_by_jurisdiction: { 'us-ca': 0 } }), 'us-ca'), false);
  });

  // Each state's window and trigger (REGIMES-candidates.md): aware_at 2026-03-02 10:00Z,
  // decided_at 2026-03-03 12:00Z; the due is the trigger + N × 24 h.
  const STATES: [string, 'aware_at' | 'decided_at', number][] = [
    ['us-al', 'decided_at', 45], ['us-az', 'decided_at', 45], ['us-in', 'aware_at', 45], ['us-md', 'aware_at', 45],
    ['us-nm', 'aware_at', 45], ['us-oh', 'aware_at', 45], ['us-tn', 'aware_at', 45], ['us-wi', 'aware_at', 45],
    ['us-ri', 'decided_at', 45], ['us-vt', 'aware_at', 45], ['us-or', 'aware_at', 45],
    ['us-ct', 'aware_at', 60], ['us-de', 'decided_at', 60], ['us-la', 'aware_at', 60], ['us-sd', 'aware_at', 60],
  ];
  for (const [state, trigger, days] of STATES) {
    it(`${state}: ${days} calendar days from ${trigger}`, () => {
      const r = clock(run(breach({ jurisdictions: [state] }), '2026-03-03T13:00:00Z', plan({ regimes: [state] })), state);
      const start = trigger === 'aware_at' ? at('2026-03-02T10:00:00Z') : at('2026-03-03T12:00:00Z');
      assert.equal(r.dueAt, start + days * 24 * H);
      assert.equal(r.clockField.at(-1), trigger);
      assert.deepEqual(r.window, { unit: 'calendar_days', amount: days });
    });
  }

  it('us-vt-ag: 14 business days from discovery, or by the resident notice if that is sooner', () => {
    // Aware Mon 2026-03-02 10:00 EST (day 0). Mon–Fri without holidays: Fri 20 March is day 14 →
    // end of 20 March in New York (EDT) = 2026-03-21T03:59:59.999Z.
    const p = plan({ regimes: ['us-vt', 'us-vt-ag'] });
    const vermont = (notices: unknown[]) => breach({ jurisdictions: ['us-vt'] }, { aware_at: '2026-03-02T15:00:00Z', notices });
    const r = clock(run(vermont([]), '2026-03-03T00:00:00Z', p), 'us-vt-ag');
    assert.equal(r.dueAt, at('2026-03-21T03:59:59.999Z'));
    assert.deepEqual(r.dueDay, { date: '2026-03-20', zone: 'America/New_York' });
    // Residents told on 10 March: the AG's notice was due by then.
    const told = clock(run(vermont([{ regime: 'us-vt', notified_at: '2026-03-10T15:00:00Z' }]), '2026-03-11T00:00:00Z', p), 'us-vt-ag');
    assert.equal(told.dueAt, at('2026-03-10T15:00:00Z'));
    assert.deepEqual(told.boundBy, { field: ['notifications', 'notices', 0, 'notified_at'], window: { unit: 'hours', amount: 0 }, notice: 'us-vt' });
    assert.equal(told.status, 'breached');
  });

  it('us-la-ag: 10 days from the resident notice; waits while us-la runs', () => {
    const p = plan({ regimes: ['us-la', 'us-la-ag'] });
    const louisiana = (notices: unknown[]) => breach({ jurisdictions: ['us-la'] }, { notices });
    // Resident notice 2026-03-20 12:00Z + 10 × 24 h = 2026-03-30 12:00Z.
    const r = clock(run(louisiana([{ regime: 'us-la', notified_at: '2026-03-20T12:00:00Z' }]), '2026-03-21T00:00:00Z', p), 'us-la-ag');
    assert.equal(r.dueAt, at('2026-03-30T12:00:00Z'));
    assert.equal(clock(run(louisiana([]), '2026-03-21T00:00:00Z', p), 'us-la-ag').status, 'waiting');
    assert.equal(clock(run(louisiana([]), '2026-03-21T00:00:00Z', plan({ regimes: ['us-la-ag'] })), 'us-la-ag').status, 'predecessor-missing');
  });
});

describe('deadlines: plan-defined regimes (regimes_custom)', () => {
  const custom = (entry: Record<string, unknown>, over: Partial<NotificationPlan> = {}) =>
    plan({ regimes: [], customRegimes: [{ id: 'acme-msa', name: 'Notice to Acme', clock: 'aware_at', ...entry }], ...over });
  const incident = {
    detected_at: '2026-01-31T09:00:00Z',
    investigation: { customer_data: { involved: true }, personal_data: { involved: true, jurisdictions: ['eu'], records_affected: 120 } },
    notifications: { aware_at: '2026-01-31T10:00:00Z', breach_determination: { is_breach: true, decided_at: '2026-02-02T09:00:00Z' } },
  };
  const due = (entry: Record<string, unknown>, over: Partial<NotificationPlan> = {}) => clock(run(incident, '2026-02-01T00:00:00Z', custom(entry, over)), 'acme-msa');

  it('counts each unit: hours, calendar days, business days, months', () => {
    // Aware Sat 2026-01-31 10:00Z (05:00 EST).
    // 36 h → 2026-02-01 22:00Z.
    assert.equal(due({ window: { hours: 36 } }).dueAt, at('2026-02-01T22:00:00Z'));
    // 5 calendar days = 5 × 24 h → 2026-02-05 10:00Z.
    assert.equal(due({ window: { calendar_days: 5 } }).dueAt, at('2026-02-05T10:00:00Z'));
    // 2 business days of the plan calendar from a Saturday: Mon 2 Feb = 1, Tue 3 Feb = 2 → end of
    // Tue 3 February in New York (EST) = 2026-02-04T04:59:59.999Z.
    assert.equal(due({ window: { business_days: 2 } }).dueAt, at('2026-02-04T04:59:59.999Z'));
    // 1 month from 31 January → end of 28 February in New York = 2026-03-01T04:59:59.999Z.
    const month = due({ window: { months: 1 } });
    assert.equal(month.dueAt, at('2026-03-01T04:59:59.999Z'));
    assert.equal(month.title, 'Notice to Acme');
    assert.equal(month.source, 'plan notification.regimes_custom');
    assert.equal(month.basis, 'plan');
  });

  it('starts at the clock field named, with its own warning lead', () => {
    // decided_at 2026-02-02 09:00Z + 24 h.
    assert.equal(due({ clock: 'decided_at', window: { hours: 24 } }).dueAt, at('2026-02-03T09:00:00Z'));
    assert.equal(due({ window: { hours: 24 }, warn_before_hours: 2 }).warnBeforeMs, 2 * H);
    assert.equal(due({ window: { hours: 24 } }).warnBeforeMs, 24 * H);
  });

  it('applies on its conditions: jurisdictions, data types, record counts, breach', () => {
    const appliesWith = (conditions: Record<string, unknown>) =>
      run(incident, '2026-02-01T00:00:00Z', custom({ window: { hours: 24 }, conditions })).length === 1;
    assert.equal(appliesWith({}), true);
    assert.equal(appliesWith({ jurisdictions: ['EU'] }), true);
    assert.equal(appliesWith({ jurisdictions: ['us-ca'] }), false);
    assert.equal(appliesWith({ customer_data: true, personal_data: true }), true);
    assert.equal(appliesWith({ phi: true }), false);
    assert.equal(appliesWith({ high_risk: true }), false);
    assert.equal(appliesWith({ min_records: 120 }), true);
    assert.equal(appliesWith({ min_records: 121 }), false);
    const noBreach = { ...incident, notifications: { aware_at: '2026-01-31T10:00:00Z' } };
    assert.equal(run(noBreach, '2026-02-01T00:00:00Z', custom({ window: { hours: 24 } })).length, 0);
    assert.equal(run(noBreach, '2026-02-01T00:00:00Z', custom({ window: { hours: 24 }, conditions: { requires_breach: false } })).length, 1);
  });

  it('refuses built-in ids and duplicates; keeps the older object form inside regimes working', () => {
    const { regimes, problems } = resolveRegimes(
      ['gdpr-art33', { id: 'old-form', trigger: { customer_data: true }, clock: 'aware_at', window: { months: 2 } }],
      {
        custom: [
          { id: 'gdpr-art33', name: 'Mine', clock: 'aware_at', window: { hours: 1 } },
          { id: 'old-form', name: 'Again', clock: 'aware_at', window: { hours: 1 } },
          { id: 'acme-msa', name: 'Notice to Acme', clock: 'resolved_at', window: { hours: 1 } },
          { name: 'No id', clock: 'aware_at', window: { hours: 1 } },
          { id: 'acme-sla', name: 'SLA notice', clock: 'detected_at', window: { weeks: 1 } },
        ],
      },
    );
    assert.deepEqual(regimes.map((r) => [r.id, r.definedBy, r.window?.unit]), [
      ['gdpr-art33', 'built-in', 'hours'], ['old-form', 'plan', 'months'], ['acme-sla', 'plan', undefined],
    ]);
    assert.deepEqual(problems.map((p) => [p.kind, p.path]), [
      ['invalid-regime', ['notification', 'regimes_custom', 0, 'id']],
      ['duplicate-regime', ['notification', 'regimes_custom', 1]],
      ['invalid-regime', ['notification', 'regimes_custom', 2, 'clock']],
      ['invalid-regime', ['notification', 'regimes_custom', 3]],
      ['invalid-regime', ['notification', 'regimes_custom', 4, 'window']],
    ]);
  });
});

describe('deadlines: the catalog agrees with its schema and its documentation', () => {
  const root = path.join(__dirname, '..', '..');
  const planSchema = JSON.parse(readFileSync(path.join(root, 'schemas', 'response-plan.schema.json'), 'utf8'));
  const docs = readFileSync(path.join(root, 'docs', 'rules', 'notification-deadline.md'), 'utf8');

  it('the plan schema offers exactly the built-in ids and the plan clocks', () => {
    assert.deepEqual(planSchema.properties.notification.properties.regimes.items.then.enum, BUILTIN_REGIME_IDS);
    const custom = planSchema.definitions.custom_regime.properties;
    assert.deepEqual(custom.id.allOf[1].not.enum, BUILTIN_REGIME_IDS);
    assert.deepEqual(custom.clock.enum, PLAN_CLOCKS);
    assert.deepEqual(planSchema.definitions.plan_regime.properties.clock.enum, PLAN_CLOCKS);
  });

  it('the rule docs table every built-in regime with its status', () => {
    const rows = new Map(docs.split('\n').filter((line) => line.startsWith('| ')).map((line) => {
      const cells = line.split(' | ');
      return [cells[0]!.slice(2), cells] as const;
    }));
    for (const regime of BUILTIN_REGIMES) {
      const row = rows.get(regime.id);
      assert.ok(row, `docs/rules/notification-deadline.md has no row for ${regime.id}`);
      assert.ok(row.at(-1)!.startsWith(regime.basis), `${regime.id}: status ${regime.basis} in "${row.at(-1)}"`);
    }
  });
});
