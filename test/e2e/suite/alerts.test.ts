/**
 * Deadline alerts: INC-2026-011's GDPR Art. 33 clock is breached at the as-of time and nobody
 * opened the file, so one notification says so; later summaries do not repeat it.
 */
import assert from 'node:assert/strict';
import { cc7Api, waitForSummary } from './support/cc7';

const ALERT = 'GDPR Art. 33 for INC-2026-011 is breached';

describe('deadline alerts', () => {
  it('alerts once about the breached clock of a file never opened', async () => {
    const api = await cc7Api();
    await waitForSummary(api, (summary) => summary.counts.breached === 1, 'the breached clock');
    assert.deepEqual(api.messages.filter((message) => message.includes('INC-2026-011')), [ALERT]);
    await api.refreshSummary();
    await api.refreshSummary();
    assert.deepEqual(api.messages.filter((message) => message === ALERT), [ALERT], 'never twice for the same clock and state');
  });
});
