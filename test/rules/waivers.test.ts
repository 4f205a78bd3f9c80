import { fixtureCases } from '../support/fixtures';

describe('waivers', () => fixtureCases('waivers'));
