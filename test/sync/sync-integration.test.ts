// The sync engine end to end: simulator → real client → engine → conversations ingest → a
// database file. The club is in Chicago, the test process in Tokyo, so any date taken from the
// host's zone instead of the club's shows up as a wrong day.
process.env.TZ = 'Asia/Tokyo';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { backoffDelayMs } from '../../main/sync/backoff';
import { localDate, localTime } from '../../common/time/club-time';
import { bootApp, chicago, CHI, excess, multiset, settled, startClub, storedRows, tempDir, type App, type Club, type TempDir } from './sync-rig';

let club: Club;
let tmp: TempDir;
let apps: App[];

beforeEach(() => {
  tmp = tempDir('frontdesk-sync-');
  apps = [];
});

afterEach(async () => {
  vi.useRealTimers();
  for (const app of apps) await app.shutdown();
  await club.sim.close();
  tmp.remove();
});

const dbPath = (): string => join(tmp.dir, 'frontdesk.sqlite');

function boot(options: Partial<Parameters<typeof bootApp>[1]> = {}): App {
  const app = bootApp(club, { dbPath: dbPath(), ...options });
  apps.push(app);
  return app;
}

/**
 * An app whose clock can jump between ClubOS rendering a page and the client reading it: the
 * page was drawn before midnight and is read after.
 */
function bootWithClockJump(): { app: App; jumpAfterNextResponse(ms: number): void } {
  let afterResponse: (() => void) | null = null;
  const app = boot({
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      afterResponse?.();
      afterResponse = null;
      return response;
    },
  });
  return {
    app,
    jumpAfterNextResponse(ms) {
      afterResponse = () => club.clock.advance(ms);
    },
  };
}

function registerOwner(app: App, ownerId = club.sim.loggedInUserId): string {
  const me = club.sim.staff.find((s) => s.id === ownerId)!;
  app.db.owners.upsert({ ownerId, name: me.name });
  app.engine.refreshOwners();
  return ownerId;
}

const INBOX = '/action/Dashboard/messages';

