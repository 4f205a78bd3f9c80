import { fixtureCases } from '../support/fixtures';

describe('plan-review-overdue', () => fixtureCases('plan-review-overdue'));
