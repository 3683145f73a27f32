// The assistant's warm-up: its steps read both kinds of string V8 stores and run in any zone; a
// failing step is reported and the rest still run.
import { describe, expect, it, vi } from 'vitest';
import { runWarmUp, WARM_UP_TEXTS, warmUpSteps } from '../../main/services/assistant/warm-up';

describe('the assistant warm-up', () => {
  it('reads a text V8 stores a byte a character and one it stores in two', () => {
    const twoBytes = (t: string) => [...t].some((c) => c.codePointAt(0)! > 0xff);
    expect(WARM_UP_TEXTS.some((t) => !twoBytes(t))).toBe(true);
    expect(WARM_UP_TEXTS.some(twoBytes)).toBe(true);
  });

  it.each(['America/New_York', 'Europe/Madrid', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'])('runs every step without failing in %s', (zone) => {
    const steps = warmUpSteps(zone, () => Date.UTC(2026, 11, 31, 23, 30));
    expect(steps.length).toBeGreaterThanOrEqual(2 * WARM_UP_TEXTS.length);
    for (const step of steps) expect(step).not.toThrow();
  });

  it('runs every step, reports a failing one, and still runs the rest', () => {
    const ran: number[] = [];
    const onError = vi.fn();
    const steps = [0, 1, 2].map((i) => () => {
      ran.push(i);
      if (i === 1) throw new Error('step 1 failed');
    });
    runWarmUp(steps, onError);
    expect(ran).toEqual([0, 1, 2]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'step 1 failed' }));
  });
});