describe('club time zone and midnight, end to end', () => {
  it('keys every row by the club-local date and minute while the process runs in another zone', async () => {
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Asia/Tokyo');
    club = await startClub(chicago(2026, 12, 7, 23, 40));
    const { sim, clock } = club;
    const { app, jumpAfterNextResponse } = bootWithClockJump();
    const owner = registerOwner(app);
    await app.engine.syncNow(); // empty inbox: the first (quiet) import is done
    const member = sim.members[3]!;
    const name = `${member.firstName} ${member.lastName}`;

    // Same text, same member, same day, three times: three messages.
    for (const minute of [41, 44, 47]) sim.addInbound({ memberId: member.id, body: 'Ok', at: chicago(2026, 12, 7, 23, minute, 10) });
    clock.set(chicago(2026, 12, 7, 23, 50));
    await app.engine.syncNow();
    expect(app.events.filter((e) => e.type === 'messagesAdded').at(-1)).toMatchObject({ count: 3, quiet: false });

    // The same snapshot again: nothing new, nothing written.
    const eventsBefore = app.events.filter((e) => e.type === 'messagesAdded').length;
    await app.engine.syncNow();
    expect(app.events.filter((e) => e.type === 'messagesAdded')).toHaveLength(eventsBefore);

    // Past midnight the rows read `Dec 7`: still the same three messages.
    clock.set(chicago(2026, 12, 8, 0, 3));
    await app.engine.syncNow();
    expect(app.events.filter((e) => e.type === 'messagesAdded')).toHaveLength(eventsBefore);

    // The same text on the new day is a new message of the new day.
    sim.addInbound({ memberId: member.id, body: 'Ok', at: chicago(2026, 12, 8, 0, 14) });
    clock.set(chicago(2026, 12, 8, 0, 15));
    await app.engine.syncNow();

    // A page rendered at 11:59 PM and read after midnight: its `11:58 PM` is yesterday's.
    sim.addInbound({ memberId: member.id, body: 'Last one tonight', at: chicago(2026, 12, 8, 23, 58) });
    clock.set(chicago(2026, 12, 8, 23, 59, 30));
    jumpAfterNextResponse(60_000);
    await app.engine.syncNow();
    expect(localDate(clock.now(), CHI)).toBe('2026-12-09');

    const rows = storedRows(dbPath(), owner).map((r) => [r.senderName, r.body, r.localDate, r.localTime]);
    expect(rows).toEqual([
      [name, 'Ok', '2026-12-07', '23:41'],
      [name, 'Ok', '2026-12-07', '23:44'],
      [name, 'Ok', '2026-12-07', '23:47'],
      [name, 'Ok', '2026-12-08', '00:14'],
      [name, 'Last one tonight', '2026-12-08', '23:58'],
    ]);
    // Stored instants are the club's wall clock converted, which in Tokyo is already the next day.
    const conversation = app.db.conversations.findByMemberId(owner, member.id)!;
    const messages = app.db.messages.page({ conversationId: conversation.id }).items;
    expect(messages.map((m) => m.sentAt)).toEqual([
      new Date(chicago(2026, 12, 7, 23, 41)).toISOString(),
      new Date(chicago(2026, 12, 7, 23, 44)).toISOString(),
      new Date(chicago(2026, 12, 7, 23, 47)).toISOString(),
      new Date(chicago(2026, 12, 8, 0, 14)).toISOString(),
      new Date(chicago(2026, 12, 8, 23, 58)).toISOString(),
    ]);
    expect(new Date(messages[0]!.sentAt).getDate()).toBe(8); // Tokyo's date of the club's Dec 7, 23:41
    expect(conversation.lastMessagePreview).toBe('Last one tonight');

    // Exactly the simulator's messages.
    const simKeys = multiset(sim.messages(owner).map((m) => `${m.senderName}|${m.body}|${localDate(m.at, CHI)}|${localTime(m.at, CHI)}`));
    const dbKeys = multiset(storedRows(dbPath(), owner).map((r) => `${r.senderName}|${r.body}|${r.localDate}|${r.localTime}`));
    expect(excess(simKeys, dbKeys)).toEqual([]);
    expect(excess(dbKeys, simKeys)).toEqual([]);
  });

  // A page rendered just before midnight and read just after lists `11:58 PM` (yesterday) above
  // `12:04 AM`, which lies within the 5-minute tolerance of the new day: it must still be dated
  // no later than the row above it, or it is stored a day late and then a second time.
  it('keeps a 12:04 AM row below a yesterday 11:58 PM row on yesterday (page read across midnight)', async () => {
    club = await startClub(chicago(2026, 12, 8, 0, 0));
    const { sim, clock } = club;
    const { app, jumpAfterNextResponse } = bootWithClockJump();
    const owner = registerOwner(app);
    await app.engine.syncNow();
    const member = sim.members[5]!;
    sim.addInbound({ memberId: member.id, body: 'Early bird', at: chicago(2026, 12, 8, 0, 4) });
    sim.addInbound({ memberId: member.id, body: 'Night owl', at: chicago(2026, 12, 8, 23, 58) });
    clock.set(chicago(2026, 12, 8, 23, 59, 30));
    jumpAfterNextResponse(60_000);
    await app.engine.syncNow();
    // The next page (rendered after midnight) says `Dec 8` for both: a wrong date stored above
    // would now be stored a second time.
    clock.advance(60_000);
    await app.engine.syncNow();
    expect(storedRows(dbPath(), owner).map((r) => [r.body, r.localDate, r.localTime])).toEqual([
      ['Early bird', '2026-12-08', '00:04'],
      ['Night owl', '2026-12-08', '23:58'],
    ]);
  });
});

describe('known limitation: "Clear all" in ClubOS', () => {
  // KNOWN LIMITATION of the reconciliation (design §3), reported to the lead: a row with only a
  // date claims any stored row of its key. When staff "Clear all" in ClubOS after the morning's
  // "Ok" was stored, and the member's second "Ok" of that day is first polled after midnight
  // (app closed overnight, or failing polls), the second "Ok" reads `Dec 7` and is taken for the
  // cleared morning one: it is never stored. Telling them apart needs the sync to remember which
  // stored rows have left the inbox (a per-owner "cleared before" mark in db/). `it.fails` turns
  // red once that exists: then make this an ordinary `it`.
  it.fails('keeps a same-day repeat first polled after midnight when the first was cleared from the inbox', async () => {
    club = await startClub(chicago(2026, 12, 7, 8, 0));
    const { sim, clock } = club;
    const app = boot();
    const owner = registerOwner(app);
    await app.engine.syncNow();
    const member = sim.members[2]!;
    sim.addInbound({ memberId: member.id, body: 'Ok', at: chicago(2026, 12, 7, 8, 14) });
    clock.set(chicago(2026, 12, 7, 8, 15));
    await app.engine.syncNow();
    sim.clearInbox(owner);
    sim.addInbound({ memberId: member.id, body: 'Ok', at: chicago(2026, 12, 7, 23, 51) });
    clock.set(chicago(2026, 12, 8, 7, 0));
    await app.engine.syncNow();
    expect(storedRows(dbPath(), owner).map((r) => [r.body, r.localDate])).toEqual([
      ['Ok', '2026-12-07'],
      ['Ok', '2026-12-07'],
    ]);
  });
});

