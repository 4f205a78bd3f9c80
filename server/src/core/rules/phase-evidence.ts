import type { Rule } from './rule';
import { describeMissing, missingEvidence } from './support/lifecycle';

/**
 * An incident's `status` is the phase now in progress; it must carry the evidence of every
 * earlier phase (SPEC 2.3). One finding per incident, on the `status` value, naming every
 * missing path; `missingEvidence` is what a quick fix inserts.
 */
export const phaseEvidence: Rule = {
  id: 'phase-evidence',
  defaultSeverity: 'error',
  description: 'An incident lacks the evidence its lifecycle phase requires (SPEC 2.3).',
  criteria: 'CC7.3–CC7.5',
  reads: { plan: (facts) => (facts.kind === 'Incident' ? ['severity'] : []) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const missing = missingEvidence(doc.data, context.plan);
    if (missing.length === 0) return [];
    const status = String(doc.data.status);
    return [{
      path: ['status'],
      message: `An incident at status ${status} must carry the evidence of every earlier phase; missing: `
        + `${missing.map(describeMissing).join(', ')}. Record them, or set status to the phase now in progress.`,
    }];
  },
};
