// How the sync worker lowers itself: every thread on Linux (each keeps its own niceness), the
// process elsewhere, and what failed is returned for the log rather than thrown. The real
// worker's threads are checked in built-worker.test.ts.
import { describe, expect, it } from 'vitest';
import { lowerPriority, WORKER_PRIORITY, type PriorityDeps } from '../../main/sync-worker/lower-priority';

function deps(platform: NodeJS.Platform, threads: () => string[], refuse: number[] = [], already: Record<number, number> = {}): PriorityDeps & { set: Array<[number, number]> } {
  const set: Array<[number, number]> = [];
  return {
    platform,
    threads,
    set,
    getPriority: (id) => already[id] ?? 0,
    setPriority(id, priority) {
      if (refuse.includes(id)) throw new Error('EACCES');
      set.push([id, priority]);
    },
  };
}

describe('lowering the sync worker', () => {
  it('is niceness 10, below normal', () => {
    expect(WORKER_PRIORITY).toBe(10);
  });

  it('sets every thread on Linux and reports the ones it could not', () => {
    const d = deps('linux', () => ['100', '101', '102'], [101]);
    expect(lowerPriority(d)).toEqual(['thread 101: EACCES']);
    expect(d.set).toEqual([
      [100, 10],
      [102, 10],
    ]);
  });

  it('leaves a thread that already runs as low or lower as it is', () => {
    const d = deps('linux', () => ['100', '101', '102'], [], { 101: 10, 102: 19 });
    expect(lowerPriority(d)).toEqual([]);
    expect(d.set).toEqual([[100, 10]]);
  });

  it('lowers at least the calling thread when the thread list cannot be read', () => {
    const d = deps('linux', () => {
      throw new Error('no /proc');
    });
    expect(lowerPriority(d)).toEqual(['threads: no /proc']);
    expect(d.set).toEqual([[0, 10]]);
  });

  it('sets the process elsewhere', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const d = deps(platform, () => {
        throw new Error('not read');
      });
      expect(lowerPriority(d)).toEqual([]);
      expect(d.set).toEqual([[0, 10]]);
    }
    expect(lowerPriority(deps('darwin', () => [], [0]))).toEqual(['process: EACCES']);
  });
});
