import { text, yamlPath } from '../model/data';
import type { Rule } from './rule';

/** A key the schema does not know, with the nearest known key as a suggestion; the fix renames it so. */
export const unknownKey: Rule = {
  id: 'unknown-key',
  defaultSeverity: 'warning',
  description: 'A key the schema does not know; suggests the nearest known key.',
  criteria: 'all',
  reads: {},
  checkDocument(doc) {
    return doc.schemaIssues()
      .filter((issue) => issue.rule === 'unknown-key')
      .map((issue) => ({ path: issue.path, on: issue.on, message: issue.message, ...(issue.suggestion ? { fix: { path: issue.path, suggestion: issue.suggestion } } : {}) }));
  },
  fix(_doc, finding) {
    const path = yamlPath(finding.fix?.path);
    const suggestion = text(finding.fix?.suggestion);
    if (!path || !suggestion) return [];
    return [{ title: `Rename "${String(path[path.length - 1])}" to "${suggestion}"`, isPreferred: true, apply: (editor) => editor.renameKey(path, suggestion) }];
  },
};
