// The longest stretches the main event loop did not turn, each with when it began (ms after
// the log started) and the main thread's garbage collections that overlapped it: a missed stall
// target can then be pinned on a collection, on the start of the import, or on its end, instead
// of guessed at. A timer asks for a turn every millisecond; a turn that comes late is a stall.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { roundMs } from './latency';

export interface Stall {
  atMs: number;
  ms: number;
  /** The main thread's garbage collections within the stall, their kind and length. */
  gc: string[];
}

/** Stalls shorter than this are not kept: they are what a loaded machine does to any thread. */
const KEPT_FROM_MS = 8;

const GC_KINDS: Record<number, string> = { 1: 'scavenge', 2: 'minor mark-sweep', 4: 'mark-sweep-compact', 8: 'incremental marking', 16: 'weak callbacks' };

/** A gc entry's kind (Node puts it in `detail`, which its types leave out of PerformanceEntry). */
const gcKind = (entry: PerformanceEntry): number => (entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;

export function startStallLog(): { stop(longest: number): Stall[] } {
  const began = performance.now();
  const stalls: Array<{ from: number; to: number }> = [];
  const collections: PerformanceEntry[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last >= KEPT_FROM_MS) stalls.push({ from: last, to: now });
    last = now;
  }, 1);
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop(longest) {
      clearInterval(timer);
      observer.disconnect();
      return stalls
        .sort((a, b) => b.to - b.from - (a.to - a.from))
        .slice(0, longest)
        .map((s) => ({
          atMs: roundMs(s.from - began),
          ms: roundMs(s.to - s.from),
          gc: collections
            .filter((g) => g.startTime < s.to && g.startTime + g.duration > s.from)
            .map((g) => `${GC_KINDS[gcKind(g)] ?? 'gc'} ${roundMs(g.duration)} ms`),
        }));
    },
  };
}
