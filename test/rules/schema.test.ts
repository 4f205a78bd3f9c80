import { fixtureCases } from '../support/fixtures';

describe('schema', () => fixtureCases('schema'));
