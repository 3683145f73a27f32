// The main process's side of the sync worker: a SyncEngine whose polls run in the worker, a
// process of its own at a lower priority (worker-process.ts, lower-priority.ts). Calls
// are forwarded; status() answers at once from the last status the worker reported; the
// worker's events are emitted on the main event bus with their data, their conversations and
// counts read again on the main connection (see relayed below). The main thread serves the
// worker the inbox pages (its signed-in ClubOS session fetches them and streams their bytes to
// the worker as they arrive, page-pipe.ts) and the club context.
//
// A worker that dies (a crash, an out-of-memory, a kill) is noticed, logged and started again a
// second later with the same settings; what it had committed stays, and the next poll stores the
// rest (reconciliation finds what is missing, the import's start is kept in the database). Five
// deaths within five minutes stop the restarts (the crash policy every loop here follows) until
// Sync now asks again.
import type { AppEventInput, SyncStatus } from '../../common/contract';
import type { ClubOSId } from '../../common/clubos-id';
import { AppError } from '../../common/errors/app-error';
import type { EventBus } from '../../common/event-bus';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { createCrashPolicy, CRASH_LIMIT } from '../crash/crash-policy';
import type { InboxPageSource } from '../clubos/types';
import { createWriteTurnFile, removeWriteTurnFile, writeTurn, type FrontdeskDb } from '../../db';
import { clampInterval, type SyncEngine } from '../sync/sync-engine';
import { conversationChanges } from '../services/change-feed';
import type { EngineCalls, HostCalls, PollContext, SyncWorkerData, ToWorker } from './protocol';
import { createPagePipe, type PagePipe } from './page-pipe';
import { createRpc, type Rpc, type RpcPort } from './rpc';
import { syncWorkerScript } from './worker-script';
import { forkWorkerProcess, type LaunchWorkerProcess, type WorkerProcess } from './worker-process';

export const WORKER_RESTART_DELAY_MS = 1_000;
const CLOSE_TIMEOUT_MS = 10_000;
/**
 * The worker's heap limit. Without one V8 lets garbage pile up to a large share of the machine's
 * memory before collecting; with it the heap stays near what is live. A first import holds its
 * rows, keys and reconciliation while it is written (the page streams in, never whole), and the largest inbox the
 * client accepts (64 MB, about 160,000 rows) fits; a worker that runs out is restarted like any
 * crash, and five in five minutes stop sync with a message.
 */
export const WORKER_HEAP_MB = 384;
/**
 * The worker's young generation, as V8's semi-space (the young generation is about three of them).
 * What a poll allocates and drops (a batch's drafts, statement arguments, a page's pieces) dies
 * young; V8's default lets up to 48 MB of it wait for the next scavenge. Kept small, a
 * 100,000-text first import peaked about 25 MB lower (figure 5 of `npm run bench`) and took no longer.
 */
