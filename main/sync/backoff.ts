/**
 * Delay before retry number `failures` (1 = first retry): exponential from the poll interval,
 * capped, with "equal jitter" (half fixed, half random) so many clients that failed together do
 * not retry together.
 */
export function backoffDelayMs(failures: number, intervalMs: number, maxMs: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const base = Math.min(maxMs, intervalMs * 2 ** exponent);
  return Math.round(base / 2 + (random() * base) / 2);
}
