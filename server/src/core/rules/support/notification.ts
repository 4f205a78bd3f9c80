// Findings of `notification-deadline` (SPEC 2.4): the deadline engine (core/deadlines) does the
// arithmetic; this module decides which clock results are findings, where each sits and what
// its message says. Instants are shown in UTC (formatInstant), lengths with formatDuration.
import { getIn } from '../../model/data';
import { formatPath } from '../../model/schemas';
import type { ClockResult, RegimeWindow } from '../../deadlines';
import { formatDuration, formatInstant } from '../../deadlines';
import type { TrackedNow } from '../../model/horizon';
import type { Report } from '../rule';

/** `72 h`, `30 calendar days`, `4 business days`, `1 month`. */
export function describeWindow(window: RegimeWindow | undefined): string | undefined {
  if (!window) return undefined;
  switch (window.unit) {
    case 'hours':
      return `${window.amount} h`;
    case 'calendar_days':
      return `${window.amount} calendar day${window.amount === 1 ? '' : 's'}`;
    case 'business_days':
      return `${window.amount} business day${window.amount === 1 ? '' : 's'}`;
    case 'months':
      return `${window.amount} month${window.amount === 1 ? '' : 's'}`;
    case 'none':
      return undefined;
  }
}

/** The article of the law that allows a reasoned late notice, where there is one. */
function delayBasis(regime: string): string {
  if (regime === 'gdpr-art33') return ' (GDPR Art. 33(1))';
  if (regime === 'uk-gdpr-art33') return ' (UK GDPR Art. 33(1))';
  return '';
}

/** What to do to close an open clock. */
function closeIt(regime: string): string {
  return `send it and record it under notifications.notices (regime: ${regime}), ` +
    'or record why it is not required under notifications.not_required';
}

/** Said whenever a deadline counted from detected_at (SPEC 2.4: the message must say so). */
function fallbackNote(result: ClockResult, incident: unknown): string {
  const boundByDetection = result.boundBy?.field.length === 1 && result.boundBy.field[0] === 'detected_at';
  if (!result.awareFallback && !boundByDetection) return '';
  const why = isAbsent(getIn(incident, ['notifications', 'aware_at'])) ? 'is missing' : 'is not a readable timestamp';
  return ` (the clock started at detected_at because notifications.aware_at ${why}: record when the organization became aware)`;
}

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** How to fill a missing clock field, by field. */
const RECORD_CLOCK: Readonly<Record<string, string>> = {
  'notifications.aware_at': 'record when the organization became aware of the breach',
  'notifications.breach_determination.decided_at': 'record when the breach was determined',
  'notifications.materiality.determined_at': 'record when materiality was determined',
  'notifications.dora.classified_at': 'record when the incident was classified as major under DORA',
  'notifications.bank_incident.determined_at': 'record when the bank determined that a notification incident occurred',
  detected_at: 'record when the incident was detected',
};

/**
 * The finding for one regime's clock, or undefined when it needs none (met, not required,
 * open further off than its warning lead: the code lens shows those; a chained clock waiting
 * on its predecessor regime, whose own finding speaks). `incident` is the
 * document's data, read only to tell a missing clock field from an unreadable one.
 */
