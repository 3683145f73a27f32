// Latency samples → the figures the report prints.

export interface LatencySummary {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Nearest-rank percentile of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1]!) };
}

/** Runs `fn` once unmeasured (statement caches, pages), then `runs` times, timing each call. */
export function timeRuns(runs: number, fn: (run: number) => void): LatencySummary {
  fn(-1);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    fn(run);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

export { round as roundMs };
