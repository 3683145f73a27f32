// The background history reader: one request per tick, each conversation at most once per
// recheck period, only recent ones, and slower while ClubOS fails.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistoryRefresher } from '../../main/ingest/history-refresh';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import type { Conversation } from '../../common/contract';

const NOW = Date.parse('2026-11-30T15:00:00.000Z');
const HOUR = 3600_000;

function conv(id: number, hoursAgo: number): Conversation {
  const at = new Date(NOW - hoursAgo * HOUR).toISOString();
  return {
    id,
    ownerId: '1',
    memberId: String(100 + id),
    memberName: `Member ${id}`,
    lastMessageAt: at,
    lastMessagePreview: '?',
    unreadCount: 0,
    requiresResponse: true,
    waitingSince: at,
    status: 'open',
    snoozedUntil: null,
    tags: [],
    intent: null,
    optedOut: false,
    handledAt: null,
  };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('createHistoryRefresher', () => {
  it('reads one recent conversation per tick and each at most once per recheck period', async () => {
    const clock = manualClock(NOW);
    const waiting = [conv(1, 1), conv(2, 5), conv(3, 24 * 30)];
    const refresh = vi.fn((_c: Conversation) => Promise.resolve());
    const r = createHistoryRefresher(
      { clock, logger: memoryLogger('t'), waiting: () => waiting, refresh },
      { intervalMs: 1000, recheckMs: 60_000, recentMs: 3 * 24 * HOUR },
    );
    r.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh.mock.calls.map(([c]) => c.id)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(5000);
    // The month-old conversation is never read; the two recent ones once each.
    expect(refresh.mock.calls.map(([c]) => c.id)).toEqual([1, 2]);
    clock.advance(60_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh.mock.calls.map(([c]) => c.id)).toEqual([1, 2, 1]);
    await r.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('backs off while ClubOS fails and recovers its pace after a success', async () => {
    const clock = manualClock(NOW);
    let n = 0;
    const waiting = Array.from({ length: 10 }, (_, i) => conv(i + 1, 1));
    const calls: number[] = [];
    const refresh = vi.fn(() => {
      calls.push(Date.now());
      return ++n <= 3 ? Promise.reject(new Error('ClubOS is down')) : Promise.resolve();
    });
    const r = createHistoryRefresher(
      { clock, logger: memoryLogger('t'), waiting: () => waiting, refresh },
      { intervalMs: 1000, recheckMs: HOUR, recentMs: HOUR * 2, maxBackoffMs: 4000 },
    );
    const start = Date.now();
    r.start();
    await vi.advanceTimersByTimeAsync(20_000);
    const gaps = calls.map((t, i) => t - (i === 0 ? start : calls[i - 1]!));
    expect(gaps.slice(0, 6)).toEqual([1000, 2000, 4000, 4000, 1000, 1000]);
    await r.stop();
  });
});
