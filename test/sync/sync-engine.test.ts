import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../common/contract';
import { ClubOSError } from '../../common/errors/clubos-error';
import type { ClubOSClient, InboxRow, InboxSnapshot } from '../../main/clubos/types';
import type { RowMemo } from '../../main/clubos/parse/row-memo';
import { createEventBus } from '../../common/event-bus';
import { memoryLogger } from '../../common/log/logger';
import { createSyncEngine, type SyncEngine } from '../../main/sync/sync-engine';
import { backoffDelayMs } from '../../main/sync/backoff';
import { memorySyncStore, type MemorySyncStore } from './memory-sync-store';

const clock = { now: () => Date.now() };

type InboxAnswer = InboxRow[] | Error | (() => Promise<InboxSnapshot>);

function fakeClient(script: Map<string, InboxAnswer[]>) {
  const calls: string[] = [];
  /** The row memo each getInbox was given. */
  const memos: (RowMemo | undefined)[] = [];
  const client: ClubOSClient = {
    signIn: () => Promise.reject(new Error('unused')),
    getClubContext: () => Promise.reject(new Error('unused')),
    getHistory: () => Promise.reject(new Error('unused')),
    send: () => Promise.reject(new Error('unused')),
    searchMember: () => Promise.resolve(null),
    signOut: () => Promise.resolve(),
    getInbox(ownerId, signal, memo) {
      calls.push(ownerId);
      memos.push(memo);
      const queue = script.get(ownerId) ?? [];
      const next = queue.length > 1 ? queue.shift()! : queue[0];
      if (next === undefined) return Promise.resolve({ ownerId, fetchedAt: clock.now(), timeZone: 'America/Chicago', rows: [] });
      if (next instanceof Error) return Promise.reject(next);
      if (typeof next === 'function') {
        return new Promise((resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new ClubOSError('timeout', 'aborted')));
          next().then(resolve, reject);
        });
      }
      return Promise.resolve({ ownerId, fetchedAt: clock.now(), timeZone: 'America/Chicago', rows: next });
    },
  };
  return { client, calls, memos };
}

const row = (senderName: string, body: string, localTime: string | null, position = 0): InboxRow => ({
  senderName,
  memberId: null,
  body,
  label: localTime ?? 'Dec 6',
  localDate: localTime ? '2026-12-07' : '2026-12-06',
  localTime,
  position,
});

