// The event loop's delay, sampled every millisecond while some work runs: its max is the longest
// stretch the process could not answer. Used by figure 5's child process (the import) and by the
// figure's stage breakdown in the bench process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { roundMs } from './latency';

export interface Lag {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** Runs `work` with the event loop sampled every millisecond. */
export async function withLagMonitor<T>(work: () => Promise<T>): Promise<{ result: T; lag: Lag }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    // A few turns before the work: the monitor's first tick only sets its clock, so a block at
    // the very start of the work (its synchronous part) would otherwise go unrecorded.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await work();
    // One more turn so a block at the very end is sampled too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { result, lag: { maxMs: roundMs(histogram.max / 1e6), p99Ms: roundMs(histogram.percentile(99) / 1e6), meanMs: roundMs(histogram.mean / 1e6) } };
  } finally {
    histogram.disable();
  }
}
