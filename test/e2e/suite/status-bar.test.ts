/** The status bar item: open incidents and breached deadlines of examples/acme at its as-of time. */
import assert from 'node:assert/strict';
import { cc7Api, waitForSummary } from './support/cc7';

describe('status bar', () => {
  it('shows the open incidents and the breached deadlines', async () => {
    const api = await cc7Api();
    await waitForSummary(api, (summary) => summary.counts.open === 6, 'the six open incidents of examples/acme');
    assert.equal(api.statusText(), '$(shield) 6 open · 1 breached');
  });
});
