import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../renderer/src/store/coalesce';
import { createSeqTracker } from '../../../renderer/src/store/seq-tracker';
import { loadView, saveView } from '../../../renderer/src/store/view-memory';

function deferred() {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('coalesce', () => {
  it('runs at most once at a time and once more after a burst', async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    const refresh = coalesce(() => gates[runs++]!.promise);
    const first = refresh();
    const second = refresh();
    const third = refresh();
    expect(runs).toBe(1);
    expect(second).toBe(third);
    gates[0]!.resolve();
    await first;
    await Promise.resolve();
    expect(runs).toBe(2);
    gates[1]!.resolve();
    await third;
    expect(runs).toBe(2);
  });

  it('runs again after a failed run', async () => {
    let runs = 0;
    const refresh = coalesce(() => {
      runs++;
      return runs === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
    });
    const failing = refresh();
    const after = refresh();
    await expect(failing).rejects.toThrow('boom');
    await after;
    expect(runs).toBe(2);
  });
});

describe('createSeqTracker', () => {
  it('accepts the first number and each next one, and flags jumps and steps back', () => {
    const seq = createSeqTracker();
    expect(seq.observe(41)).toBe('in_order');
    expect(seq.observe(42)).toBe('in_order');
    expect(seq.observe(45)).toBe('missed');
    expect(seq.observe(46)).toBe('in_order');
    expect(seq.observe(1)).toBe('missed');
    seq.reset();
    expect(seq.observe(7)).toBe('in_order');
  });
});

describe('view memory', () => {
  const storage = () => {
    const data = new Map<string, string>();
    return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
  };

  it('round-trips the view', () => {
    const s = storage();
    saveView(s, { ownerId: '12', filter: 'unread', tag: 'vip', selectedId: 4 });
    expect(loadView(s)).toEqual({ ownerId: '12', filter: 'unread', tag: 'vip', selectedId: 4 });
  });

  it('ignores what it cannot trust', () => {
    const s = storage();
    expect(loadView(s)).toBeNull();
    expect(loadView(null)).toBeNull();
    s.data.set('frontdesk.view', '{not json');
    expect(loadView(s)).toBeNull();
    s.data.set('frontdesk.view', JSON.stringify({ ownerId: null, filter: 'everything', tag: null, selectedId: null }));
    expect(loadView(s)).toBeNull();
    s.data.set('frontdesk.view', JSON.stringify({ ownerId: null, filter: 'all', tag: null, selectedId: -3 }));
    expect(loadView(s)).toBeNull();
  });
});
