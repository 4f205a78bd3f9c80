import type { Report, Rule } from './rule';
import { documentSecrets } from './support/secrets';

/**
 * Scans the raw text of every CC7 document (comments and block scalars included, and files
 * with syntax errors too), so each finding sits on the exact line and columns of the secret.
 */
export const secretInRecord: Rule = {
  id: 'secret-in-record',
  defaultSeverity: 'error',
  description: 'A value that looks like a credential (cloud access keys, private key blocks, tokens, passwords in URLs).',
  criteria: 'confidentiality',
  reads: {},
  checkDocument(doc): Report[] {
    if (!doc.file) return [];
    return documentSecrets(doc.file).map((secret) => ({
      range: { start: { line: secret.line, character: secret.start }, end: { line: secret.line, character: secret.end } },
      message: `Looks like ${/^[AEIOU]/.test(secret.kind) ? 'an' : 'a'} ${secret.kind} (${secret.masked}): ` +
        'remove it, rotate the credential, and refer to it by a ticket or vault path instead ' +
        '(anyone who can read the repository or the evidence bundle can use it)',
    }));
  },
};
