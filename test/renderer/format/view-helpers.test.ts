import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../common/contract';
import { groupByDay } from '../../../renderer/src/format/group-by-day';
import { snoozeOptions } from '../../../renderer/src/format/snooze-options';
import { summarizeSync } from '../../../renderer/src/format/sync-summary';
import { tagLabel } from '../../../renderer/src/format/tag-label';
import { makeMessage } from '../fake-api';

describe('groupByDay', () => {
  it('keeps the given order and starts a group at each new date', () => {
    const a = makeMessage({ conversationId: 1, localDate: '2025-10-12' });
    const b = makeMessage({ conversationId: 1, localDate: '2025-10-12' });
    const c = makeMessage({ conversationId: 1, localDate: '2025-10-13' });
    expect(groupByDay([a, b, c])).toEqual([
      { localDate: '2025-10-12', messages: [a, b] },
      { localDate: '2025-10-13', messages: [c] },
    ]);
    expect(groupByDay([])).toEqual([]);
  });
});

const owner = (change: Partial<SyncStatus['owners'][number]> = {}): SyncStatus['owners'][number] => ({
  ownerId: '1',
  ownerName: 'Front Desk',
  state: 'idle',
  lastSuccessAt: '2025-10-14T14:59:00.000Z',
  lastError: null,
  nextRunAt: null,
  consecutiveFailures: 0,
  addedLastPoll: 0,
  historyImported: true,
  ...change,
});

describe('summarizeSync', () => {
  it('reduces per-inbox state to one: syncing, then error, then paused, then synced', () => {
    expect(summarizeSync(null)).toEqual({ kind: 'loading' });
    expect(summarizeSync({ polling: true, intervalSeconds: 30, owners: [] })).toEqual({ kind: 'no_inboxes' });
    expect(summarizeSync({ polling: true, intervalSeconds: 30, owners: [owner({ state: 'syncing' }), owner({ state: 'backing_off' })] })).toEqual({ kind: 'syncing' });
    expect(
      summarizeSync({
        polling: false,
        intervalSeconds: 30,
        owners: [owner(), owner({ ownerId: '2', ownerName: 'Alex', state: 'auth_failed', lastError: { code: 'clubos_credentials', message: 'Wrong password.' } })],
      }),
    ).toEqual({ kind: 'error', reason: 'Alex: Wrong password.', code: 'clubos_credentials', ownerId: '2', needsSignIn: true });
    expect(summarizeSync({ polling: false, intervalSeconds: 30, owners: [owner()] })).toEqual({ kind: 'paused' });
  });

  it('reports the least recent success over every inbox', () => {
    expect(
      summarizeSync({ polling: true, intervalSeconds: 30, owners: [owner(), owner({ lastSuccessAt: '2025-10-14T14:58:00.000Z' })] }),
    ).toEqual({ kind: 'synced', lastSuccessAt: '2025-10-14T14:58:00.000Z' });
    expect(summarizeSync({ polling: true, intervalSeconds: 30, owners: [owner(), owner({ lastSuccessAt: null })] })).toEqual({
      kind: 'synced',
      lastSuccessAt: null,
    });
  });
});

describe('tagLabel', () => {
  it('labels intents and keeps staff tags as typed', () => {
    expect(tagLabel('question_about_billing')).toBe('Billing');
    expect(tagLabel('vip')).toBe('vip');
  });
});

describe('snoozeOptions', () => {
  it('offers later times in order, all in the future', () => {
    const now = Date.parse('2025-10-14T15:00:00Z');
    const options = snoozeOptions(now, 'en-US');
    expect(options.map((o) => o.id)).toEqual(['1h', '3h', 'tomorrow', 'next-week']);
    expect(options[0]!.until).toBe('2025-10-14T16:00:00.000Z');
    const times = options.map((o) => Date.parse(o.until));
    expect(times.every((t) => t > now)).toBe(true);
    expect(Date.parse(options[3]!.until) - now).toBeGreaterThan(86_400_000);
  });
});
