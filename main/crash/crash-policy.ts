// When to stop restarting something that keeps crashing (Mailspring's policy): up to five crashes
// within five minutes are restarted; the fifth in that window stops restarts, and it stays
// stopped until someone (the user, a manual sync) says to try again.

export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 5 * 60_000;

export type CrashVerdict = 'restart' | 'give_up';

export interface CrashPolicy {
  /** Records a crash now and says whether to restart. */
  record(): CrashVerdict;
  /** True once restarts were given up. */
  readonly stopped: boolean;
  /** Crashes within the window, for the log. */
  readonly recent: number;
  /** Forget the crashes (the user asked to try again). */
  reset(): void;
}

export function createCrashPolicy(now: () => number, limit = CRASH_LIMIT, windowMs = CRASH_WINDOW_MS): CrashPolicy {
  let crashes: number[] = [];
  let stopped = false;
  const prune = (): void => {
    const since = now() - windowMs;
    crashes = crashes.filter((t) => t > since);
  };
  return {
    record() {
      crashes.push(now());
      prune();
      if (crashes.length >= limit) stopped = true;
      return stopped ? 'give_up' : 'restart';
    },
    get stopped() {
      return stopped;
    },
    get recent() {
      prune();
      return crashes.length;
    },
    reset() {
      crashes = [];
      stopped = false;
    },
  };
}
