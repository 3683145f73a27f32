// The assistant's warm-up: its steps read both kinds of string V8 stores and run in any zone, one
// step per timer turn; a failing step is reported and the rest still run; stopping ends it.
import { describe, expect, it, vi } from 'vitest';
import type { Timers } from '../../common/time/timers';
import { WARM_UP_TEXTS, warmUpInTurns, warmUpSteps } from '../../main/services/assistant/warm-up';

/** Timers run only when the test says: `turn()` runs the one pending callback. */
function steppedTimers() {
  const pending = new Map<number, () => void>();
  let nextId = 1;
  const timers: Timers = {
    setTimeout: (callback) => {
      const id = nextId++;
      pending.set(id, callback);
      return id as unknown as ReturnType<Timers['setTimeout']>;
    },
    clearTimeout: (handle) => void pending.delete(handle as unknown as number),
  };
  return {
    timers,
    pending: () => pending.size,
    turn() {
      const [id, callback] = [...pending][0] ?? [];
      if (id === undefined || !callback) throw new Error('no timer pending');
      pending.delete(id);
      callback();
    },
  };
}

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

  it('runs one step per timer turn, goes on past a failing step, and stops when told', () => {
    const { timers, turn, pending } = steppedTimers();
    const ran: number[] = [];
    const onError = vi.fn();
    const steps = [0, 1, 2, 3, 4].map((i) => () => {
      ran.push(i);
      if (i === 1) throw new Error('step 1 failed');
    });
    const stop = warmUpInTurns(steps, timers, onError);
    // Nothing runs in the caller's turn.
    expect(ran).toEqual([]);
    turn();
    expect(ran).toEqual([0]);
    turn();
    expect(ran).toEqual([0, 1]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'step 1 failed' }));
    turn();
    expect(ran).toEqual([0, 1, 2]);
    stop();
    expect(pending()).toBe(0);
    expect(ran).toEqual([0, 1, 2]);
  });

  it('leaves no timer behind once every step has run', () => {
    const { timers, turn, pending } = steppedTimers();
    const ran: number[] = [];
    warmUpInTurns([() => ran.push(0), () => ran.push(1)], timers, () => {});
    while (pending() > 0) turn();
    expect(ran).toEqual([0, 1]);
  });
});
