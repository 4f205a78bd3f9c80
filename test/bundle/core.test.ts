/** The pure parts of the bundle: escaping, CSV cells, period bounds, names, redaction. */
import assert from 'node:assert/strict';
import { toCsv } from '../../server/src/core/bundle/csv';
import { iso, local } from '../../server/src/core/bundle/format';
import { html } from '../../server/src/core/bundle/html';
import { assignNames } from '../../server/src/core/bundle/names';
import { formatPeriodText, parsePeriodText, periodChoices, PeriodError, resolvePeriod } from '../../server/src/core/bundle/period';
import { findSecrets, formatInstant, parseCc7 } from '../../server/src/core/bundle/core-api';
import { redactText } from '../../server/src/core/bundle/redact';
import { resolveReferences, reference } from '../../server/src/core/bundle/pages/parts';

describe('bundle core', () => {
  it('html escapes every interpolated value, nested html passes through once', () => {
    const title = `<b onclick="x">'&'</b>`;
    assert.equal(html`<td title="${title}">${title}${html`<i>${'<'}</i>`}${[1, '<', undefined, false]}</td>`.markup,
      '<td title="&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;<i>&lt;</i>1&lt;</td>');
  });

  it('CSV: quoted where needed, formulas neutralised, numbers and booleans plain', () => {
    assert.equal(toCsv({ header: ['a', 'b', 'c', 'd'], rows: [['=HYPERLINK("x")', 'x, "y"', 2.5, true], [undefined, '-1', 0, false]] }),
      'a,b,c,d\n"\'=HYPERLINK(""x"")","x, ""y""",2.5,yes\n,\'-1,0,no\n');
  });

  it('period: dates are whole days in the zone, instants are kept, bad input is one message', () => {
    const period = resolvePeriod(parsePeriodText('2026-03-08..2026-03-08'), 'America/New_York');
    assert.equal(new Date(period.start).toISOString(), '2026-03-08T05:00:00.000Z');
    // The day clocks go forward is 23 hours long.
    assert.equal(new Date(period.end).toISOString(), '2026-03-09T03:59:59.999Z');
    const instants = resolvePeriod(parsePeriodText('2026-01-01T00:00:00+01:00..2026-01-02T00:00:00Z'), 'UTC');
    assert.deepEqual([instants.start, instants.end], [Date.parse('2025-12-31T23:00:00Z'), Date.parse('2026-01-02T00:00:00Z')]);
    assert.throws(() => parsePeriodText('2026'), PeriodError);
    assert.throws(() => resolvePeriod(parsePeriodText('2026-02-30..2026-03-01'), 'UTC'), /invalid period bound "2026-02-30"/);
  });

  it('period choices: this year, last year and the 12 months to the as-of day, as dates where the plan lives', () => {
    const texts = (asOf: string, zone: string) => Object.values(periodChoices(Date.parse(asOf), zone)).map(formatPeriodText);
    assert.deepEqual(texts('2026-11-26T12:00:00Z', 'UTC'), ['2026-01-01..2026-12-31', '2025-01-01..2025-12-31', '2025-11-27..2026-11-26']);
    // Still New Year's Eve in New York: the year is the plan's, not UTC's.
    assert.deepEqual(texts('2027-01-01T03:00:00Z', 'America/New_York'), ['2026-01-01..2026-12-31', '2025-01-01..2025-12-31', '2026-01-01..2026-12-31']);
    // A year before a leap day is the last day of February.
    assert.deepEqual(texts('2024-02-29T12:00:00Z', 'UTC')[2], '2023-03-01..2024-02-29');
    for (const text of texts('2024-02-29T12:00:00Z', 'Asia/Kolkata')) assert.equal(resolvePeriod(parsePeriodText(text), 'Asia/Kolkata').text, text);
  });

  it('names: ids where valid, file names otherwise, duplicates numbered in path order, case-blind', () => {
    const names = assignNames([
      { path: 'a/INC-2026-001.yaml', kind: 'Incident', id: 'INC-2026-001' },
      { path: 'b/copy.yaml', kind: 'Incident', id: 'INC-2026-001' },
      { path: 'c/../weird name!.yml', kind: 'Incident', id: '../../etc/passwd' },
      { path: 'plan/response-plan.yaml', kind: 'ResponsePlan' },
    ]);
    assert.deepEqual([...names.values()], ['incidents/INC-2026-001', 'incidents/INC-2026-001-2', 'incidents/weird-name-', 'plan/response-plan']);
  });

  it('references become links to bundled documents, plain text otherwise', () => {
    const markup = html`${reference('Runbook', 'RB-A')} ${reference('Runbook', 'RB-GONE')} ${reference('Runbook', 'not an id')}`.markup;
    assert.equal(resolveReferences(markup, (_kind, id) => (id === 'RB-A' ? `../runbooks/${id}.html` : undefined)),
      '<a href="../runbooks/RB-A.html">RB-A</a> <span>RB-GONE</span> not an id');
  });

  it('redaction keeps the YAML valid, a private key block included', () => {
    const text = [
      'apiVersion: cc7/v1', 'kind: Incident', 'id: INC-2026-001', 'title: "key AKIAZ7Q3EXAMPLE5K2LM"', 'investigation:', '  notes: |',
      '    -----BEGIN RSA PRIVATE KEY-----', '    MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', '    -----END RSA PRIVATE KEY-----', '    after', '',
    ].join('\n');
    const redacted = redactText(text, findSecrets(text));
    assert.deepEqual(findSecrets(redacted), []);
    const value = parseCc7(redacted)!.value as { title: string; investigation: { notes: string } };
    assert.equal(value.title, 'key REDACTED');
    assert.equal(value.investigation.notes, 'REDACTED\n\nREDACTED\nafter\n');
  });

  it('local times agree with the core formatInstant, across DST changes and half-hour zones', () => {
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      for (let ms = Date.parse('2026-03-07T00:00:00Z'); ms < Date.parse('2026-03-10T00:00:00Z'); ms += 7 * 60_000) {
        assert.equal(local(ms, zone), formatInstant(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
      }
      for (let ms = Date.parse('2026-04-04T12:00:00Z'); ms < Date.parse('2026-04-05T18:00:00Z'); ms += 7 * 60_000) {
        assert.equal(local(ms, zone), formatInstant(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
      }
    }
    // Far from today: the first and the last year with four digits.
    for (const at of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:00Z']) {
      assert.equal(local(Date.parse(at), 'UTC'), `${new Date(Date.parse(at)).toISOString().slice(0, 16).replace('T', ' ')} UTC`, at);
    }
  });

  it('UTC times are written as toISOString writes them, whole seconds without milliseconds', () => {
    const expected = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const instants = [0, -1, -999, -1000, 951_782_400_000, Date.parse('2024-02-29T23:59:59.999Z'), Date.parse('2100-03-01T00:00:00Z'),
      Date.parse('0000-01-01T00:00:00Z'), Date.parse('0000-01-01T00:00:00Z') - 1, Date.parse('9999-12-31T23:59:59.999Z'),
      Date.parse('9999-12-31T23:59:59.999Z') + 1, 8.64e15, -8.64e15];
    // 900 years in steps of a little over 15 days (every month, leap days, century years), with and without milliseconds.
    for (let ms = Date.parse('1600-01-01T00:00:00Z'); ms < Date.parse('2500-01-01T00:00:00Z'); ms += 1_333_317_777) instants.push(ms, ms - (ms % 1000));
    for (const ms of instants) assert.equal(iso(ms), expected(ms), String(ms));
    assert.equal(iso(undefined), undefined);
  });
});
