/** Clock in epoch milliseconds; injected everywhere so tests and the simulator control time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
