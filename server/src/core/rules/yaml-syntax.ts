import { offsetRange } from '../model/locate';
import type { Report, Rule } from './rule';

/** Every parser error at its own position; the rest of the file is still checked as far as it parses. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML.',
  criteria: 'all',
  reads: {},
  checkDocument(doc) {
    const file = doc.file;
    if (!file) return [];
    const reports: Report[] = file.documents.flatMap((yaml) => yaml.errors.map((error) => ({
      range: offsetRange(error.pos[0], error.pos[1], file.lineCounter),
      message: `YAML syntax error: ${error.message} (${error.code}). Fix the syntax; the rest of the file is checked as far as it parses.`,
    })));
    if (file.valueError) {
      reports.push({ range: offsetRange(0, 0, file.lineCounter), message: `The document cannot be read: ${file.valueError}.` });
    }
    return reports;
  },
};
