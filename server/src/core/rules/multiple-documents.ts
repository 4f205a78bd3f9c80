import { offsetRange } from '../model/locate';
import type { Rule } from './rule';

/** One CC7 document per file: each further `---` document is reported on its marker. */
export const multipleDocuments: Rule = {
  id: 'multiple-documents',
  defaultSeverity: 'error',
  description: 'More than one YAML document in a file.',
  criteria: 'all',
  reads: {},
  checkDocument(doc) {
    const file = doc.file;
    if (!file) return [];
    return file.documents.slice(1).map((extra) => {
      const start = extra.range[0];
      return {
        range: offsetRange(start, start + (file.text.startsWith('---', start) ? 3 : 0), file.lineCounter),
        message: 'A CC7 file holds one document: move this document into a file of its own.',
      };
    });
  },
};
