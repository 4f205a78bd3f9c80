import { fixtureCases } from '../support/fixtures';

describe('runbook-review-overdue', () => fixtureCases('runbook-review-overdue'));
