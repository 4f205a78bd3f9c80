import { fixtureCases } from '../support/fixtures';

describe('remediation-untracked', () => fixtureCases('remediation-untracked'));
