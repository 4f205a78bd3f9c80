import { fixtureCases } from '../support/fixtures';

describe('tabletop-overdue', () => fixtureCases('tabletop-overdue'));
