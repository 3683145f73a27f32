// Median and 90th percentile of durations. Linear interpolation between the closest ranks
// (Excel's PERCENTILE.INC, NumPy's default), so the median of an even count is the mean of the
// middle two and one value is its own median and p90.
import type { DurationStat } from '../../../common/reports';

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (rank - low);
}

export function durationStat(values: readonly number[]): DurationStat {
  const sorted = [...values].sort((x, y) => x - y);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}
