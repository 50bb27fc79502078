// Percentiles and rates for the bench tables. Nearest-rank percentiles over all samples (no
// histogram bucketing): the sample counts here are small enough to keep and sort.

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const summarize = (samples: number[]): Summary => {
  if (samples.length === 0) return { count: 0, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    count: sorted.length,
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
};

/** Nanoseconds (from process.hrtime.bigint) to milliseconds. */
export const ms = (ns: bigint): number => Number(ns) / 1e6;
