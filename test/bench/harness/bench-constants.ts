// Fixed inputs every figure shares, so two runs build the same data.

export const BENCH_SEED = 20_261_120;
/** Friday 2026-11-20, 12:00 in the club's zone: "now" for generated data. */
export const BENCH_NOW = Date.UTC(2026, 10, 20, 18, 0, 0);
export const BENCH_TIME_ZONE = 'America/Chicago';
/** The signed-in manager's inbox ("My Messages") and a second, smaller one. */
export const BENCH_OWNER_ID = '187032782';
export const BENCH_SECOND_OWNER_ID = '187032783';
