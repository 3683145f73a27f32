// The window hears an import's progress often enough to move a bar, never once per batch.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../common/time/manual-clock';
import { PROGRESS_INTERVAL_MS, throttleProgress } from '../../main/import/progress-throttle';

describe('throttleProgress', () => {
  it('passes the start, every 1% step and the end when the clock stands still', () => {
    const seen: number[] = [];
    const report = throttleProgress(manualClock(0), (done) => seen.push(done));
    for (let done = 0; done <= 1000; done++) report(done, 1000);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1000);
    expect(seen).toHaveLength(101);
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeGreaterThanOrEqual(10);
  });

  it('passes a smaller step once 100 ms went by since the last report', () => {
    const clock = manualClock(0);
    const seen: number[] = [];
    const report = throttleProgress(clock, (done) => seen.push(done));
    report(0, 100_000);
    report(5, 100_000);
    expect(seen).toEqual([0]);
    clock.advance(PROGRESS_INTERVAL_MS);
    report(6, 100_000);
    report(7, 100_000);
    expect(seen).toEqual([0, 6]);
  });

  it('always passes the end, once, even when the last step is small and quick', () => {
    const seen: number[] = [];
    const report = throttleProgress(manualClock(0), (done) => seen.push(done));
    report(0, 1000);
    report(999, 1000);
    report(1000, 1000);
    report(1000, 1000);
    expect(seen).toEqual([0, 999, 1000]);
  });

  it('passes an empty import as one report', () => {
    const seen: Array<[number, number]> = [];
    const report = throttleProgress(manualClock(0), (done, total) => seen.push([done, total]));
    report(0, 0);
    report(0, 0);
    expect(seen).toEqual([[0, 0]]);
  });
});