export function clockReport(result: ClockResult, incident: unknown, now: TrackedNow): Report | undefined {
  const subject = result.regime;
  const clockField = result.clockField;
  // Without a notice the finding sits on the clock that set the deadline (a cap may have).
  const dueField = result.boundBy?.field ?? clockField;
  const due = formatDue(result);
  switch (result.status) {
    case 'met':
    case 'not-required':
    case 'open':
    case 'waiting':
      return undefined;

    case 'breached':
      return {
        path: dueField,
        subject,
        message: `${result.title} was due ${due}, ${now.formatDistance(result.dueAt!)} ago` +
          `${fallbackNote(result, incident)}: ${closeIt(subject)}`,
      };

    case 'approaching':
      return {
        path: dueField,
        subject,
        severity: 'warning',
        message: `${result.title} is due ${due}, in ${now.formatDistance(result.dueAt!)}` +
          `${fallbackNote(result, incident)}: ${closeIt(subject)}`,
      };

    case 'late': {
      const sent = `${result.title} was sent ${formatInstant(result.notifiedAt!)}, ${formatDuration(result.lateByMs!)} ` +
        `after the deadline of ${due}${fallbackNote(result, incident)}`;
      const path = ['notifications', 'notices', result.noticeIndex!, 'notified_at'];
      return result.hasDelayReason
        ? {
          path,
          subject,
          severity: 'warning',
          message: `${sent}; its delay_reason explains the delay${delayBasis(subject)}: keep the evidence behind those reasons for the auditor`,
        }
        : {
          path,
          subject,
          message: `${sent}: add delay_reason to the notice with the reasons for the delay${delayBasis(subject)}`,
        };
    }

    case 'clock-missing': {
      const field = formatPath(clockField);
      const state = isAbsent(getIn(incident, clockField)) ? 'which is missing' : 'which is not a readable timestamp';
      const also = field === 'notifications.aware_at' ? ', and detected_at, its fallback, cannot be read either' : '';
      const window = describeWindow(result.window);
      return {
        path: clockField,
        subject,
        message: `${subject}'s clock starts at ${field}, ${state}${also}: the deadline cannot be checked — ` +
          `${RECORD_CLOCK[field] ?? `record ${field}`} (${result.title}${window ? `, ${window}` : ''})`,
      };
    }

    case 'predecessor-missing': {
      const predecessor = result.predecessor!;
      const window = describeWindow(result.window);
      return {
        path: clockField,
        subject,
        message: `${result.title} is due ${window ? `${window} ` : ''}after the ${predecessor} notice is sent, and no ${predecessor} ` +
          `notice is recorded, so its clock cannot start: record the ${predecessor} notice under notifications.notices ` +
          `(regime: ${predecessor}) with its notified_at, or record why ${subject} is not required under notifications.not_required`,
      };
    }

    case 'no-decision':
      return {
        path: clockField,
        subject,
        severity: 'warning',
        message: `no decision recorded on notifying ${result.recipient || 'the recipients'} (${articleOf(result)}): ` +
          `notify them without undue delay and record it under notifications.notices (regime: ${subject}), ` +
          'or record why it is not required (e.g. an exemption that applies) under notifications.not_required',
      };

    case 'window-missing':
      return {
        path: clockField,
        subject,
        message: subject === 'customer-dpa'
          ? 'customer-dpa applies (investigation.customer_data.involved is true) but the plan does not set ' +
            'notification.customer_dpa_hours, so the customer notice deadline cannot be checked: set it in the plan ' +
            'to the shortest customer contract window in hours (e.g. 48)'
          : `${subject} applies but the plan gives it no usable window, so its deadline cannot be checked: ` +
            'give the regime in the plan a window of { hours }, { calendar_days }, { business_days } or { months }',
      };
  }
}

/**
 * A due instant in UTC, with the local day it ends when counted in days or months
 * (`2026-07-09 03:59 UTC (end of 2026-07-08 in America/New_York)`, `… (17:30 on 2026-03-09 in
 * America/New_York)`), and the bound that set it when a capped regime's second bound came first.
 */
function formatDue(result: ClockResult): string {
  if (result.dueAt === undefined) return '';
  const day = result.dueDay;
  const local = day ? ` (${day.cutoff ? `${day.cutoff} on` : 'end of'} ${day.date} in ${day.zone})` : '';
  return `${formatInstant(result.dueAt)}${local}${boundNote(result)}`;
}

/** ` (at most 24 h from notifications.aware_at)`, ` (no later than the us-vt notice)`. */
function boundNote(result: ClockResult): string {
  const bound = result.boundBy;
  if (!bound) return '';
  if (bound.notice) return ` (no later than the ${bound.notice} notice)`;
  return ` (at most ${describeWindow(bound.window)} from ${formatPath(bound.field)})`;
}

/** `GDPR Art. 34` from the regime's title or source, for the no-decision message. */
function articleOf(result: ClockResult): string {
  const match = /^(?:UK )?GDPR Art\. \d+/.exec(result.title);
  return match ? match[0] : result.title;
}
