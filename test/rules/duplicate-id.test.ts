import { fixtureCases } from '../support/fixtures';

describe('duplicate-id', () => fixtureCases('duplicate-id'));
