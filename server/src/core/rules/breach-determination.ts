import { getIn, isRecord } from '../model/data';
import type { Rule } from './rule';

const DETERMINATION_FIELDS = ['is_breach', 'decided_at', 'decided_by', 'rationale'] as const;

/**
 * Personal data is involved and nobody has decided whether it is a notifiable breach: most
 * notification clocks cannot even be evaluated. A `breach_determination` without the decision
 * itself (`is_breach`) counts as none.
 */
export const breachDetermination: Rule = {
  id: 'breach-determination',
  defaultSeverity: 'warning',
  description: 'Personal data is involved and no breach determination is recorded.',
  criteria: 'CC7.4, CC2.3',
  reads: {},
  checkDocument(doc) {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    if (getIn(doc.data, ['investigation', 'personal_data', 'involved']) !== true) return [];
    const determination = getIn(doc.data, ['notifications', 'breach_determination']);
    if (isRecord(determination) && typeof determination.is_breach === 'boolean') return [];
    const fields = DETERMINATION_FIELDS.map((field) => `notifications.breach_determination.${field}`).join(', ');
    return [{
      path: ['investigation', 'personal_data', 'involved'],
      message: 'Personal data is involved but no breach determination is recorded, so the notification deadlines '
        + `that depend on it cannot be checked: record ${fields} (whether this is a notifiable breach, when, `
        + 'by whom and why).',
    }];
  },
};
