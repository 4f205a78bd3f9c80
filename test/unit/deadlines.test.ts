// Deadline arithmetic and notification clocks (SPEC 2.4, 2.5 pir-deadline / remediation-overdue).
// Every expected instant is worked out by hand in the comment beside it.
import assert from 'node:assert/strict';
import {
  addBusinessDays,
  endOfDayAfterBusinessDays,
  endOfLocalDay,
  evaluateNotificationClocks,
  formatDuration,
  formatInstant,
  isBusinessDay,
  notificationPlanFrom,
  openClocks,
  parseDue,
  parseInstant,
  planCalendar,
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
