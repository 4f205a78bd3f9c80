import type { Rule } from './rule';

/** A key the schema does not know, with the nearest known key as a suggestion. */
export const unknownKey: Rule = {
  id: 'unknown-key',
  defaultSeverity: 'warning',
  description: 'A key the schema does not know; suggests the nearest known key.',
  criteria: 'all',
  reads: {},
  checkDocument(doc) {
    return doc.schemaIssues()
      .filter((issue) => issue.rule === 'unknown-key')
      .map((issue) => ({ path: issue.path, on: issue.on, message: issue.message }));
  },
};
