// The sync soak (issue 5): weeks of seeded member traffic for two inboxes against the simulator
// while every fault mode fires at random and the app crashes and restarts over the same
// database file, between polls, inside a poll's transaction, between the chunks of a first
// import and with a poll in flight. At the end each owner's stored messages are exactly the
// simulator's: none lost, none twice. Polls are driven by sync-now (fast), and for one simulated
// day by the engine's own timers under fake timers. The club is in Chicago, the process in Tokyo,
// and the run crosses the end of daylight saving time.
process.env.TZ = 'Asia/Tokyo';

import { afterAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import type { FaultMode, FaultRule } from '../../main/clubos-simulator';
import { createRandom } from '../../main/clubos-simulator/random';
import { INGEST_CHUNK_ROWS } from '../../main/ingest/ingest-poll';
import type { LogLine } from '../../common/log/logger';
import { addDays, localDate, localParts, localTime, startOfLocalDay } from '../../common/time/club-time';
import { crashSwitch, type CrashSwitch } from './crash-injection';
import { dates, planDay, type Delivery } from './soak-traffic';
import { bootApp, chicago, CHI, excess, multiset, settled, startClub, storedRows, tempDir, total, type App, type Club } from './sync-rig';

const SEED = 20_261_026;
/** Monday 26 October 2026, 05:00 in Chicago; daylight saving time ends on Sunday 1 November. */
const START = chicago(2026, 10, 26, 5, 0);
const DAYS = 21;
/** The simulated day polled by the engine's own timers instead of sync-now. */
const TIMER_DAY = 16;
const HISTORY_DAYS = 75;
const INBOX = '/action/Dashboard/messages';
const MINUTE = 60_000;

type Weather = 'calm' | 'normal' | 'stormy';

/** The per-request fault odds of a day; `duplicateMessages` is per delivered text. */
function faultsFor(weather: Weather): Array<[FaultMode, FaultRule]> {
  const k = weather === 'stormy' ? 3 : weather === 'normal' ? 1 : 0;
  const duplicates: [FaultMode, FaultRule] = ['duplicateMessages', { probability: 0.02 }];
  if (k === 0) return [duplicates];
  return [
    duplicates,
    ['sessionExpiredBody', { probability: 0.02 * k }],
    ['sessionExpiredRedirect', { probability: 0.02 * k }],
    ['serverError', { probability: 0.03 * k }],
    ['garbledHtml', { probability: 0.02 * k }],
    ['truncatedHtml', { probability: 0.02 * k }],
    ['hang', { probability: 0.002 * k }],
  ];
}

interface Counters {
  clears: number;
  crashes: string[];
}

const cleanup: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  vi.useRealTimers();
  for (const step of cleanup.reverse()) await step();
});

