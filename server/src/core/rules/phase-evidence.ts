import { yamlPath } from '../model/data';
import { formatPath } from '../model/schemas';
import { planPartsFor, type Rule } from './rule';
import { describeMissing, missingEvidence } from './support/lifecycle';
import { skeleton } from './support/skeleton';

/**
 * An incident's `status` is the phase now in progress; it must carry the evidence of every
 * earlier phase (SPEC 2.3). One finding per incident, on the `status` value, naming every
 * missing path. Its fix inserts the missing keys as a skeleton to fill in (support/skeleton.ts).
 */
export const phaseEvidence: Rule = {
  id: 'phase-evidence',
  defaultSeverity: 'error',
  description: 'An incident lacks the evidence its lifecycle phase requires (SPEC 2.3).',
  criteria: 'CC7.3–CC7.5',
  reads: { plan: planPartsFor(['Incident'], ['reviewRequired']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const missing = missingEvidence(doc.data, context.plan);
    if (missing.length === 0) return [];
    const status = String(doc.data.status);
    return [{
      path: ['status'],
      message: `An incident at status ${status} must carry the evidence of every earlier phase; missing: `
        + `${missing.map(describeMissing).join(', ')}. Record them, or set status to the phase now in progress.`,
      fix: { missing },
    }];
  },
  fix(doc, finding, context) {
    const reported = Array.isArray(finding.fix?.missing) ? finding.fix.missing.map(yamlPath).filter((path) => path !== undefined) : [];
    // The text may have changed since the check: write only what the document still lacks.
    const lacking = new Set(missingEvidence(doc.data, context.plan).map(formatPath));
    const missing = reported.filter((path) => lacking.has(formatPath(path)));
    const values = missing.map((path) => ({ path, value: skeleton(doc, path, context) }));
    if (values.length === 0 || values.some(({ value }) => value === undefined)) return [];
    return [{
      title: `Add the missing evidence to fill in: ${missing.map(formatPath).join(', ')}`,
      isPreferred: true,
      placeholders: true,
      apply: (editor) => values.every(({ path, value }) => editor.ensure(path, value!)),
    }];
  },
};
