import { fixtureCases } from '../support/fixtures';

describe('quiet-period', () => fixtureCases('quiet-period'));
