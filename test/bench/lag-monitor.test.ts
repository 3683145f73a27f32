// The event-loop monitor behind figure 5 records a block wherever it falls in the work, the very
// first synchronous stretch included (the monitor's first tick only starts its clock). Only a lower
// bound is asserted: a slower machine makes the recorded block longer, never shorter.
import { describe, expect, it } from 'vitest';
import { withLagMonitor } from './harness/lag-monitor';

const block = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('withLagMonitor', () => {
  it('records a block at the very start of the work', async () => {
    const { lag } = await withLagMonitor(async () => {
      block(40);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(lag.maxMs).toBeGreaterThanOrEqual(30);
  });

  it('records a block after the work has awaited', async () => {
    const { lag } = await withLagMonitor(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      block(40);
    });
    expect(lag.maxMs).toBeGreaterThanOrEqual(30);
  });
});
