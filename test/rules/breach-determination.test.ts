import { fixtureCases } from '../support/fixtures';

describe('breach-determination', () => fixtureCases('breach-determination'));
