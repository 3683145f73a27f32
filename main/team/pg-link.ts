// The link from one desk to a PostgreSQL team store. One connection for work, one that LISTENs.
// A cycle (never two at once) pushes the local outbox, pulls the changes after the last one
// applied, applies them, and renews the desk's poll leases; it runs when something is written
// here (kick), when the store NOTIFYs, and every half lease. Losing the store makes the desk
// `offline`: everything goes on locally and waits in the outbox; after a lease's length offline
// the desk polls its inboxes itself, as when alone, until the store is back.
import pg from 'pg';
import { z } from 'zod';
import type { StaffMember } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import { applyChanges } from './apply-change';
import { describeServer } from './connection-string';
import * as store from './pg-store';
import type { TeamLink, TeamLinkFactory, TeamLinkOptions, TeamLinkStatus } from './team-link';
import type { Lease, PresenceSignal } from './types';

const PUSH_BATCH = 500;
const PULL_BATCH = 1000;
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 20_000;
const MAX_RECONNECT_MS = 30_000;
const APPLIED_KEY = 'team.applied';
const appliedSchema = z.object({ storeId: z.string(), seq: z.number().int().nonnegative() });
const presenceSchema = z.object({
  deskId: z.string().min(1).max(100),
  staff: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) }),
  key: z.string().min(1).max(400),
  state: z.enum(['viewing', 'replying', 'none']),
  ttlMs: z.number().int().min(1000).max(120_000),
});

function clientConfig(connectionString: string): pg.ClientConfig {
  return {
    connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'frontdesk',
  };
}

/** What a failure says to staff: pg's message without the connection string (which it never contains), or the socket error's. */
function describeError(error: unknown): string {
  if (error instanceof store.TeamStoreError) return error.message;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNREFUSED') return 'The team server refused the connection (is PostgreSQL running there, on that port?).';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The team server name could not be found.';
    if (code === 'ETIMEDOUT' || /timeout/i.test(error.message)) return 'The team server did not answer in time.';
    if (code === '28P01' || code === '28000') return 'The team server refused the user name or password.';
    if (code === '3D000') return 'The database named in the connection string does not exist on the team server.';
    return error.message.replace(/postgres(ql)?:\/\/\S+/gi, '(connection string)');
  }
  return 'Unknown error.';
}

