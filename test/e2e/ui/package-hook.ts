/**
 * Mocha root hook for the UI tests: packages the extension once (`npm run package`, as a user
 * would), so every UI test file installs the same cc7-<version>.vsix into its code-server.
 */
import { packageExtension } from '../harness/vsix';

export const mochaHooks = {
  beforeAll(this: Mocha.Context): void {
    this.timeout(180_000);
    packageExtension();
  },
};
