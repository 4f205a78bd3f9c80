import { fixtureCases } from '../support/fixtures';

describe('multiple-documents', () => fixtureCases('multiple-documents'));
