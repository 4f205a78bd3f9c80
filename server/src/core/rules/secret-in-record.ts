import type { Rule } from '../rule';

export const secretInRecord: Rule = {
  id: 'secret-in-record',
  defaultSeverity: 'error',
  description: 'A value that looks like a credential (cloud access keys, private key blocks, tokens, passwords in URLs).',
  criteria: 'confidentiality',
};
