import { fixtureCases } from '../support/fixtures';

describe('file-too-large', () => fixtureCases('file-too-large'));