describe('sync soak', () => {
  it('stores exactly the simulator messages of two owners through weeks of faults and crashes', { timeout: 120_000 }, async () => {
    const rng = createRandom(SEED);
    const tmp = tempDir('frontdesk-soak-');
    cleanup.push(() => tmp.remove());
    const dbPath = join(tmp.dir, 'frontdesk.sqlite');
    const club: Club = await startClub(START, { seed: SEED, members: 150, staff: 5, history: { days: HISTORY_DAYS } });
    cleanup.push(() => club.sim.close());
    const { sim, clock } = club;
    sim.faults.seed(SEED);
    const ownerA = sim.loggedInUserId;
    const ownerB = sim.staff.find((s) => s.id !== ownerA)!.id;
    const owners = [ownerA, ownerB];
    const historyRows = sim.messages(ownerA).length;
    expect(historyRows).toBeGreaterThan(INGEST_CHUNK_ROWS); // the first import is written in chunks

    const counters: Counters = { clears: 0, crashes: [] };
    const logLines: LogLine[] = [];
    // Lets a test step wait for the moment an inbox request is on the wire.
    const wire: { onInbox: (() => void) | null } = { onInbox: null };
    const hookedFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === INBOX && wire.onInbox) {
        wire.onInbox();
        wire.onInbox = null;
      }
      return fetch(input, init);
    };

    let crash: CrashSwitch = crashSwitch();
    const backoffRng = rng.fork('backoff');
    const boot = (): App => {
      crash = crashSwitch();
      return bootApp(club, {
        dbPath,
        timeoutMs: 500,
        wrapDb: (db) => crash.wrap(db),
        random: () => backoffRng.next(),
        fetch: hookedFetch,
        logLines,
      });
    };
    let app = boot();
    for (const id of owners) app.db.owners.upsert({ ownerId: id, name: sim.staff.find((s) => s.id === id)!.name });
    cleanup.push(async () => {
      await app.engine.stop();
      app.db.close();
    });

    /** The process dies: its engine is dropped, not stopped; a new process opens the same file. */
    const restart = (why: string): void => {
      counters.crashes.push(why);
      app.db.close();
      app = boot();
    };

    // One owner after the other: the simulator draws its faults per request, so requests in a
    // fixed order keep the run reproducible from its seed.
    const pollAll = async (): Promise<void> => {
      for (const o of owners) await app.engine.syncNow(o);
    };
    const succeeded = (ownerId: string): boolean => app.engine.status().owners.find((o) => o.ownerId === ownerId)?.consecutiveFailures === 0;
    const rowCount = (ownerId: string): number => storedRows(dbPath, ownerId).length;

    // --- Day 0, 05:00: the first sync crashes between the chunks of owner A's history import. ---
    let insertsA = 0;
    crash.arm((batch) => batch[0]?.ownerId === ownerA && ++insertsA === 2);
    await pollAll();
    expect(crash.crashed).toBe(true);
    // The transaction that crashed rolled back whole; what committed before it stays.
    expect(rowCount(ownerA)).toBeLessThan(historyRows);
    expect(app.db.owners.get(ownerA)?.historyImported).toBe(false);
    restart('between the chunks of the first import');
    await pollAll();
    expect(rowCount(ownerA)).toBe(historyRows);
    expect(app.db.owners.get(ownerA)?.historyImported).toBe(true);

    // --- Weeks of traffic. ---
    let delivered = 0;
    const lastDelivered = new Map<string, number>();
    const deliver = (d: Delivery): void => {
      sim.addInbound({ memberId: d.memberId, body: d.body, at: d.at, ownerId: d.ownerId });
      lastDelivered.set(d.ownerId, d.at);
      delivered++;
    };
    const lastClearDate = new Map<string, string>();
    /**
     * Staff press "Clear all" in the early morning, right after a poll that stored everything,
     * while no text of the day has arrived yet. Only then: a row cleared on the day it was sent
     * makes a later same-text row of that day, first polled after midnight, indistinguishable
     * from it (see the known limitation in sync-integration.test.ts). Clearing also keeps the
     * inbox, which every poll reads whole, at about a day of rows.
     */
    const clearAfterSuccess = (): void => {
      const today = localDate(clock.now(), CHI);
      if (localParts(clock.now(), CHI).hour >= 9) return;
      for (const o of owners) {
        const quietSoFar = localDate(lastDelivered.get(o) ?? 0, CHI) < today;
        if (succeeded(o) && quietSoFar && lastClearDate.get(o) !== today) {
          sim.clearInbox(o);
          lastClearDate.set(o, today);
          counters.clears++;
        }
      }
    };
    clearAfterSuccess();
    const memberIds = sim.members.map((m) => m.id);
    const firstDate = localDate(START, CHI);
    const crashDays = { betweenPolls: new Set([3, 9, 14, 19]), inTransaction: 6, inFlight: 11 };

    for (const [day, date] of dates(firstDate, DAYS).entries()) {
      const weather: Weather = rng.pick(['calm', 'normal', 'normal', 'stormy'] as const);
      sim.faults.clear();
      // Reseeded daily: the engine's own timers poll both owners at once on the timer day, and a
      // request order that varies there must not change every later day.
      sim.faults.seed(SEED + day);
      for (const [mode, rule] of faultsFor(weather)) sim.faults.set(mode, rule);
      // Texts due before the first poll of a day (after a long night step) arrive late, below
      // rows already polled: the snapshot is a multiset, so that must not matter.
      const traffic = planDay(rng.fork(`traffic-${date}`), date, { owners, memberIds, timeZone: CHI }).filter((d) => d.at > START);
      // The run ends in the afternoon of its last day, so that day's rows still show their minute.
      const dayEnd = day === DAYS - 1 ? startOfLocalDay(date, CHI) + 15 * 60 * MINUTE : startOfLocalDay(addDays(date, 1), CHI);
      let next = 0;
      const deliverUntil = (t: number): void => {
        while (next < traffic.length && traffic[next]!.at <= t) deliver(traffic[next++]!);
      };

      if (day === TIMER_DAY) {
        // The morning on the engine's own timers: interval, backoff and all, faults still firing.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        app.engine.setIntervalSeconds(600);
        app.engine.start();
        const noon = startOfLocalDay(date, CHI) + 12 * 60 * MINUTE;
        while (clock.now() < noon) {
          clock.advance(MINUTE);
          deliverUntil(clock.now());
          await vi.advanceTimersByTimeAsync(MINUTE);
          await settled(app);
        }
        await app.engine.stop();
        vi.useRealTimers();
        app.engine.setIntervalSeconds(60);
      }

      let stepIndex = 0;
      while (clock.now() < dayEnd) {
        const hour = localParts(clock.now(), CHI).hour;
        const gap = hour < 5 ? rng.int(60, 150) : rng.int(20, 110);
        const t = clock.now() + gap * MINUTE;
        deliverUntil(t);
        clock.set(t);
        stepIndex++;

        if (day === crashDays.inTransaction && stepIndex >= 8 && !counters.crashes.includes('inside a poll transaction')) {
          // The next write of new rows dies inside its transaction: none of its rows may stay.
          const before = new Map(owners.map((o) => [o, rowCount(o)]));
          let crashedOwner: string | null = null;
          crash.arm((batch) => {
            crashedOwner = batch[0]?.ownerId ?? null;
            return crashedOwner !== null;
          });
          await pollAll();
          if (crash.crashed && crashedOwner !== null) {
            expect(rowCount(crashedOwner)).toBe(before.get(crashedOwner));
            restart('inside a poll transaction');
            await pollAll();
            continue;
          }
          crash.arm(() => false);
        } else if (day === crashDays.inFlight && stepIndex === 6) {
          // The inbox request hangs; the process dies while the poll waits for it.
          sim.faults.set('hang', { times: 1, paths: [INBOX] });
          const onWire = new Promise<void>((resolve) => (wire.onInbox = resolve));
          const poll = app.engine.syncNow(ownerA);
          await onWire;
          restart('with a poll in flight');
          const late = await poll; // the orphaned poll times out against a closed database
          expect(late.owners.find((o) => o.ownerId === ownerA)?.consecutiveFailures).toBeGreaterThan(0);
          for (const [mode, rule] of faultsFor(weather)) if (mode === 'hang') sim.faults.set(mode, rule);
        }

        await pollAll();
        if (crashDays.betweenPolls.has(day) && stepIndex === 10) {
          restart('between polls');
          continue;
        }
        clearAfterSuccess();
      }
    }

    // --- Calm returns: poll until every owner has stored its inbox. ---
    sim.faults.clear();
    for (let round = 0; round < 5; round++) {
      clock.advance(5 * MINUTE);
      await pollAll();
      if (owners.every(succeeded)) break;
    }
    expect(owners.every(succeeded)).toBe(true);
    expect(app.db.conversations.audit()).toEqual([]);

    const polls = logLines.filter((l) => l.scope === 'sync' && l.message === 'poll');
    const failedPolls = polls.filter((l) => l.level !== 'info').length;

    // --- Exactly the simulator's messages, per owner. ---
    const today = localDate(clock.now(), CHI);
    const report: string[] = [];
    for (const owner of owners) {
      const simMessages = sim.messages(owner);
      const stored = storedRows(dbPath, owner).filter((r) => r.source === 'inbox');
      const simDays = multiset(simMessages.map((m) => `${m.senderName}|${m.body}|${localDate(m.at, CHI)}`));
      const dbDays = multiset(stored.map((r) => `${r.senderName}|${r.body}|${r.localDate}`));
      const lost = excess(simDays, dbDays);
      const duplicated = excess(dbDays, simDays);
      // Byte for byte: each stored body, as UTF-8, is one its member sent that day, and at that
      // minute when the row has one ("Ok", "OK" and "ｏｋ" share a key: only the exact text tells them apart).
      const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
      const differing = [
        ...excess(
          multiset(stored.map((r) => `${r.senderName}|${r.localDate}|${hex(r.body)}`)),
          multiset(simMessages.map((m) => `${m.senderName}|${localDate(m.at, CHI)}|${hex(m.body)}`)),
        ),
        ...excess(
          multiset(stored.filter((r) => r.localTime !== null).map((r) => `${r.senderName}|${r.localDate}|${r.localTime}|${hex(r.body)}`)),
          multiset(simMessages.map((m) => `${m.senderName}|${localDate(m.at, CHI)}|${localTime(m.at, CHI)}|${hex(m.body)}`)),
        ),
      ];
      // Today's rows carry their minute, and so must the stored ones.
      const simToday = multiset(
        simMessages.filter((m) => localDate(m.at, CHI) === today).map((m) => `${m.senderName}|${m.body}|${localTime(m.at, CHI)}`),
      );
      const dbToday = multiset(stored.filter((r) => r.localDate === today).map((r) => `${r.senderName}|${r.body}|${r.localTime}`));
      // Any stored minute, today's or older, is the minute the member sent it.
      const simMinutes = multiset(simMessages.map((m) => `${m.senderName}|${m.body}|${localDate(m.at, CHI)}|${localTime(m.at, CHI)}`));
      const dbMinutes = multiset(stored.filter((r) => r.localTime !== null).map((r) => `${r.senderName}|${r.body}|${r.localDate}|${r.localTime}`));
      report.push(
        `owner ${owner}: simulator ${simMessages.length}, stored ${stored.length}, lost ${total(lost)}, duplicated ${total(duplicated)}, ` +
          `bodies differing ${total(differing)}, ` +
          `today ${total([...simToday])} (minute mismatches ${total(excess(simToday, dbToday)) + total(excess(dbToday, simToday))}), ` +
          `stored with a minute ${total([...dbMinutes])}`,
      );
      for (const [key] of [...lost, ...duplicated]) {
        // What a failure needs to be understood: that member's day on both sides.
        const [sender, , date] = key.split('|');
        console.log(`mismatch for owner ${owner}: ${key}`, {
          simulator: simMessages.filter((m) => m.senderName === sender && localDate(m.at, CHI) === date).map((m) => [m.body, localTime(m.at, CHI)]),
          stored: stored.filter((r) => r.senderName === sender && r.localDate === date).map((r) => [r.body, r.localTime, r.occurrence]),
        });
      }
      expect(lost).toEqual([]);
      expect(duplicated).toEqual([]);
      expect(differing).toEqual([]);
      expect(excess(simToday, dbToday)).toEqual([]);
      expect(excess(dbToday, simToday)).toEqual([]);
      expect(excess(dbMinutes, simMinutes)).toEqual([]);
      expect(stored).toHaveLength(simMessages.length);
    }

    const fired = sim.faults.fired;
    console.log(
      [
        `sync soak (seed ${SEED}): ${DAYS} simulated days, ${delivered} texts delivered by addInbound (+${historyRows} history rows), ` +
          `${fired.duplicateMessages} duplicated by the fault`,
        ...report,
        `polls ${polls.length} (failed ${failedPolls}), inbox clears ${counters.clears}, restarts ${counters.crashes.length}: ${counters.crashes.join('; ')}`,
        `faults fired: ${Object.entries(fired)
          .filter(([, n]) => n > 0)
          .map(([m, n]) => `${m} ${n}`)
          .join(', ')}`,
      ].join('\n'),
    );

    expect(delivered).toBeGreaterThanOrEqual(5_000);
    for (const mode of ['sessionExpiredBody', 'sessionExpiredRedirect', 'serverError', 'hang', 'garbledHtml', 'truncatedHtml', 'duplicateMessages'] as const) {
      expect(fired[mode], mode).toBeGreaterThan(0);
    }
    expect(counters.crashes.filter((c) => c === 'between polls').length).toBeGreaterThanOrEqual(3);
    expect(counters.crashes).toContain('inside a poll transaction');
    expect(counters.crashes).toContain('with a poll in flight');
    // Nothing but the simulated crashes went wrong unexpectedly.
    const unexpected = logLines.filter((l) => l.level === 'error' && !/SimulatedCrash|not open/.test(JSON.stringify(l.fields)));
    expect(unexpected).toEqual([]);
  });
});
