// The sync worker: the sync engine, the inbox reader, reconciliation and every write of a poll,
// in a process of their own, at a lower priority, with their own connection to the database. The
// main process keeps the ClubOS session (it fetches the inbox page and streams its bytes here) and
// the club context; it hears the engine's events (messagesAdded with its data, syncStatusChanged)
// as messages and emits them on its event bus. Runs as a Node child process and as an Electron
// utility process alike (parent-channel.ts).
import { openConnection, writeTurn } from '../../db';
import { createEventBus } from '../../common/event-bus';
import type { Logger, LogFields, LogLevel } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { ClubOSError } from '../../common/errors/clubos-error';
import { inboxSnapshotOf } from '../clubos/inbox-snapshot';
import { createInboxPageStream } from '../clubos/parse/inbox-page-stream';
import type { RowMemo } from '../clubos/parse/row-memo';
import type { ClubOSClient, InboxSnapshot } from '../clubos/types';
import type { ClubOSId } from '../../common/clubos-id';
import { createSyncEngine } from '../sync/sync-engine';
import { dbSyncStore } from '../services/db-sync-store';
import { toWireError, type EngineCalls, type FromWorker, type HostCalls, type SyncWorkerData, type ToWorker } from './protocol';
import { createRpc } from './rpc';
import { parentChannel } from './parent-channel';
import { lowerPriority } from './lower-priority';

const channel = parentChannel();
/** Its data is its last argument: after the script's path under Node; where Electron puts its own switches before it in a utility process, still last. */
const data = JSON.parse(process.argv.at(-1) ?? 'null') as SyncWorkerData;
const post = (message: FromWorker): void => channel.post(message);

function portLogger(scope: string): Logger {
  const write = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    // Errors do not survive structured cloning whole: send what the log shows of them.
    const plain = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? toWireError(v) : v]));
    try {
      post({ type: 'log', level, scope, message, fields: plain });
    } catch {
      post({ type: 'log', level, scope, message, fields: { unloggable: Object.keys(fields) } });
    }
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), scope: portLogger };
}

const logger = portLogger('sync-worker');
const unlowered = lowerPriority();
if (unlowered.length > 0) logger.warn('the sync worker could not lower its priority', { failures: unlowered });
/**
 * The worker's page cache, in KiB: half the main connection's. The worker writes (an import's
 * pages pass through once) and reads little; the main connection answers the window's reads. At
 * 16 MB a 100,000-text import takes as long as at 32 MB (13.8–15.1 s against 13.7–16.0 s) and the
 * app's peak is 17 MB lower (272–275 MB against 280–296 MB); at 8 MB it took 22–26 s.
 */
const WORKER_CACHE_KIB = 16_000;
const db = openConnection(data.dbPath, { logger, clock: systemClock, configure: (conn) => conn.pragma(`cache_size = -${WORKER_CACHE_KIB}`) });
const turn = writeTurn(data.writeTurnPath, 'sync');
db.shareWrites(turn);

/** Neither connection checkpoints at commit while writes are shared (FrontdeskDb.shareWrites): this one does, between imports' transactions and on a timer. */
const CHECKPOINT_EVERY_MS = 10_000;
setInterval(() => {
  try {
    db.checkpoint();
  } catch (error) {
    logger.warn('a checkpoint failed', { error });
  }
}, CHECKPOINT_EVERY_MS).unref();

const engineCalls = {
  start: () => {
    engine.start();
    return engine.status();
  },
  stop: async () => {
    await engine.stop();
    return engine.status();
  },
  syncNow: ([ownerId]: EngineCalls['syncNow']['args']) => engine.syncNow(ownerId),
  setIntervalSeconds: ([seconds]: EngineCalls['setIntervalSeconds']['args']) => engine.setIntervalSeconds(seconds),
  refreshOwners: () => {
    engine.refreshOwners();
    return engine.status();
  },
  /** The main process ends this process once it has the answer. */
  close: async () => {
    await engine.stop();
    db.shareWrites(null);
    db.close();
    turn.close();
    return null;
  },
};
const rpc = createRpc<HostCalls, EngineCalls>({ postMessage: post }, engineCalls);

