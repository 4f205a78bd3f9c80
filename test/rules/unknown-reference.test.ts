import { fixtureCases } from '../support/fixtures';

describe('unknown-reference', () => fixtureCases('unknown-reference'));
