import { fixtureCases } from '../support/fixtures';

describe('pir-deadline', () => fixtureCases('pir-deadline'));