export const pgTeamLink: TeamLinkFactory = Object.assign(
  (options: TeamLinkOptions): TeamLink => createPgLink(options),
  {
    async probe(connectionString: string, logger: Logger) {
      const client = new pg.Client(clientConfig(connectionString));
      client.on('error', () => undefined);
      try {
        await client.connect();
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        return { ok: true, message: 'Connected to the team server.', serverVersion: rows[0]?.server_version ?? null };
      } catch (error) {
        logger.scope('team').info('team connection test failed', { server: describeServer(connectionString), reason: describeError(error) });
        return { ok: false, message: describeError(error), serverVersion: null };
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  },
);

function createPgLink(o: TeamLinkOptions): TeamLink {
  const log = o.logger.scope('team');
  const server = describeServer(o.connectionString);
  let state: TeamLinkStatus['state'] = 'connecting';
  let lastError: string | null = null;
  let lastSyncAt: number | null = null;
  let leases: Lease[] = [];
  /** Local clock time until which this desk may poll each inbox it holds. */
  const heldUntil = new Map<string, number>();
  let polled = new Set<string>();
  let work: pg.Client | null = null;
  let listener: pg.Client | null = null;
  let storeId: string | null = null;
  let closed = false;
  let failures = 0;
  const startedAt = o.clock.now();
  let offlineSince: number | null = startedAt;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let kickTimer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];

  const status = (): TeamLinkStatus => ({ state, server, lastError, lastSyncAt, leases: [...leases] });
  const report = (): void => o.onStatus(status());

  function pollingSet(): Set<string> {
    const now = o.clock.now();
    const offlineLong = offlineSince !== null && now - offlineSince > o.leaseMs();
    const set = new Set<string>();
    for (const ownerId of o.ownerIds()) {
      if (offlineLong || (heldUntil.get(ownerId) ?? 0) > now) set.add(ownerId);
    }
    return set;
  }

  function checkPolling(): void {
    const next = pollingSet();
    const same = next.size === polled.size && [...next].every((id) => polled.has(id));
    polled = next;
    if (!same) o.onLeasesChanged?.();
  }

  async function disconnect(): Promise<void> {
    const clients = [work, listener].filter((c): c is pg.Client => c !== null);
    work = null;
    listener = null;
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }

  function lost(error: unknown): void {
    if (closed) return;
    const reason = describeError(error);
    const stranded = waiters;
    waiters = [];
    for (const w of stranded) w.reject(new Error(`team store offline: ${reason}`));
    if (state !== 'offline' || lastError !== reason) log.warn('team store unreachable', { server, reason });
    state = 'offline';
    lastError = reason;
    offlineSince ??= o.clock.now();
    report();
    void disconnect();
    scheduleReconnect();
    checkPolling();
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    failures++;
    const delay = Math.min(MAX_RECONNECT_MS, 500 * 2 ** Math.min(failures, 6)) * (0.75 + Math.random() * 0.5);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect();
    }, delay);
    reconnectTimer.unref?.();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const w = new pg.Client(clientConfig(o.connectionString));
    const l = new pg.Client(clientConfig(o.connectionString));
    for (const c of [w, l]) {
      c.on('error', (error) => {
        if (work === w || listener === l) lost(error);
      });
      c.on('end', () => {
        if (!closed && (work === w || listener === l)) lost(new Error('The connection to the team server closed.'));
      });
    }
    try {
      await w.connect();
      await l.connect();
      await store.migrate(w);
      storeId = await store.storeId(w);
      l.on('notification', (n) => {
        if (n.channel === store.CHANGES_CHANNEL) kick(0);
        else if (n.channel === store.PRESENCE_CHANNEL) receivePresence(n.payload);
      });
      await l.query(`LISTEN ${store.CHANGES_CHANNEL}`);
      await l.query(`LISTEN ${store.PRESENCE_CHANNEL}`);
      if (closed) {
        await Promise.all([w.end(), l.end()]).catch(() => undefined);
        return;
      }
      work = w;
      listener = l;
      failures = 0;
      state = 'online';
      lastError = null;
      offlineSince = null;
      log.info('team store online', { server });
      report();
      kick(0);
    } catch (error) {
      await Promise.all([w.end(), l.end()]).catch(() => undefined);
      lost(error);
    }
  }

  function receivePresence(payload: string | undefined): void {
    try {
      const signal = presenceSchema.parse(JSON.parse(payload ?? ''));
      if (signal.deskId !== o.deskId) o.onPresence(signal);
    } catch {
      log.info('ignored a malformed presence signal');
    }
  }

  const appliedSeq = (): number => {
    const saved = o.db.settings.get(APPLIED_KEY, appliedSchema);
    return saved && saved.storeId === storeId ? saved.seq : 0;
  };

  async function cycleOnce(): Promise<void> {
    const client = work;
    if (!client || !storeId) return;
    const me: StaffMember = o.me();
    const desk = { deskId: o.deskId, staff: me };
    // Push everything captured so far, in order.
    for (;;) {
      const entries = o.db.team.outbox.peek(PUSH_BATCH);
      if (entries.length === 0) break;
      const result = await store.push(client, desk, entries);
      o.db.team.outbox.removeThrough(result.pushedThrough);
      if (entries.length < PUSH_BATCH) break;
    }
    // A store that went back in time (restored from a backup, or a server that lost committed
    // work) has fewer changes than this desk applied: this desk sends everything it knows again
    // and reads the store from the start, so what the store lost comes back from the desks.
    const latest = await store.latestSeq(client);
    if (appliedSeq() > latest) {
      log.warn('the team store has fewer changes than this desk applied; sending this desk\'s state again', { applied: appliedSeq(), latest });
      o.db.transaction(() => {
        o.db.team.setCapturing(false);
        o.db.team.setCapturing(true);
        o.db.settings.set(APPLIED_KEY, { storeId, seq: 0 });
      });
      kick(0);
      return;
    }
    // Then everything the store has that this desk has not applied.
    for (;;) {
      const after = appliedSeq();
      const changes = await store.pull(client, after, PULL_BATCH);
      if (changes.length === 0) break;
      const last = changes[changes.length - 1]!.seq;
      const effects = o.db.transaction(() => {
        const applied = applyChanges({ db: o.db, deskId: o.deskId, me, logger: o.logger }, changes);
        o.db.settings.set(APPLIED_KEY, { storeId, seq: last });
        return applied;
      });
      o.onApplied(effects);
      if (changes.length < PULL_BATCH) break;
    }
    // Then the poll leases: this desk asks for every inbox it syncs.
    const asked = o.clock.now();
    const ttl = o.leaseMs();
    const renewed = await store.renewLeases(client, desk, o.ownerIds(), ttl);
    leases = renewed.leases;
    heldUntil.clear();
    for (const lease of leases) {
      // Counted from before the request, on this desk's clock: never longer than the store grants.
      if (lease.deskId === o.deskId) heldUntil.set(lease.ownerId, asked + Math.min(ttl, lease.expiresAt - renewed.now));
    }
    lastSyncAt = o.clock.now();
    report();
    checkPolling();
  }

  function cycle(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await cycleOnce();
        } while (again && !closed && work);
        const done = waiters;
        waiters = [];
        for (const w of done) w.resolve();
      } catch (error) {
        lost(error);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function kick(delayMs = 25): void {
    if (closed || !work) return;
    if (kickTimer) return;
    kickTimer = setTimeout(() => {
      kickTimer = null;
      void cycle();
    }, delayMs);
    kickTimer.unref?.();
  }

  return {
    start() {
      heartbeat = setInterval(() => {
        checkPolling();
        if (work) void cycle();
      }, Math.max(1000, Math.floor(o.leaseMs() / 2)));
      heartbeat.unref?.();
      report();
      void connect();
    },

    async close() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (kickTimer) clearTimeout(kickTimer);
      await running?.catch(() => undefined);
      const client = work;
      if (client) {
        // Let go of the leases so another desk takes over at once, and push what is left.
        try {
          await cycleOnce();
          await store.releaseLeases(client, o.deskId);
        } catch (error) {
          log.info('could not finish with the team store at close', { reason: describeError(error) });
        }
      }
      await disconnect();
      for (const w of waiters) w.reject(new Error('team link closed'));
      waiters = [];
    },

    kick: () => kick(),

    flush() {
      if (!work) return Promise.reject(new Error(`team store ${state}${lastError ? `: ${lastError}` : ''}`));
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        void cycle().then(() => {
          // A cycle that had already started may have missed the latest writes: one more.
          if (waiters.length > 0) void cycle();
        });
      });
    },

    publishPresence(signal) {
      // On the listening connection: never inside a push transaction of the working one.
      const client = listener;
      if (!client) return;
      const payload: PresenceSignal = { ...signal, deskId: o.deskId, staff: o.me() };
      store.publishPresence(client, JSON.stringify(payload)).catch((error: unknown) => lost(error));
    },

    async staff() {
      if (!work) return [];
      return store.staffSeen(work);
    },

    pollsOwner: (ownerId) => pollingSet().has(ownerId),

    async responseEvents(range) {
      if (!work) throw new Error('the team store is not reachable');
      return store.responseEvents(work, range);
    },
  };
}