describe('sync engine', () => {
  let store: MemorySyncStore;
  let events: AppEvent[];
  let engine: SyncEngine | null;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T18:00:00Z') });
    store = memorySyncStore([{ ownerId: '100000001', name: 'Alex Morgan' }]);
    events = [];
    engine = null;
  });
  afterEach(async () => {
    await engine?.stop();
    vi.useRealTimers();
  });

  function build(script: Map<string, InboxAnswer[]>, random = () => 0.5) {
    const bus = createEventBus();
    bus.subscribe((e) => events.push(e));
    const fake = fakeClient(script);
    const logger = memoryLogger();
    engine = createSyncEngine({ client: fake.client, store, events: bus, clock, logger, random, intervalSeconds: 10 });
    return { ...fake, logger, engine };
  }

  it('imports history quietly on the first poll, then announces new messages', async () => {
    const history = [row('Ana Ruiz', 'Ok', '09:10', 0), row('Ana Ruiz', 'Hi', null, 1)];
    const later = [row('Ana Ruiz', 'Ok', '09:40', 0), ...history.map((r) => ({ ...r, position: r.position + 1 }))];
    const { engine: e } = build(new Map([['100000001', [history, history, later]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.writes).toHaveLength(1);
    expect(store.writes[0]!.history).not.toBeNull();
    const added = events.filter((ev) => ev.type === 'messagesAdded');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ count: 2, quiet: true });

    await vi.advanceTimersByTimeAsync(10_000); // the same snapshot again: nothing written
    expect(store.writes).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.writes).toHaveLength(2);
    expect(store.writes[1]!.history).toBeNull();
    expect(store.writes[1]!.rows.map((r) => r.localTime)).toEqual(['09:40']);
    expect(events.filter((ev) => ev.type === 'messagesAdded').at(-1)).toMatchObject({ count: 1, quiet: false });
  });

  it('keeps texts that arrive while an interrupted first import is retried live, across a restart', async () => {
    // 12:00 in Chicago: the import begins, and dies writing its history.
    const history = [row('Ana Ruiz', 'Ok', '09:10', 0), row('Bo Chen', 'Hi', null, 1)];
    const realWrite = store.writePoll.bind(store);
    let crashes = 1;
    store.writePoll = (write, onHistory) => (crashes-- > 0 ? Promise.reject(new Error('the process died')) : realWrite(write, onHistory));
    const first = build(new Map([['100000001', [history]]]));
    first.engine.start();
    await vi.advanceTimersByTimeAsync(0);
    await first.engine.stop();
    expect(store.writes).toHaveLength(0);
    const startedAt = store.owners[0]!.importStartedAt;
    expect(startedAt).toBe('2026-12-07T18:00:00.000Z');

    // 12:30: a new process tries again; two texts came in meanwhile, one in the very minute the
    // import began, and one from just before it that the first attempt never stored.
    vi.setSystemTime(Date.parse('2026-12-07T18:30:00Z'));
    const later = [row('Cy Diaz', 'Are you open?', '12:20', 0), row('Ana Ruiz', 'Same minute', '12:00', 1), row('Bo Chen', 'Early', '11:59', 2), ...history.map((r) => ({ ...r, position: r.position + 3 }))];
    events = [];
    const second = build(new Map([['100000001', [later]]]));
    second.engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.owners[0]!.importStartedAt).toBe(startedAt);
    expect(store.writes).toHaveLength(1);
    const write = store.writes[0]!;
    // History of the import's first day goes with the live rows; older history after them.
    expect(write.history?.older.map((r) => r.body)).toEqual(['Hi']);
    expect(write.history?.recent.map((r) => r.body)).toEqual(['Ok', 'Early']);
    expect(write.rows.map((r) => r.body)).toEqual(['Same minute', 'Are you open?']);
    const added = events.filter((ev) => ev.type === 'messagesAdded');
    expect(added.map((ev) => [ev.count, ev.quiet])).toEqual([
      [3, true],
      [2, false],
    ]);
    expect(second.engine.status().owners[0]!.historyImported).toBe(true);
  });

  it("reads the first import without the row memo, then every poll of the owner with the same one", async () => {
    const history = [row('Ana Ruiz', 'Ok', '09:10', 0)];
    const { engine: e, memos } = build(new Map([['100000001', [history]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(memos).toHaveLength(3);
    // The import's page is long, and its seconds of writing would hold every row's markup.
    expect(memos[0]).toBeUndefined();
    expect(memos[1]).toBeDefined();
    expect(memos[2]).toBe(memos[1]);
  });

  it('numbers every event with increasing sequence numbers', async () => {
    const { engine: e } = build(new Map([['100000001', [[row('Ana Ruiz', 'Ok', '09:10')]]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(30_000);
    const seqs = events.map((ev) => ev.seq);
    expect(seqs.length).toBeGreaterThan(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('backs off exponentially on retryable errors and resets after a success', async () => {
    const fail = new ClubOSError('http', 'HTTP 503', 503);
    const { engine: e, calls } = build(new Map([['100000001', [fail, fail, fail, [], []]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    let s = e.status().owners[0]!;
    expect(s.state).toBe('backing_off');
    expect(s.consecutiveFailures).toBe(1);
    expect(s.lastError?.code).toBe('clubos_network');
    // random() = 0.5 → delay = 3/4 of the exponential base: 7.5 s, 15 s, 30 s.
    const gaps: number[] = [];
    let last = Date.now();
    for (let i = 0; i < 3; i++) {
      const before = calls.length;
      while (calls.length === before) await vi.advanceTimersByTimeAsync(500);
      gaps.push(Date.now() - last);
      last = Date.now();
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(7_500);
    expect(gaps[0]).toBeLessThan(8_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(15_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(30_000);
    s = e.status().owners[0]!;
    expect(s.state).toBe('idle');
    expect(s.consecutiveFailures).toBe(0);
    expect(s.lastError).toBeNull();
    expect(store.failures.map((f) => f.consecutiveFailures)).toEqual([1, 2, 3]);
    // Back to the normal interval.
    const before = calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.length).toBe(before + 1);
  });

  it('caps the backoff at five minutes', () => {
    expect(backoffDelayMs(30, 10_000, 300_000, () => 1)).toBe(300_000);
    expect(backoffDelayMs(30, 10_000, 300_000, () => 0)).toBe(150_000);
    expect(backoffDelayMs(1, 10_000, 300_000, () => 0)).toBe(5_000);
  });

  it('stops an owner whose password ClubOS refused, without retrying', async () => {
    const { engine: e, calls } = build(new Map([['100000001', [new ClubOSError('credentials', 'Invalid username or password')]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls).toHaveLength(1);
    const s = e.status().owners[0]!;
    expect(s.state).toBe('auth_failed');
    expect(s.lastError?.code).toBe('clubos_credentials');
    expect(s.nextRunAt).toBeNull();
  });

  it.each([
    ['too_large', 'clubos_too_large'],
    ['timeout', 'clubos_timeout'],
    ['tls', 'clubos_tls'],
    ['wrong_host', 'clubos_wrong_host'],
    ['no_session', 'clubos_no_session'],
    ['redirect_loop', 'clubos_redirect_loop'],
  ] as const)('backs off on %s and keeps retrying until it clears', async (kind, code) => {
    const fail = new ClubOSError(kind, `failed: ${kind}`);
    const { engine: e, calls } = build(new Map([['100000001', [fail, fail, []]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    const s = e.status().owners[0]!;
    expect(s.state).toBe('backing_off');
    expect(s.lastError).toEqual({ code, message: `failed: ${kind}` });
    expect(s.nextRunAt).not.toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(e.status().owners[0]!.state).toBe('idle');
  });

  it('joins a poll in flight instead of starting a second one', async () => {
    let release: (() => void) | null = null;
    const slow = () =>
      new Promise<InboxSnapshot>((resolve) => {
        release = () => resolve({ ownerId: '100000001', fetchedAt: clock.now(), timeZone: 'America/Chicago', rows: [] });
      });
    const { engine: e, calls } = build(new Map([['100000001', [slow, []]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    const a = e.syncNow();
    const b = e.syncNow('100000001');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    release!();
    await Promise.all([a, b]);
    expect(calls).toHaveLength(1);
  });

  it("keeps polling the other owners while one fails", async () => {
    store = memorySyncStore([
      { ownerId: '100000001', name: 'Alex Morgan' },
      { ownerId: '100000002', name: 'Sam Patel' },
    ]);
    const { engine: e, calls } = build(
      new Map<string, InboxAnswer[]>([
        ['100000001', [new ClubOSError('network', 'ECONNRESET')]],
        ['100000002', [[row('Ben Li', 'Hello', '09:00')], []]],
      ]),
    );
    e.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.filter((c) => c === '100000002').length).toBeGreaterThanOrEqual(6);
    expect(e.status().owners.find((o) => o.ownerId === '100000002')!.state).toBe('idle');
    expect(e.status().owners.find((o) => o.ownerId === '100000001')!.state).toBe('backing_off');
  });

  it('stop aborts a hung poll and waits for it; nothing is scheduled afterwards', async () => {
    const hang = () => new Promise<InboxSnapshot>(() => {});
    const { engine: e, calls } = build(new Map([['100000001', [hang]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    await e.stop();
    expect(e.status().owners[0]!.state).toBe('stopped');
    expect(e.status().polling).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(store.failures).toHaveLength(0);
  });

  it('applies a new interval to idle owners', async () => {
    const { engine: e, calls } = build(new Map([['100000001', [[]]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    e.setIntervalSeconds(60);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    expect(e.setIntervalSeconds(1).intervalSeconds).toBe(5);
    expect(e.setIntervalSeconds(100_000).intervalSeconds).toBe(600);
  });

  it('logs each poll with owner, duration, rows seen and added, and outcome, never a body', async () => {
    const { engine: e, logger } = build(new Map([['100000001', [[row('Ana Ruiz', 'my card ends 4242', '09:10')]]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    const line = logger.lines.find((l) => l.message === 'poll');
    expect(line?.fields).toMatchObject({ owner: '100000001', rowsSeen: 1, rowsAdded: 1, outcome: 'ok' });
    expect(typeof line?.fields['durationMs']).toBe('number');
    expect(JSON.stringify(logger.lines)).not.toContain('4242');
  });

  it('adds and removes owners from the store', async () => {
    const { engine: e, calls } = build(new Map());
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    store.owners.push({ ownerId: '100000009', name: 'Kim Lee', enabled: true, lastSuccessAt: null, lastError: null, consecutiveFailures: 0, historyImported: false, importStartedAt: null, importRecentStored: false });
    e.refreshOwners();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toContain('100000009');
    store.owners = store.owners.filter((o) => o.ownerId !== '100000001');
    e.refreshOwners();
    expect(e.status().owners.map((o) => o.ownerId)).toEqual(['100000009']);
  });
  it('restarts an owner whose poll crashed, and stops after five crashes in five minutes, saying so', async () => {
    const bug = () => new TypeError("Cannot read properties of undefined (reading 'localDate')");
    const { engine: e, calls, logger } = build(new Map([['100000001', [bug(), bug(), bug(), bug(), bug(), bug(), []]]]));
    e.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    const owner = () => e.status().owners[0]!;
    expect(owner().state).toBe('backing_off');
    expect(owner().lastError?.message).toMatch(/restarted/);
    // Restarted after a second each time, not after an exponential backoff.
    for (let i = 2; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      expect(calls).toHaveLength(i);
    }
    expect(owner().state).toBe('stopped');
    expect(owner().lastError?.message).toMatch(/stopped after 5 unexpected errors within 5 minutes/);
    expect(store.owners.find((o) => o.ownerId === '100000001')?.lastError?.message).toMatch(/stopped after 5/);
    const crashes = logger.lines.filter((l) => l.message === 'poll crashed');
    expect(crashes).toHaveLength(5);
    expect(crashes[4]?.fields).toMatchObject({ owner: '100000001', ownerName: 'Alex Morgan', verdict: 'give_up', crashesInWindow: 5 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(5);
    // Sync now is the user's "try again": one more crash is restarted, then the inbox syncs.
    await e.syncNow('100000001');
    expect(calls).toHaveLength(6);
    expect(owner().state).toBe('backing_off');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(7);
    expect(owner()).toMatchObject({ state: 'idle', lastError: null });
  });

  it('counts only crashes within five minutes', async () => {
    const bug = () => new RangeError('Invalid time value');
    const answers: InboxAnswer[] = [];
    // A crash, then nine good polls (10 s apart): about one crash every 91 s, never five within five minutes.
    for (let i = 0; i < 8; i++) answers.push(bug(), ...Array.from({ length: 9 }, (): InboxRow[] => []));
    answers.push([]);
    const { engine: e, calls, logger } = build(new Map([['100000001', answers]]));
    e.start();
    for (let i = 0; i < 13; i++) await vi.advanceTimersByTimeAsync(60_000);
    expect(logger.lines.filter((l) => l.message === 'poll crashed')).toHaveLength(8);
    expect(e.status().owners[0]!.state).toBe('idle');
    expect(calls.length).toBeGreaterThan(70);
  });
});
