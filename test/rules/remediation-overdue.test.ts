import { fixtureCases } from '../support/fixtures';

describe('remediation-overdue', () => fixtureCases('remediation-overdue'));