const unavailable = (what: string) => (): Promise<never> => Promise.reject(new ClubOSError('rejected', `${what} is not done in the sync worker`));

/** The inbox pages being read, by stream number: each piece is read as it arrives (PageBytes). */
const pageReaders = new Map<number, (bytes: Uint8Array) => void>();
let nextStream = 1;

class ReadWhole extends Error {}

/**
 * One reading of the owner's inbox: the main thread streams the page's bytes here and each piece
 * is read as it comes (inbox-page-stream.ts), so the page is never whole in either process. A page
 * in an unusual shape, too long to have been kept, is read a second time whole (`whole`).
 */
async function readInbox(ownerId: ClubOSId, sessionLost: boolean, whole: boolean, signal: AbortSignal | undefined, memo: RowMemo | undefined): Promise<InboxSnapshot> {
  const page = createInboxPageStream({ whole, ...(memo ? { rowMemo: memo } : {}) });
  const stream = nextStream++;
  const giveUp = new AbortController();
  pageReaders.set(stream, (bytes) => {
    try {
      page.write(bytes);
      if (page.wholePageNeeded) giveUp.abort(new ReadWhole('the inbox page is read again whole'));
    } catch (error) {
      giveUp.abort(error);
    }
  });
  try {
    const meta = await rpc.call('getInboxPage', [ownerId, { sessionLost, stream }], signal ? AbortSignal.any([signal, giveUp.signal]) : giveUp.signal);
    const rows = page.end();
    if (rows) return inboxSnapshotOf(rows, meta);
  } catch (error) {
    if (!(error instanceof ReadWhole) || whole) throw error;
  } finally {
    pageReaders.delete(stream);
  }
  if (whole) throw new ClubOSError('parse', 'the inbox could not be read');
  logger.info('the inbox page strays from its usual shape; reading it again whole', { ownerId });
  return readInbox(ownerId, false, true, signal, memo);
}

/** The engine's client: the page comes from the main thread's session, and is read here. */
const client: ClubOSClient = {
  async getInbox(ownerId, signal, memo) {
    try {
      return await readInbox(ownerId, false, false, signal, memo);
    } catch (error) {
      // ClubOS's login page in place of the fragment: the session is gone. As the client does
      // for its own reads, sign in again (on the main thread) and read once more.
      if (!(error instanceof ClubOSError) || error.kind !== 'session') throw error;
      return readInbox(ownerId, true, false, signal, memo);
    }
  },
  signIn: unavailable('signing in'),
  getClubContext: unavailable('reading the club context'),
  getHistory: unavailable('reading a history'),
  send: unavailable('sending'),
  searchMember: unavailable('searching'),
  signOut: () => Promise.resolve(),
};

let historyAsRead = true;
const store = dbSyncStore({
  db,
  async clubContext() {
    const answer = await rpc.call('pollContext', []);
    historyAsRead = answer.historyAsRead;
    // Waiting is judged on this connection as on the main thread's (the threshold is per connection).
    db.conversations.setStaleImportThreshold(answer.staleImportMs);
    return answer.context;
  },
  historyAsRead: () => historyAsRead,
  clock: systemClock,
});

const events = createEventBus((error) => logger.error('an event subscriber failed', { error }));
events.subscribe(({ seq: _seq, ...event }) => post({ type: 'event', event }));
const engine = createSyncEngine({ client, store, events, clock: systemClock, logger, intervalSeconds: data.intervalSeconds });

channel.onMessage((message: ToWorker) => {
  if (message.type === 'pageBytes') {
    // A piece of a reading given up (aborted, or to be read whole) is dropped; either way the
    // main process hears it was read, so its pipe never waits on a reading nobody finishes.
    pageReaders.get(message.stream)?.(message.bytes);
    post({ type: 'pageRead', stream: message.stream, bytes: message.bytes.byteLength });
    return;
  }
  if (!rpc.receive(message)) logger.warn('the sync worker got a message it does not know', { type: message.type });
});
if (data.polling) engine.start();
post({ type: 'ready' });
