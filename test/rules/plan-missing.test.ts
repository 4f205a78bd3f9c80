import { fixtureCases } from '../support/fixtures';

describe('plan-missing', () => fixtureCases('plan-missing'));
