// The app's core sync stack in a process of its own, for the kill soak: the real database file,
// the real ClubOS client, the app's db-backed store and the sync engine, as a process start builds
// them. The parent polls it over IPC and kills it with SIGKILL at random moments; it can also be
// told to SIGKILL itself right after a message insert, inside that insert's transaction. Its clock
// is the club's, set by the parent with every poll, so the parent can jump it while it is dead.
import { openDatabase, type FrontdeskDb } from '../../db';
import { createClubOSClient } from '../../main/clubos/client';
import { dbSyncStore } from '../../main/services/db-sync-store';
import { createEventBus } from '../../common/event-bus';
import { silentLogger } from '../../common/log/logger';
import { createSyncEngine } from '../../main/sync/sync-engine';
import { manualClock } from '../../common/time/manual-clock';
import { childConfigSchema, toChildSchema, type FromChild } from './kill-soak-messages';

const send = (message: FromChild): void => {
  process.send?.(message);
};

/** The database the store writes through: every insert counts down to a self-inflicted SIGKILL. */
function dyingDb(db: FrontdeskDb, killSwitch: { insertsLeft: number | null }): FrontdeskDb {
  return {
    path: db.path,
    shareWrites: (turn) => db.shareWrites(turn),
    checkpoint: () => db.checkpoint(),
    writeWaiting: () => db.writeWaiting(),
    inWriteTurn: (work) => db.inWriteTurn(work),
    conversations: db.conversations,
    owners: db.owners,
    settings: db.settings,
    outreach: db.outreach,
    knowledge: db.knowledge,
    drafts: db.drafts,
    actionLog: db.actionLog,
    reports: db.reports,
    team: db.team,
    messages: {
      ...db.messages,
      insert(batch, options) {
        const result = db.messages.insert(batch, options);
        if (killSwitch.insertsLeft !== null && --killSwitch.insertsLeft <= 0) process.kill(process.pid, 'SIGKILL');
        return result;
      },
    },
    transaction: (fn) => db.transaction(fn),
    search: (query) => db.search(query),
    searchPeople: (query) => db.searchPeople(query),
    close: () => db.close(),
  };
}

function main(): void {
  const config = childConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const clock = manualClock(config.now);
  const { db } = openDatabase(config.dbPath, { clock, logger: silentLogger });
  for (const owner of config.owners) if (!db.owners.get(owner.ownerId)) db.owners.upsert(owner);
  const client = createClubOSClient({
    baseUrl: config.baseUrl,
    username: config.username,
    password: config.password,
    clock,
    logger: silentLogger,
    timeoutMs: config.timeoutMs,
    sleep: (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    },
  });
  const killSwitch: { insertsLeft: number | null } = { insertsLeft: null };
  const store = dbSyncStore({ db: dyingDb(db, killSwitch), clubContext: () => client.getClubContext(), historyAsRead: () => true, clock });
  const engine = createSyncEngine({ client, store, events: createEventBus(), clock, logger: silentLogger, random: () => 0.5 });

  process.on('message', (raw: unknown) => {
    const message = toChildSchema.parse(raw);
    if (message.type === 'close') {
      void engine.stop().then(() => {
        db.close();
        process.disconnect?.();
      });
      return;
    }
    clock.set(message.now);
    killSwitch.insertsLeft = message.dieAtInsert;
    void (async () => {
      for (const owner of config.owners) await engine.syncNow(owner.ownerId);
      killSwitch.insertsLeft = null;
      const owners = engine.status().owners.map((o) => ({
        ownerId: o.ownerId,
        consecutiveFailures: o.consecutiveFailures,
        historyImported: o.historyImported,
        lastError: o.lastError?.code ?? null,
      }));
      send({ type: 'polled', requestId: message.requestId, owners });
    })().catch((error: unknown) => send({ type: 'failed', message: String(error) }));
  });
  send({ type: 'ready' });
}

try {
  main();
} catch (error) {
  send({ type: 'failed', message: String(error) });
  process.exit(1);
}
