import type { DocumentRule } from '../rule';

/** A key the schema does not know, with the nearest known key as a suggestion. */
export const unknownKey: DocumentRule = {
  id: 'unknown-key',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A key the schema does not know; suggests the nearest known key.',
  criteria: 'all',
  check(doc) {
    return doc.schemaIssues()
      .filter((issue) => issue.rule === 'unknown-key')
      .map((issue) => ({ path: issue.path, on: issue.on, message: issue.message }));
  },
};
