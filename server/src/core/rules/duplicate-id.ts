import type { Rule } from './rule';
import { describeDocument, documentInFile, joinAnd, relatedTo } from './support/references';
import { itemNoun, trackedItems } from './support/tracking';

/**
 * Ids that must be unique (SPEC 2): a document id across the workspace (on the `id` value of
 * every document sharing it, each pointing at the others), and a remediation or improvement
 * id within its document (on the second and later items).
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two documents with the same id (or two items with the same id in one document).',
  criteria: 'all',
  reads: { sameId: true },
  checkDocument(doc) {
    const seen = new Map<string, number>();
    return trackedItems(doc).flatMap((item) => {
      if (!item.id) return [];
      const first = seen.get(item.id);
      if (first === undefined) {
        seen.set(item.id, item.index);
        return [];
      }
      return [{
        path: [...item.path, 'id'],
        message: `${item.id} is already the id of ${item.section}[${first}]: ${itemNoun(item.section)} ids are unique within a document; give this one a new id`,
        subject: item.id,
      }];
    });
  },
  checkWorkspace(facts, index) {
    if (!facts.id) return [];
    const others = index.withId(facts.id).filter((other) => other.path !== facts.path);
    if (others.length === 0) return [];
    return [{
      range: facts.idRange ?? facts.anchor,
      message: `${facts.id} is also the id of ${joinAnd(others.map(documentInFile))}: `
        + 'document ids are unique across the workspace; give one of them a new id',
      related: others.map((other) => relatedTo(other, `${facts.id} is also the id of this ${describeDocument(other)}`)),
    }];
  },
};
