import { fixtureCases } from '../support/fixtures';

describe('timestamp-timezone', () => fixtureCases('timestamp-timezone'));
