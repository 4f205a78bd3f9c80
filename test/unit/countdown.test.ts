/**
 * When a countdown shown to the user reads differently (model/time msUntilDurationChanges,
 * service/countdown nextChange): what the server waits for before asking a client to refresh.
 */
import assert from 'node:assert/strict';
import { nextChange } from '../../server/src/core/service/countdown';
import { formatDuration, HOUR_MS, MINUTE_MS, msUntilDurationChanges } from '../../server/src/core/model/time';

/** formatDuration of the time to `instant` just before and at `now + wait`: the text changes only at the end of the wait. */
function assertChangesAfter(remaining: number): void {
  const wait = msUntilDurationChanges(remaining);
  assert.ok(wait > 0, `wait ${wait}`);
  const at = (elapsed: number) => `${remaining - elapsed >= 0 ? 'left ' : 'ago '}${formatDuration(remaining - elapsed)}`;
  assert.equal(at(wait - 1), at(0), `${at(0)}: unchanged 1 ms before the wait ends`);
  assert.notEqual(at(wait), at(0), `${at(0)}: changed when the wait ends`);
}

describe('countdown refresh times', () => {
  it('counting down: at the next whole unit below, and at the instant itself', () => {
    for (const remaining of [5 * MINUTE_MS + 30_000, 5 * MINUTE_MS, 59_000, 1, 0, 3 * HOUR_MS + 1, 3 * HOUR_MS, 50 * HOUR_MS + 17 * MINUTE_MS]) {
      assertChangesAfter(remaining);
    }
    assert.equal(msUntilDurationChanges(5 * MINUTE_MS + 30_000), 30_001);
    assert.equal(msUntilDurationChanges(3 * HOUR_MS + 20 * MINUTE_MS), 20 * MINUTE_MS + 1);
  });

  it('counting up since the instant: at the next whole unit above', () => {
    for (const remaining of [-1, -59_999, -MINUTE_MS, -(2 * HOUR_MS + 5 * MINUTE_MS), -(30 * 24 * HOUR_MS)]) {
      assertChangesAfter(remaining);
    }
    assert.equal(msUntilDurationChanges(-(14 * HOUR_MS + 10 * MINUTE_MS)), 50 * MINUTE_MS);
  });

  it('the soonest change of several countdowns; none without countdowns', () => {
    const now = Date.UTC(2026, 2, 5);
    assert.equal(nextChange(now, [now + 3 * HOUR_MS + 20 * MINUTE_MS, now - 90_000]), now + 30_000);
    assert.equal(nextChange(now, []), undefined);
  });
});
