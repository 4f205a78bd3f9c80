import { fixtureCases } from '../support/fixtures';

describe('waiver-expired', () => fixtureCases('waiver-expired'));
