import { fixtureCases } from '../support/fixtures';

describe('escalation-link', () => fixtureCases('escalation-link'));
