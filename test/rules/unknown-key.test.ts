import { fixtureCases } from '../support/fixtures';

describe('unknown-key', () => fixtureCases('unknown-key'));
