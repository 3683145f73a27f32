import type { Clock } from './clock';

/** A clock that moves only when told: the simulator's and the tests' time. */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function manualClock(startEpochMs: number): ManualClock {
  let now = startEpochMs;
  return {
    now: () => now,
    set(epochMs) {
      now = epochMs;
    },
    advance(ms) {
      now += ms;
    },
  };
}
