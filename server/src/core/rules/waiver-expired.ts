import type { Rule } from '../rule';

export const waiverExpired: Rule = {
  id: 'waiver-expired',
  defaultSeverity: 'warning',
  description: 'A waiver whose expiry has passed: the finding it covered is back at its own severity.',
  criteria: 'all',
};
