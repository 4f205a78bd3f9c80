// Lengths of time and how messages write them. Plain arithmetic, no zone rules: the VS Code
// client formats the summary's countdowns with the same words as the server's messages.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A length of time for messages: `45 min` under an hour, `14 h` under 48 h, then `3 d 2 h`.
 * Units are truncated (a countdown shows whole units); the sign is dropped, since the caller
 * words it ("due in …", "… ago").
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return '?';
  if (abs < MINUTE_MS) return 'less than 1 min';
  if (abs < HOUR_MS) return `${Math.floor(abs / MINUTE_MS)} min`;
  if (abs < 48 * HOUR_MS) return `${Math.floor(abs / HOUR_MS)} h`;
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
