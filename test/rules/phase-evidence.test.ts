import { fixtureCases } from '../support/fixtures';

describe('phase-evidence', () => fixtureCases('phase-evidence'));