export const WORKER_SEMI_SPACE_MB = 3;
export const WORKER_HEAP_FLAGS = [`--max-old-space-size=${WORKER_HEAP_MB}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];

export interface SyncWorkerOptions {
  /**
   * The main thread's connection to the database (opened, checked and migrated); the worker
   * opens its own to the same file, and the two take turns to write.
   */
  db: FrontdeskDb;
  pages: InboxPageSource;
  pollContext(): Promise<PollContext>;
  events: EventBus;
  logger: Logger;
  clock: Clock;
  intervalSeconds: number;
  /** Starts the worker's process; default a Node child process (the app passes Electron's utility process). */
  launch?: LaunchWorkerProcess;
  /** Sees each worker as it starts (tests kill one to prove a crash loses nothing). */
  onWorker?: (worker: WorkerProcess) => void;
}

export interface SyncWorkerHandle {
  readonly engine: SyncEngine;
  /** Stops polling, lets the worker close its connection, and ends it. */
  close(): Promise<void>;
}

class WorkerGone extends AppError {
  constructor(message: string) {
    super('internal', message);
  }
}

export function startSyncWorker(options: SyncWorkerOptions): SyncWorkerHandle {
  const log = options.logger.scope('sync');
  const launch = options.launch ?? forkWorkerProcess;
  const turn = writeTurn(createWriteTurnFile(), 'main');
  options.db.shareWrites(turn);
  const crashes = createCrashPolicy(() => options.clock.now());
  let polling = false;
  let intervalSeconds = clampInterval(options.intervalSeconds);
  let status: SyncStatus = { polling, intervalSeconds, owners: [] };
  let current: { worker: WorkerProcess; rpc: Rpc<EngineCalls>; exited: Promise<void> } | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  /** Resolves when the next worker is started (calls made between a crash and the restart wait for it). */
  let started: { promise: Promise<void>; resolve(): void } = deferred();
  let closing = false;

  /** What the worker may ask of the main thread; `pipes` are the inbox pages being streamed to it. */
  const hostCalls = (port: RpcPort, pipes: Map<number, PagePipe>) => ({
    getInboxPage: async ([ownerId, { sessionLost, stream }]: HostCalls['getInboxPage']['args'], signal: AbortSignal) => {
      // The call's signal is aborted when the worker gives the reading up or dies (rpc.failAll):
      // the pipe's writes then fail, and with them the transport's read, which drops the connection.
      const pipe = createPagePipe(port, stream, signal);
      pipes.set(stream, pipe);
      try {
        const meta = await options.pages.streamInboxPage(ownerId, (bytes) => pipe.write(bytes), signal, { sessionLost });
        pipe.flush();
        return meta;
      } finally {
        pipes.delete(stream);
      }
    },
    pollContext: () => options.pollContext(),
  });

  /**
   * A worker's event as the main bus emits it. The worker read its conversations and counts right
   * after its commit, but the message waits on its way while the main thread writes (a mark
   * handled, a read, a reply) and emits events of its own with newer counts; the worker's,
   * emitted after them, would put older counts back on the badge and the filters. Read here, on
   * the main connection at the moment of emitting, they include every commit before this event
   * (the worker's own included: it posts after committing), so the last event a window got
   * always carries the counts as they are.
   */
  function relayed(event: AppEventInput): AppEventInput {
    if (event.type !== 'messagesAdded') return event;
    return { ...event, ...conversationChanges(options.db, event.ownerId, event.conversationIds, options.clock.now()) };
  }

  function spawn(): void {
    restartTimer = null;
    const script = syncWorkerScript();
    const data: SyncWorkerData = { dbPath: options.db.path, intervalSeconds, polling, writeTurnPath: turn.path };
    const worker = launch({ filename: script.filename, execArgv: [...script.execArgv, ...WORKER_HEAP_FLAGS], data: JSON.stringify(data) });
    const port: RpcPort = { postMessage: (message) => worker.post(message as ToWorker) };
    const pipes = new Map<number, PagePipe>();
    const rpc = createRpc<EngineCalls, HostCalls>(port, hostCalls(port, pipes));
    worker.onMessage((message) => {
      if (rpc.receive(message)) return;
      if (message.type === 'pageRead') {
        pipes.get(message.stream)?.read(message.bytes);
      } else if (message.type === 'event') {
        if (message.event.type === 'syncStatusChanged') status = message.event.status;
        options.events.emit(relayed(message.event));
      } else if (message.type === 'log') {
        options.logger.scope(message.scope)[message.level](message.message, message.fields);
      }
    });
    const exited = new Promise<void>((resolve) => {
      worker.onExit((code, error) => {
        turn.peerGone();
        resolve();
        if (current?.worker !== worker) return;
        current = null;
        rpc.failAll(new WorkerGone('the sync worker stopped'));
        if (!closing) died(code, error);
      });
    });
    current = { worker, rpc, exited };
    options.onWorker?.(worker);
    started.resolve();
  }

  function died(code: number | null, error: unknown): void {
    const verdict = crashes.record();
    log.error('the sync worker stopped unexpectedly', { exitCode: code, error, crashesInWindow: crashes.recent, verdict });
    started = deferred();
    const message =
      verdict === 'give_up'
        ? `Sync stopped after ${CRASH_LIMIT} unexpected errors within 5 minutes. The log folder has the details; Sync now tries again.`
        : 'Sync hit an unexpected error and restarted. The log folder has the details.';
    status = {
      ...status,
      owners: status.owners.map((o) => ({ ...o, state: verdict === 'give_up' ? 'stopped' : 'backing_off', lastError: { code: 'internal', message } })),
    };
    options.events.emit({ type: 'syncStatusChanged', status });
    if (verdict === 'restart') restartTimer = setTimeout(spawn, WORKER_RESTART_DELAY_MS);
  }

  /** A call on the running worker; one made while it restarts waits for the new one. */
  async function call<M extends keyof EngineCalls>(method: M, args: EngineCalls[M]['args']): Promise<EngineCalls[M]['result']> {
    if (closing) throw new WorkerGone('sync is closed');
    if (!current) {
      if (crashes.stopped) {
        crashes.reset();
        spawn();
      } else await started.promise;
    }
    if (!current) throw new WorkerGone('the sync worker is not running');
    return current.rpc.call(method, args);
  }

  const remember = (next: SyncStatus): SyncStatus => (status = next);
  const logFailure = (what: string) => (error: unknown) => {
    if (!(error instanceof WorkerGone)) log.error(`the sync worker could not ${what}`, { error });
  };

  const engine: SyncEngine = {
    start() {
      polling = true;
      status = { ...status, polling };
      call('start', []).then(remember, logFailure('start polling'));
    },
    async stop() {
      polling = false;
      status = { ...status, polling };
      if (!current) return;
      try {
        remember(await call('stop', []));
      } catch (error) {
        if (!(error instanceof WorkerGone)) throw error;
      }
    },
    async syncNow(ownerId?: ClubOSId) {
      try {
        return remember(await call('syncNow', [ownerId]));
      } catch (error) {
        // The worker died under this sync: its successor does the sync asked for.
        if (!(error instanceof WorkerGone) || closing) throw error;
        return remember(await call('syncNow', [ownerId]));
      }
    },
    setIntervalSeconds(seconds) {
      intervalSeconds = clampInterval(seconds);
      status = { ...status, intervalSeconds };
      call('setIntervalSeconds', [seconds]).then(remember, logFailure('change the interval'));
      return status;
    },
    refreshOwners() {
      call('refreshOwners', []).then(remember, logFailure('re-read the inboxes'));
    },
    status: () => status,
  };

  spawn();

  return {
    engine,
    async close() {
      closing = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = current;
      if (running) {
        // The worker stops its engine and closes its connection, then is ended; one that does
        // not answer in time is ended all the same (SQLite's journal undoes what it had begun).
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
        await Promise.race([running.rpc.call('close', []), timeout]).catch((error: unknown) => log.warn('the sync worker did not close cleanly', { error }));
        running.worker.kill();
        await running.exited;
        current = null;
      }
      options.db.shareWrites(null);
      turn.close();
      removeWriteTurnFile(turn.path);
    },
  };
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
