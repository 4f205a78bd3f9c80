import { fixtureCases } from '../support/fixtures';

describe('yaml-syntax', () => fixtureCases('yaml-syntax'));
