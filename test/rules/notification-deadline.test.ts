import assert from 'node:assert/strict';
import { createDocument } from '../../server/src/core/model/document';
import { parseCc7 } from '../../server/src/core/model/parse';
import { extractPlanFacts } from '../../server/src/core/model/plan';
import { documentContext, type RuleContext } from '../../server/src/core/rules/rule';
import { notificationDeadline } from '../../server/src/core/rules/notification-deadline';
import { formatInstant } from '../../server/src/core/deadlines';
import type { YamlPath } from '../../server/src/core/model/types';
import { stringify } from 'yaml';
import { fixtureCases } from '../support/fixtures';

describe('notification-deadline', () => {
  fixtureCases('notification-deadline');

  const doc = (text: string) => createDocument('doc.yaml', text.length, parseCc7(text));
  /** The facts of a plan in America/New_York with one role and one severity, and this `notification:` section. */
  const planWith = (notification: string) => extractPlanFacts(doc(`apiVersion: cc7/v1
kind: ResponsePlan
organization: Acme
timezone: America/New_York
roles: { incident_lead: { title: Lead } }
severity_levels: [{ id: SEV2 }]
${notification}
`));
  const plan = planWith('notification: { regimes: [gdpr-art33, customer-dpa, us-co, sec-8k], customer_dpa_hours: 48 }');
  const context: RuleContext = { now: Date.parse('2026-03-06T00:05:00Z'), plan, maxFileBytes: 2 * 1024 * 1024 };
  const check = (text: string, ctx: RuleContext = context) => notificationDeadline.checkDocument!(doc(text), documentContext(ctx));

  it('never throws on wrong types anywhere', () => {
    const bodies = [
      'notifications: none',
      'notifications: [1, 2]',
      'notifications: { notices: 5, not_required: no, aware_at: [] }',
      'investigation: 7\nnotifications: { breach_determination: [] }',
      'investigation: { personal_data: { jurisdictions: eu } }\nnotifications: { breach_determination: { is_breach: "true" } }',
      'investigation: { personal_data: { jurisdictions: [eu, 3, null] } }\nnotifications: { breach_determination: { is_breach: true }, aware_at: 42, notices: [5, null, { regime: 7 }, { regime: gdpr-art33, notified_at: {} }] }',
      'detected_at: [x]\ninvestigation: { personal_data: { jurisdictions: [us-co] } }\nnotifications: { breach_determination: { is_breach: true, decided_at: { x: 1 } } }',
    ];
    for (const body of bodies) {
      const reports = check(`apiVersion: cc7/v1\nkind: Incident\n${body}\n`);
      for (const report of reports) assert.equal(typeof report.message, 'string');
    }
  });

  it('checks only incidents, and nothing without a plan', () => {
    const breach = 'detected_at: 2026-03-02T09:14:00Z\ninvestigation: { personal_data: { involved: true, jurisdictions: [eu] } }\n'
      + 'notifications: { aware_at: 2026-03-02T10:05:00Z, breach_determination: { is_breach: true } }\n';
    assert.equal(check(`apiVersion: cc7/v1\nkind: Incident\n${breach}`).length, 1);
    assert.deepEqual(check(`apiVersion: cc7/v1\nkind: SecurityEvent\n${breach}`), []);
    assert.deepEqual(check(`apiVersion: cc7/v1\nkind: Incident\n${breach}`, { ...context, plan: undefined }), []);
  });

  it('names the regime as the subject, so a waiver target can cover it', () => {
    const text = 'apiVersion: cc7/v1\nkind: Incident\ndetected_at: 2026-03-02T09:14:00Z\n'
      + 'investigation: { customer_data: { involved: true }, personal_data: { involved: true, jurisdictions: [eu, us-co] } }\n'
      + 'notifications: { aware_at: 2026-03-02T10:05:00Z, breach_determination: { is_breach: true } }\n';
    // In the plan's order; us-co has no decided_at, so its clock cannot be checked.
    assert.deepEqual(check(text).map((report) => [report.subject, report.path]), [
      ['gdpr-art33', ['notifications', 'aware_at']],
      ['customer-dpa', ['notifications', 'aware_at']],
      ['us-co', ['notifications', 'breach_determination', 'decided_at']],
    ]);
  });

  it('says the clock and its fallback both cannot be read when aware_at and detected_at are unusable', () => {
    const [report] = check('apiVersion: cc7/v1\nkind: Incident\ninvestigation: { personal_data: { jurisdictions: [eu] } }\n'
      + 'notifications: { breach_determination: { is_breach: true } }\n');
    assert.match(report!.message, /^gdpr-art33's clock starts at notifications\.aware_at, which is missing, and detected_at, its fallback, cannot be read either/);
    assert.deepEqual(report!.path, ['notifications', 'aware_at']);
  });

  describe('each regime of the grown catalog: breached, late with and without delay_reason, on time at the exact instant, approaching with its lead', () => {
    const H = 3_600_000;
    const DAY = 24 * H;
    const grown = planWith(`notification:
  regimes: [sec-8k, nis2-early-warning, nis2-notification, nis2-final, dora-initial, dora-intermediate, dora-final,
            us-bank-36h, sec-regsp-individuals, ftc-safeguards, hipaa-media, us-al, us-az, us-in, us-md, us-nm, us-oh,
            us-tn, us-wi, us-ri, us-vt, us-or, us-ct, us-de, us-la, us-sd, us-vt-ag, us-la-ag]
  warn_before_hours: 24`);

    interface Case {
      name: string;
      regime: string;
      title: string;
      /** The incident's `investigation.personal_data` and `notifications` (notices: the ones the clock needs). */
      personal?: Record<string, unknown>;
      notifications: Record<string, unknown>;
      due: string;
      dueText: string;
      /** Warning lead in hours: the regime's own when shorter than the plan's 24. */
      lead: number;
      /** Where the finding sits without a notice. */
      path: YamlPath;
    }
    const aware = '2026-03-02T10:00:00Z';
    const decided = '2026-03-03T12:00:00Z';
    const breach = { is_breach: true, decided_at: decided };
    const notice = (regime: string, at: string) => ({ regime, notified_at: at });
    const cases: Case[] = [
      {
        // Determined Tue 3 March (EST); business day 4 is Mon 9 March, after the switch to EDT: 17:30 EDT = 21:30Z.
        name: 'sec-8k', regime: 'sec-8k', title: 'SEC Form 8-K Item 1.05 filing',
        notifications: { breach_determination: breach, materiality: { material: true, determined_at: '2026-03-03T15:00:00-05:00' } },
        due: '2026-03-09T21:30:00Z', dueText: '2026-03-09 21:30 UTC (17:30 on 2026-03-09 in America/New_York)', lead: 24,
        path: ['notifications', 'materiality', 'determined_at'],
      },
      {
        // Aware + 24 h; the regime's own lead is 6 h.
        name: 'nis2-early-warning', regime: 'nis2-early-warning', title: 'NIS2 early warning to the CSIRT or competent authority',
        notifications: { aware_at: aware, nis2_significant: true, breach_determination: breach },
        due: '2026-03-03T10:00:00Z', dueText: '2026-03-03 10:00 UTC', lead: 6, path: ['notifications', 'aware_at'],
      },
      {
        // The notification went out Wed 4 March; one month → end of Sat 4 April in New York (EDT) = 5 April 03:59:59.999Z.
        name: 'nis2-final', regime: 'nis2-final', title: 'NIS2 final report to the CSIRT or competent authority',
        notifications: { aware_at: aware, nis2_significant: true, breach_determination: breach, notices: [notice('nis2-notification', '2026-03-04T10:00:00Z')] },
        due: '2026-04-05T03:59:59.999Z', dueText: '2026-04-05 03:59 UTC (end of 2026-04-04 in America/New_York)', lead: 24,
        path: ['notifications', 'notices', 0, 'notified_at'],
      },
      {
        // Classified 10:00Z: 4 h → 14:00Z, before aware (08:00Z) + 24 h; lead 1 h. No breach needed.
        name: 'dora-initial', regime: 'dora-initial', title: 'DORA initial notification to the competent authority',
        notifications: { aware_at: '2026-03-02T08:00:00Z', dora: { major: true, classified_at: '2026-03-02T10:00:00Z' } },
        due: '2026-03-02T14:00:00Z', dueText: '2026-03-02 14:00 UTC', lead: 1, path: ['notifications', 'dora', 'classified_at'],
      },
      {
        // Classified the next morning (06:00Z): 4 h → 10:00Z, but aware + 24 h = 08:00Z comes first.
        name: 'dora-initial at most 24 h from awareness', regime: 'dora-initial', title: 'DORA initial notification to the competent authority',
        notifications: { aware_at: '2026-03-02T08:00:00Z', dora: { major: true, classified_at: '2026-03-03T06:00:00Z' } },
        due: '2026-03-03T08:00:00Z', dueText: '2026-03-03 08:00 UTC (at most 24 h from notifications.aware_at)', lead: 1,
        path: ['notifications', 'aware_at'],
      },
      {
        // 72 h from the initial notification (13:00Z).
        name: 'dora-intermediate', regime: 'dora-intermediate', title: 'DORA intermediate report to the competent authority',
        notifications: { aware_at: '2026-03-02T08:00:00Z', dora: { major: true, classified_at: '2026-03-02T10:00:00Z' }, notices: [notice('dora-initial', '2026-03-02T13:00:00Z')] },
        due: '2026-03-05T13:00:00Z', dueText: '2026-03-05 13:00 UTC', lead: 24, path: ['notifications', 'notices', 0, 'notified_at'],
      },
      {
        // One month from the latest intermediate report (10 March) → end of Fri 10 April in New York = 11 April 03:59:59.999Z.
        name: 'dora-final', regime: 'dora-final', title: 'DORA final report to the competent authority',
        notifications: {
          aware_at: '2026-03-02T08:00:00Z', dora: { major: true, classified_at: '2026-03-02T10:00:00Z' },
          notices: [notice('dora-initial', '2026-03-02T13:00:00Z'), notice('dora-intermediate', '2026-03-10T10:00:00Z'), notice('dora-intermediate', '2026-03-04T10:00:00Z')],
        },
        due: '2026-04-11T03:59:59.999Z', dueText: '2026-04-11 03:59 UTC (end of 2026-04-10 in America/New_York)', lead: 24,
        path: ['notifications', 'notices', 1, 'notified_at'],
      },
      {
        // Determined 12:00Z + 36 h; lead 12 h. No breach needed.
        name: 'us-bank-36h', regime: 'us-bank-36h', title: 'Bank notification-incident notice to the primary federal regulator',
        notifications: { bank_incident: { notification_incident: true, determined_at: '2026-03-02T12:00:00Z' } },
        due: '2026-03-04T00:00:00Z', dueText: '2026-03-04 00:00 UTC', lead: 12, path: ['notifications', 'bank_incident', 'determined_at'],
      },
      {
        // Aware + 30 × 24 h.
        name: 'sec-regsp-individuals', regime: 'sec-regsp-individuals', title: 'SEC Regulation S-P notice to affected individuals',
        notifications: { aware_at: aware, sec_regsp_covered: true, breach_determination: breach },
        due: '2026-04-01T10:00:00Z', dueText: '2026-04-01 10:00 UTC', lead: 24, path: ['notifications', 'aware_at'],
      },
      {
        name: 'ftc-safeguards', regime: 'ftc-safeguards', title: 'FTC Safeguards Rule notice to the FTC',
        personal: { involved: true, records_affected: 500 },
        notifications: { aware_at: aware, ftc_safeguards_covered: true, breach_determination: breach },
        due: '2026-04-01T10:00:00Z', dueText: '2026-04-01 10:00 UTC', lead: 24, path: ['notifications', 'aware_at'],
      },
      {
        // Aware + 60 × 24 h.
        name: 'hipaa-media', regime: 'hipaa-media', title: 'HIPAA notice to prominent media',
        personal: { involved: true, phi: true, records_by_jurisdiction: { 'us-tx': 600 } },
        notifications: { aware_at: aware, breach_determination: breach },
        due: '2026-05-01T10:00:00Z', dueText: '2026-05-01 10:00 UTC', lead: 24, path: ['notifications', 'aware_at'],
      },
      {
        // Aware Mon 2 March 10:00 EST; 14 business days (Mon–Fri) → end of Fri 20 March in New York (EDT).
        name: 'us-vt-ag', regime: 'us-vt-ag', title: 'Vermont preliminary notice to the Attorney General',
        personal: { involved: true, jurisdictions: ['us-vt'] },
        notifications: { aware_at: '2026-03-02T15:00:00Z', breach_determination: breach },
        due: '2026-03-21T03:59:59.999Z', dueText: '2026-03-21 03:59 UTC (end of 2026-03-20 in America/New_York)', lead: 24,
        path: ['notifications', 'aware_at'],
      },
      {
        // The resident notice went out 20 March 12:00Z: + 10 × 24 h.
        name: 'us-la-ag', regime: 'us-la-ag', title: 'Louisiana notice to the Attorney General',
        personal: { involved: true, jurisdictions: ['us-la'] },
        notifications: { aware_at: aware, breach_determination: breach, notices: [notice('us-la', '2026-03-20T12:00:00Z')] },
        due: '2026-03-30T12:00:00Z', dueText: '2026-03-30 12:00 UTC', lead: 24, path: ['notifications', 'notices', 0, 'notified_at'],
      },
      // The 45- and 60-day states, each from its own trigger (aware_at 2 March 10:00Z, decided_at 3 March 12:00Z).
      ...([
        ['us-al', 'Alabama', 'decided_at', 45], ['us-az', 'Arizona', 'decided_at', 45], ['us-in', 'Indiana', 'aware_at', 45],
        ['us-md', 'Maryland', 'aware_at', 45], ['us-nm', 'New Mexico', 'aware_at', 45], ['us-oh', 'Ohio', 'aware_at', 45],
        ['us-tn', 'Tennessee', 'aware_at', 45], ['us-wi', 'Wisconsin', 'aware_at', 45], ['us-ri', 'Rhode Island', 'decided_at', 45],
        ['us-vt', 'Vermont', 'aware_at', 45], ['us-or', 'Oregon', 'aware_at', 45], ['us-ct', 'Connecticut', 'aware_at', 60],
        ['us-de', 'Delaware', 'decided_at', 60], ['us-la', 'Louisiana', 'aware_at', 60], ['us-sd', 'South Dakota', 'aware_at', 60],
      ] as const).map(([regime, state, trigger, days]): Case => {
        const due = Date.parse(trigger === 'aware_at' ? aware : decided) + days * DAY;
        return {
          name: regime, regime, title: `${state} breach notice to residents`,
          personal: { involved: true, jurisdictions: [regime] },
          notifications: { aware_at: aware, breach_determination: breach },
          due: new Date(due).toISOString(), dueText: formatInstant(due), lead: 24,
          path: trigger === 'aware_at' ? ['notifications', 'aware_at'] : ['notifications', 'breach_determination', 'decided_at'],
        };
      }),
    ];

    /** The finding for `c.regime` at `now`, with `own` as that regime's notice. */
    const findingOf = (c: Case, now: number, own?: Record<string, unknown>) => {
      const notices = [...((c.notifications.notices as unknown[]) ?? []), ...(own ? [{ regime: c.regime, ...own }] : [])];
      const incident = {
        apiVersion: 'cc7/v1', kind: 'Incident', detected_at: '2026-03-02T07:00:00Z',
        investigation: { personal_data: c.personal ?? { involved: true } },
        notifications: { ...c.notifications, notices },
      };
      const reports = check(stringify(incident), { ...context, plan: grown, now }).filter((r) => r.subject === c.regime);
      assert.ok(reports.length <= 1, `${c.name}: ${reports.length} findings`);
      return reports[0];
    };
    const ms = (iso: string) => Date.parse(iso);
    const iso = (t: number) => new Date(t).toISOString();

    for (const c of cases) {
      it(`${c.name}: breached`, () => {
        const r = findingOf(c, ms(c.due) + H);
        assert.equal(r?.severity, undefined, 'an error (the default)');
        assert.deepEqual(r?.path, c.path);
        assert.ok(r?.message.startsWith(`${c.title} was due ${c.dueText}, 1 h ago: send it`), r?.message);
      });

      it(`${c.name}: late without delay_reason is an error, with it a warning`, () => {
        const noticeIndex = ((c.notifications.notices as unknown[]) ?? []).length;
        const late = findingOf(c, ms(c.due) + 10 * DAY, { notified_at: iso(ms(c.due) + 60_000) });
        assert.equal(late?.severity, undefined);
        assert.deepEqual(late?.path, ['notifications', 'notices', noticeIndex, 'notified_at']);
        assert.ok(late?.message.includes(`1 min after the deadline of ${c.dueText}: add delay_reason`), late?.message);
        const reasoned = findingOf(c, ms(c.due) + 10 * DAY, { notified_at: iso(ms(c.due) + 60_000), delay_reason: 'Regulator portal down' });
        assert.equal(reasoned?.severity, 'warning');
        assert.ok(reasoned?.message.includes('its delay_reason explains the delay'), reasoned?.message);
      });

      it(`${c.name}: a notice at the exact due instant is on time`, () => {
        assert.equal(findingOf(c, ms(c.due) + 10 * DAY, { notified_at: c.due }), undefined);
      });

      it(`${c.name}: approaching ${c.lead} h before the due instant, silent a minute earlier`, () => {
        const near = findingOf(c, ms(c.due) - c.lead * H);
        assert.equal(near?.severity, 'warning');
        assert.deepEqual(near?.path, c.path);
        assert.ok(near?.message.startsWith(`${c.title} is due ${c.dueText}, in ${c.lead} h`), near?.message);
        assert.equal(findingOf(c, ms(c.due) - c.lead * H - 60_000), undefined);
      });
    }
  });

  it('says the predecessor notice is missing when nothing else asks for it', () => {
    const nis2Only = planWith('notification: { regimes: [nis2-final] }');
    const text = 'apiVersion: cc7/v1\nkind: Incident\ndetected_at: 2026-03-02T09:14:00Z\n'
      + 'notifications: { aware_at: 2026-03-02T10:05:00Z, nis2_significant: true, breach_determination: { is_breach: true } }\n';
    assert.deepEqual(check(text, { ...context, plan: nis2Only }).map((r) => [r.subject, r.path, r.severity, r.message]), [[
      'nis2-final', ['notifications', 'notices'], undefined,
      'NIS2 final report to the CSIRT or competent authority is due 1 month after the nis2-notification notice is sent, and no '
      + 'nis2-notification notice is recorded, so its clock cannot start: record the nis2-notification notice under notifications.notices '
      + '(regime: nis2-notification) with its notified_at, or record why nis2-final is not required under notifications.not_required',
    ]]);
  });
});
