// Everything that belongs to one ClubOS account: its database, its ClubOS client (one signed-in
// session), its sync engine. Demo mode is an account too, against the built-in simulator, with
// its own throw-away database so simulated members never mix with a real club's.
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import { openDatabase, type FrontdeskDb } from '../../db';
import { createClubOSClient } from '../clubos/client';
import type { ClubContext, ClubOSClient, InboxPageSource } from '../clubos/types';
import { startSimulator, type ClubOSSimulator, type DashboardShape } from '../clubos-simulator';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import type { SyncStore } from '../sync/sync-store';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { clubTimeZoneStore, hostTimeZone } from './club-time-zone';
import type { Credentials } from './credential-store';
import { dbSyncStore } from './db-sync-store';
import type { EventBus } from '../../common/event-bus';

export const CLUBOS_BASE_URL = 'https://anytime.club-os.com';
const DEMO_CREDENTIALS = { username: 'demo', password: 'demo' };
/** The demo's key for per-account settings (its club zone). */
const DEMO_ACCOUNT = 'demo';

export interface Session {
  readonly mode: 'demo' | 'signed_in';
  readonly username: string | null;
  readonly baseUrl: string;
  /** Key of per-account settings: `<baseUrl>|<username>`, or `demo`. */
  readonly account: string;
  readonly db: FrontdeskDb;
  readonly client: ClubOSClient;
  readonly engine: SyncEngine;
  /** The club context, fetched once per session (time zone, staff, owners). */
  clubContext(): Promise<ClubContext>;
  /** The context if already fetched. */
  knownContext(): ClubContext | null;
  /** Forgets the fetched context (the club zone was confirmed); the next `clubContext()` reads it again. */
  refreshContext(): void;
  /** Makes sure the signed-in staff member's own inbox is synced, then starts polling. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** What a session gives the sync engine it runs. */
export interface SyncEngineParts {
  db: FrontdeskDb;
  client: ClubOSClient & InboxPageSource;
  store: SyncStore;
  clubContext(): Promise<ClubContext>;
}

/** Builds a session's sync engine; by default it runs on this thread (create-core runs it in a worker). */
export type SyncEngineFactory = (parts: SyncEngineParts) => { engine: SyncEngine; close(): Promise<void> };

export interface SessionDeps {
  dataDir: string;
  appDb: FrontdeskDb;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  historyAsRead(): boolean;
  intervalSeconds(): number;
  syncEngine?: SyncEngineFactory;
  /** True when team mode drives this session's polling (one desk per inbox): the engine is then not started here. */
  teamDrivesPolling?: () => boolean;
}

interface SessionParts {
  mode: Session['mode'];
  username: string | null;
  baseUrl: string;
  account: string;
  db: FrontdeskDb;
  client: ClubOSClient & InboxPageSource;
  onClose: () => Promise<void>;
}

function buildSession(deps: SessionDeps, parts: SessionParts): Session {
  const { db, client } = parts;
  const log = deps.logger.scope('core');
  let context: ClubContext | null = null;
  let contextPromise: Promise<ClubContext> | null = null;

  const clubContext = (): Promise<ClubContext> => {
    if (context) return Promise.resolve(context);
    contextPromise ??= client.getClubContext().then(
      (c) => (context = c),
      (error: unknown) => {
        contextPromise = null;
        throw error;
      },
    );
    return contextPromise;
  };

  const store = dbSyncStore({ db, clubContext, historyAsRead: () => deps.historyAsRead(), clock: deps.clock });

  const sync = deps.syncEngine
    ? deps.syncEngine({ db, client, store, clubContext })
    : {
        engine: createSyncEngine({ client, store, events: deps.events, clock: deps.clock, logger: deps.logger, intervalSeconds: deps.intervalSeconds() }),
        close: () => Promise.resolve(),
      };
  const { engine } = sync;

  let ownerRetry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  async function ensureOwnOwner(): Promise<void> {
    if (closed || db.owners.list().length > 0) return;
    try {
      const ctx = await clubContext();
      if (closed) return;
      db.owners.upsert({ ownerId: ctx.loggedInUserId, name: ctx.loggedInUserName });
      engine.refreshOwners();
    } catch (error) {
      log.warn('could not read the club context yet; retrying in 30 s', { error });
      ownerRetry = setTimeout(() => void ensureOwnOwner(), 30_000);
    }
  }

  return {
    mode: parts.mode,
    username: parts.username,
    baseUrl: parts.baseUrl,
    account: parts.account,
    db,
    client,
    engine,
    clubContext,
    knownContext: () => context,
    refreshContext() {
      context = null;
      contextPromise = null;
    },
    async start() {
      await ensureOwnOwner();
      if (deps.teamDrivesPolling?.() !== true) engine.start();
    },
    async close() {
      closed = true;
      if (ownerRetry) clearTimeout(ownerRetry);
      await engine.stop();
      await sync.close();
      await client.signOut().catch((error: unknown) => log.info('sign-out at close failed', { error }));
      await parts.onClose();
    },
  };
}

/** The built-in simulator of demo mode; `dashboardShape` makes it serve another kind of dashboard (tests). */
export interface DemoOptions {
  seed?: number;
  liveIntervalMs?: number;
  historyDays?: number;
  dashboardShape?: DashboardShape;
}

/** When ClubOS names no zone: the one confirmed for this account, else the computer's. */
function fallbackTimeZoneFor(deps: SessionDeps, account: string): () => string {
  const zones = clubTimeZoneStore(deps.appDb);
  return () => zones.confirmed(account) ?? hostTimeZone();
}

export async function openDemoSession(
  deps: SessionDeps,
  demo: DemoOptions,
): Promise<Session> {
  const path = join(deps.dataDir, 'demo.sqlite');
  // The simulator invents its history afresh on every start: start its database afresh too.
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const { db } = openDatabase(path, { logger: deps.logger, clock: deps.clock });
  let simulator: ClubOSSimulator;
  try {
    simulator = await startSimulator({
      clock: deps.clock,
      seed: demo.seed ?? 7,
      history: { days: demo.historyDays ?? 90 },
      credentials: DEMO_CREDENTIALS,
      ...(demo.dashboardShape ? { dashboardShape: demo.dashboardShape } : {}),
    });
  } catch (error) {
    db.close();
    throw error;
  }
  if (demo.liveIntervalMs) simulator.startLive(demo.liveIntervalMs);
  const me = simulator.staff.find((s) => s.id === simulator.loggedInUserId);
  db.owners.upsert({ ownerId: simulator.loggedInUserId, name: me?.name ?? 'My Messages' });
  const client = createClubOSClient({
    baseUrl: simulator.baseUrl,
    ...DEMO_CREDENTIALS,
    clock: deps.clock,
    logger: deps.logger,
    fallbackTimeZone: fallbackTimeZoneFor(deps, DEMO_ACCOUNT),
  });
  return buildSession(deps, {
    mode: 'demo',
    username: null,
    baseUrl: simulator.baseUrl,
    account: DEMO_ACCOUNT,
    db,
    client,
    async onClose() {
      simulator.stopLive();
      await simulator.close();
      db.close();
    },
  });
}

/** A real ClubOS account. Its data lives in the app database, which holds one account at a time. */
export function openAccountSession(deps: SessionDeps, credentials: Credentials): Session {
  const account = `${credentials.baseUrl}|${credentials.username.toLowerCase()}`;
  const db = deps.appDb;
  const previous = db.settings.get('account', z.string());
  if (previous !== undefined && previous !== account) {
    // Another login's club: its members are not this user's to see.
    for (const owner of db.owners.list()) db.owners.remove(owner.ownerId);
    deps.logger.scope('core').info('signed in as a different ClubOS account: previous account data removed');
  }
  db.settings.set('account', account);
  const client = createClubOSClient({ ...credentials, clock: deps.clock, logger: deps.logger, fallbackTimeZone: fallbackTimeZoneFor(deps, account) });
  return buildSession(deps, {
    mode: 'signed_in',
    username: credentials.username,
    baseUrl: credentials.baseUrl,
    account,
    db,
    client,
    onClose: () => Promise.resolve(),
  });
}
