import { fixtureCases } from '../support/fixtures';

describe('timeline-order', () => fixtureCases('timeline-order'));
