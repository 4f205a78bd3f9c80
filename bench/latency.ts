/** Latency percentiles of repeated requests. */
export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

/** Quantiles of measured milliseconds. */
export function percentiles(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1]! };
}
