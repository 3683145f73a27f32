// The longest stretches the main event loop did not turn, each with when it began (ms after
// the log started), the main thread's garbage collections that overlapped it and, on Linux, how
// much of it the thread ran and how much it waited for a core: a missed stall target can then be
// pinned on a collection, on the app's own work, on the start or end of the import, or on a
// machine whose cores were taken, instead of guessed at. A timer asks for a turn every
// millisecond; a turn that comes late is a stall.
import { closeSync, openSync, readSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Stall } from './import-lag-messages';
import { roundMs } from './latency';

/**
 * The calling thread's time on a core and time runnable but waiting for one (ns), from Linux's
 * /proc/thread-self/schedstat; null where there is no such file. A stall the thread spent waiting
 * is the machine's cores taken by other threads (the sync worker, V8's collector threads, other
 * processes); a stall it spent running is its own work.
 */
function schedClock(): { read(): [number, number] | null; close(): void } {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return { read: () => null, close() {} };
  }
  const buffer = Buffer.alloc(96);
  return {
    read() {
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      const [ran, waited] = buffer.toString('latin1', 0, n).split(' ').map(Number);
      return ran === undefined || waited === undefined || Number.isNaN(ran) || Number.isNaN(waited) ? null : [ran, waited];
    },
    close: () => closeSync(fd),
  };
}

/** Stalls shorter than this are not kept: they are what a loaded machine does to any thread. */
const KEPT_FROM_MS = 8;

const GC_KINDS: Record<number, string> = { 1: 'scavenge', 2: 'minor mark-sweep', 4: 'mark-sweep-compact', 8: 'incremental marking', 16: 'weak callbacks' };

/** A gc entry's kind (Node puts it in `detail`, which its types leave out of PerformanceEntry). */
const gcKind = (entry: PerformanceEntry): number => (entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;

export interface StallLog {
  longest: Stall[];
  /** The most the main thread ran within any one stall (Linux; null elsewhere): its own work's share of the worst case. */
  ownWorkMaxMs: number | null;
}

export function startStallLog(): { stop(longest: number): StallLog } {
  const began = performance.now();
  const stalls: Array<{ from: number; to: number; ran?: number; waited?: number }> = [];
  const sched = schedClock();
  let lastSched = sched.read();
  const schedAvailable = lastSched !== null;
  const collections: PerformanceEntry[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const clock = sched.read();
    if (now - last >= KEPT_FROM_MS) stalls.push({ from: last, to: now, ...(clock && lastSched ? { ran: clock[0] - lastSched[0], waited: clock[1] - lastSched[1] } : {}) });
    last = now;
    lastSched = clock;
  }, 1);
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop(longest) {
      clearInterval(timer);
      sched.close();
      observer.disconnect();
      const ownWorkMaxMs = schedAvailable ? roundMs(Math.max(0, ...stalls.map((s) => s.ran ?? 0)) / 1e6) : null;
      const longestStalls = stalls
        .sort((a, b) => b.to - b.from - (a.to - a.from))
        .slice(0, longest)
        .map((s) => ({
          atMs: roundMs(s.from - began),
          ms: roundMs(s.to - s.from),
          gc: collections
            .filter((g) => g.startTime < s.to && g.startTime + g.duration > s.from)
            .map((g) => `${GC_KINDS[gcKind(g)] ?? 'gc'} ${roundMs(g.duration)} ms`),
          ...(s.ran === undefined || s.waited === undefined ? {} : { ranMs: roundMs(s.ran / 1e6), waitedMs: roundMs(s.waited / 1e6) }),
        }));
      return { longest: longestStalls, ownWorkMaxMs };
    },
  };
}
