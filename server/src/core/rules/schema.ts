import { yamlPath } from '../model/data';
import { formatPath } from '../model/schemas';
import type { Rule } from './rule';
import { KINDS } from '../model/types';
import { skeleton } from './support/skeleton';

/**
 * The document breaks its kind's JSON Schema (type, enum, format, required). A missing
 * required key has a fix: the key inserted with a value to fill in (support/skeleton.ts).
 */
export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: "The document breaks its kind's JSON Schema (type, enum, format, required).",
  criteria: 'all',
  reads: {},
  checkDocument(doc) {
    if (!doc.data) {
      return doc.file && !doc.file.valueError && doc.file.documents[0]?.errors.length === 0
        ? [{ path: [], message: 'A CC7 document must be a mapping with apiVersion, kind and the fields of its kind.' }]
        : [];
    }
    if (!doc.kind) {
      const written = doc.data.kind;
      const message = written === undefined
        ? `The document has no "kind": add one of ${KINDS.join(', ')}.`
        : `"kind" must be one of ${KINDS.join(', ')}.`;
      return [{ path: ['kind'], on: written === undefined ? 'key' : 'value', message }];
    }
    return doc.schemaIssues()
      .filter((issue) => issue.rule === 'schema')
      .map((issue) => ({ path: issue.path, on: issue.on, message: issue.message, ...(issue.missingKey ? { fix: { path: issue.path } } : {}) }));
  },
  fix(doc, finding, context) {
    const path = yamlPath(finding.fix?.path);
    const value = path && skeleton(doc, path, context);
    if (!path || value === undefined) return [];
    return [{ title: `Add the required key "${formatPath(path)}" to fill in`, isPreferred: true, placeholders: true, apply: (editor) => editor.ensure(path, value) }];
  },
};
