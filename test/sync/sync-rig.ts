// The real sync stack for integration tests: the ClubOS simulator on a manual clock, the real
// client, a database FILE, the app's own db-backed store (ingest through the conversations code)
// and the sync engine. An "app" can be booted, crashed and booted again over the same file.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent } from '../../common/contract';
import { openDatabase, type FrontdeskDb } from '../../db';
import { createClubOSClient } from '../../main/clubos/client';
import { startSimulator, type ClubOSSimulator, type SimulatorOptions } from '../../main/clubos-simulator';
import type { ClubOSClient } from '../../main/clubos/types';
import { dbSyncStore } from '../../main/services/db-sync-store';
import { createEventBus, type EventBus } from '../../common/event-bus';
import { memoryLogger, type LogLine, type Logger } from '../../common/log/logger';
import { createSyncEngine, type SyncEngine } from '../../main/sync/sync-engine';
import { zonedToEpoch } from '../../common/time/club-time';
import { manualClock, type ManualClock } from '../../common/time/manual-clock';

export const CHI = 'America/Chicago';
export const USERNAME = 'frontdesk';
export const PASSWORD = 'pw-Soak-1';

/** Epoch ms of a Chicago wall-clock reading. */
export const chicago = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number =>
  zonedToEpoch({ year, month, day, hour, minute, second }, CHI);

export interface Club {
  sim: ClubOSSimulator;
  clock: ManualClock;
}

export async function startClub(start: number, options: Partial<SimulatorOptions> = {}): Promise<Club> {
  const clock = manualClock(start);
  const sim = await startSimulator({
    clock,
    timeZone: CHI,
    seed: 5,
    members: 60,
    staff: 4,
    credentials: { username: USERNAME, password: PASSWORD },
    ...options,
  });
  return { sim, clock };
}

export interface TempDir {
  dir: string;
  remove(): void;
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface AppOptions {
  dbPath: string;
  /** Per-request deadline; short, so the `hang` fault costs little real time. */
  timeoutMs?: number;
  password?: string;
  intervalSeconds?: number;
  random?: () => number;
  historyAsRead?: boolean;
  /** Wraps the database the store writes through (crash injection). */
  wrapDb?: (db: FrontdeskDb) => FrontdeskDb;
  fetch?: typeof fetch;
  logLines?: LogLine[];
}

export interface App {
  /** The real connection (tests read and close it); the store may see a wrapper of it. */
  db: FrontdeskDb;
  client: ClubOSClient;
  engine: SyncEngine;
  bus: EventBus;
  events: AppEvent[];
  logger: Logger;
  /** A clean shutdown: stop polling, close the database. */
  shutdown(): Promise<void>;
}

/** One run of the app over `dbPath`: what a process start builds. */
export function bootApp(club: Club, options: AppOptions): App {
  const { clock, sim } = club;
  const logger = memoryLogger('app', options.logLines ?? []);
  const { db } = openDatabase(options.dbPath, { clock, logger });
  const client = createClubOSClient({
    baseUrl: sim.baseUrl,
    username: USERNAME,
    password: options.password ?? PASSWORD,
    clock,
    logger,
    timeoutMs: options.timeoutMs ?? 2_000,
    // Sign-in spacing passes on the club's clock, not in real time.
    sleep: (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const storeDb = options.wrapDb ? options.wrapDb(db) : db;
  const store = dbSyncStore({ db: storeDb, clubContext: () => client.getClubContext(), historyAsRead: () => options.historyAsRead ?? true, clock });
  const bus = createEventBus();
  const events: AppEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const engine = createSyncEngine({
    client,
    store,
    events: bus,
    clock,
    logger,
    random: options.random ?? (() => 0.5),
    intervalSeconds: options.intervalSeconds ?? 60,
  });
  return {
    db,
    client,
    engine,
    bus,
    events,
    logger,
    async shutdown() {
      await engine.stop();
      db.close();
    },
  };
}

export interface StoredRow {
  senderName: string;
  body: string;
  localDate: string;
  localTime: string | null;
  direction: string;
  source: string;
  occurrence: number;
  readAt: string | null;
}

/** Every stored message of an owner, read straight from the file (a second, read-only connection). */
export function storedRows(dbPath: string, ownerId: string): StoredRow[] {
  const conn = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return conn
      .prepare(
        `SELECT sender_name AS senderName, body, local_date AS localDate, local_time AS localTime, direction, source, occurrence, read_at AS readAt
         FROM messages WHERE owner_id = ? ORDER BY id`,
      )
      .all(ownerId) as StoredRow[];
  } finally {
    conn.close();
  }
}

/** A multiset of string keys. */
export function multiset(keys: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** What `a` holds more often than `b`, with how many extra copies. */
export function excess(a: Map<string, number>, b: Map<string, number>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [k, n] of a) {
    const extra = n - (b.get(k) ?? 0);
    if (extra > 0) out.push([k, extra]);
  }
  return out;
}

export const total = (entries: ReadonlyArray<[string, number]>): number => entries.reduce((sum, [, n]) => sum + n, 0);

/** Resolves once no owner of `app` has a poll in flight. */
export function settled(app: App): Promise<void> {
  const busy = (): boolean => app.engine.status().owners.some((o) => o.state === 'syncing');
  if (!busy()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = app.bus.subscribe((e) => {
      if (e.type === 'syncStatusChanged' && !busy()) {
        stop();
        resolve();
      }
    });
  });
}