describe('engine control against the real client', () => {
  it('joins a sync-now that arrives while a poll is in flight instead of starting a second poll', async () => {
    club = await startClub(chicago(2026, 12, 7, 10, 0));
    const gate: { release: (() => void) | null; requested: (() => void) | null } = { release: null, requested: null };
    const app = boot({
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname === INBOX && gate.release === null) {
          // Hold the first inbox answer until the test has asked twice more.
          await new Promise<void>((resolve) => {
            gate.release = resolve;
            gate.requested?.();
          });
        }
        return fetch(input, init);
      },
    });
    const owner = registerOwner(app);
    club.sim.addInbound({ memberId: club.sim.members[0]!.id, body: 'Is the sauna open?', at: chicago(2026, 12, 7, 9, 50) });
    const inFlight = new Promise<void>((resolve) => (gate.requested = resolve));
    const first = app.engine.syncNow();
    await inFlight;
    const second = app.engine.syncNow(owner);
    const third = app.engine.syncNow();
    expect(app.engine.status().owners[0]!.state).toBe('syncing');
    gate.release!();
    await Promise.all([first, second, third]);
    expect(club.sim.requestCount(INBOX)).toBe(1);
    expect(storedRows(dbPath(), owner)).toHaveLength(1);
  });

  it('stops an owner whose password ClubOS refuses, without trying again', async () => {
    club = await startClub(chicago(2026, 12, 7, 10, 0));
    const app = boot({ password: 'not-the-password' });
    const owner = registerOwner(app);
    app.engine.start();
    await app.engine.syncNow(); // polls now instead of on start's timer
    let status = app.engine.status().owners[0]!;
    expect(status).toMatchObject({ state: 'auth_failed', nextRunAt: null, consecutiveFailures: 1 });
    expect(status.lastError?.code).toBe('clubos_credentials');
    expect(app.db.owners.get(owner)).toMatchObject({ consecutiveFailures: 1, lastError: { code: 'clubos_credentials' } });
    await app.engine.syncNow();
    status = app.engine.status().owners[0]!;
    expect(status.state).toBe('auth_failed');
    expect(club.sim.requestCount('/action/Login')).toBe(2); // one view and one post: a single attempt
  });

  it('backs off with growing delays on real 5xx answers, on its own timers, and resets after a success', async () => {
    club = await startClub(chicago(2026, 12, 7, 10, 0));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const app = boot({ intervalSeconds: 60, random: () => 0.5 });
    const owner = registerOwner(app);
    club.sim.faults.set('serverError', { times: 3, paths: [INBOX] });
    const { clock } = club;

    const delays: number[] = [];
    app.engine.start();
    await vi.advanceTimersByTimeAsync(0);
    await settled(app);
    for (let i = 0; i < 4; i++) {
      const s = app.engine.status().owners[0]!;
      const delay = Date.parse(s.nextRunAt!) - clock.now();
      delays.push(delay);
      clock.advance(delay);
      await vi.advanceTimersByTimeAsync(delay);
      await settled(app);
    }
    const s = app.engine.status().owners[0]!;
    expect(delays).toEqual([1, 2, 3].map((n) => backoffDelayMs(n, 60_000, 300_000, () => 0.5)).concat([60_000]));
    expect(delays.slice(0, 3)).toEqual([45_000, 90_000, 180_000]);
    expect(s).toMatchObject({ state: 'idle', consecutiveFailures: 0, lastError: null });
    expect(Date.parse(s.nextRunAt!) - clock.now()).toBe(60_000);
    expect(app.db.owners.get(owner)).toMatchObject({ consecutiveFailures: 0, lastError: null, historyImported: true });
    expect(club.sim.faults.fired.serverError).toBe(3);
  });
});
