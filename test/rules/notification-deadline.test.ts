import { fixtureCases } from '../support/fixtures';

describe('notification-deadline', () => fixtureCases('notification-deadline'));
