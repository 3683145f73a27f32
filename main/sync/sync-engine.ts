// One polling loop per owner (whose inbox). Each poll fetches the whole inbox, reconciles it
// against what is stored, and writes the new messages with their conversations and the owner's
// sync state in one store call. An idle poll writes nothing. Failures back off per owner, so
// one owner's trouble never stalls the others; wrong credentials stop the owner until the user
// signs in again.
import type { ApiError, SyncOwnerStatus, SyncStatus } from '../../common/contract';
import type { ClubOSId } from '../../common/clubos-id';
import type { ClubOSClient } from '../clubos/types';
import { isClubOSError } from '../../common/errors/clubos-error';
import { toApiError } from '../../common/errors/app-error';
import type { EventBus } from '../../common/event-bus';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { createCrashPolicy, CRASH_LIMIT, type CrashPolicy } from '../crash/crash-policy';
import { backoffDelayMs } from './backoff';
import { createRowMemo, type RowMemo } from '../clubos/parse/row-memo';
import { reconcile, snapshotDateRange, snapshotKeys, type NewInboxMessage } from './reconcile';
import { createKeyMemo, messageKey } from './message-key';
import { splitImport } from './import-window';
import type { OwnerRecord } from '../../db/types';
import type { StoredHistory, SyncStore } from './sync-store';

export const MIN_INTERVAL_SECONDS = 5;
export const MAX_INTERVAL_SECONDS = 600;
export const DEFAULT_INTERVAL_SECONDS = 10;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface SyncEngineOptions {
  client: ClubOSClient;
  store: SyncStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  random?: () => number;
  intervalSeconds?: number;
}

export interface SyncEngine {
  /** Starts polling every enabled owner now. */
  start(): void;
  /** Stops polling: cancels timers, aborts in-flight polls and waits for them to settle. */
  stop(): Promise<void>;
  /** Polls one owner (or all) now, joining a poll already in flight; resolves when done. */
  syncNow(ownerId?: ClubOSId): Promise<SyncStatus>;
  setIntervalSeconds(seconds: number): SyncStatus;
  /** Re-reads the owners from the store (after one was added, removed, enabled or disabled). */
  refreshOwners(): void;
  status(): SyncStatus;
}

interface OwnerLoop {
  record: OwnerRecord;
  state: SyncOwnerStatus['state'];
  timer: ReturnType<typeof setTimeout> | null;
  nextRunAt: number | null;
  inFlight: Promise<void> | null;
  abort: AbortController | null;
  lastSuccessAt: number | null;
  lastError: ApiError | null;
  consecutiveFailures: number;
  addedLastPoll: number;
  historyImported: boolean;
  keyMemo: ReturnType<typeof createKeyMemo>;
  /** The rows of the last page read, by markup, so the next poll reads only the rows that changed. */
  rowMemo: RowMemo;
  /** Unexpected errors (bugs, not ClubOS trouble): restart the loop, or stop after too many. */
  crashes: CrashPolicy;
}

/** A loop restarted after an unexpected error waits this long, so a crash never spins. */
const RESTART_DELAY_MS = 1_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { client, store, events, clock } = options;
  const log = options.logger.scope('sync');
  const random = options.random ?? Math.random;
  let intervalMs = clampInterval(options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * 1000;
  let polling = false;
  const loops = new Map<ClubOSId, OwnerLoop>();

  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

  function ownerStatus(loop: OwnerLoop): SyncOwnerStatus {
    return {
      ownerId: loop.record.ownerId,
      ownerName: loop.record.name,
      state: loop.state,
      lastSuccessAt: iso(loop.lastSuccessAt),
      lastError: loop.lastError,
      nextRunAt: iso(loop.nextRunAt),
      consecutiveFailures: loop.consecutiveFailures,
      addedLastPoll: loop.addedLastPoll,
      historyImported: loop.historyImported,
    };
  }

  function status(): SyncStatus {
    return { polling, intervalSeconds: intervalMs / 1000, owners: [...loops.values()].map(ownerStatus) };
  }

  function emitStatus(): void {
    events.emit({ type: 'syncStatusChanged', status: status() });
  }

  function clearTimer(loop: OwnerLoop): void {
    if (loop.timer) clearTimeout(loop.timer);
    loop.timer = null;
    loop.nextRunAt = null;
  }

  function schedule(loop: OwnerLoop, delayMs: number): void {
    clearTimer(loop);
    if (!polling || !loops.has(loop.record.ownerId)) return;
    loop.nextRunAt = clock.now() + delayMs;
    loop.timer = setTimeout(() => {
      loop.timer = null;
      void poll(loop);
    }, delayMs);
  }

  function poll(loop: OwnerLoop): Promise<void> {
    if (loop.inFlight) return loop.inFlight;
    clearTimer(loop);
    loop.inFlight = runPoll(loop).finally(() => {
      loop.inFlight = null;
      loop.abort = null;
    });
    return loop.inFlight;
  }

  /**
   * The inbox's rows not yet stored, and its zone. The snapshot stays in here, so its rows (a
   * first import lists 100,000) and their keys are let go before the poll writes for seconds.
   */
  async function newRows(loop: OwnerLoop, signal: AbortSignal, seen: (rows: number) => void): Promise<{ fresh: NewInboxMessage[]; timeZone: string }> {
    const ownerId = loop.record.ownerId;
    // A first import's rows and keys are not memoized: the memos would hold each row's markup,
    // key and text (tens of MB at 100,000) all through the import's seconds of writing, for the next
    // poll's sake, which can as well read them once and memoize them then.
    loop.rowMemo.nextPage();
    const snapshot = await client.getInbox(ownerId, signal, loop.historyImported ? loop.rowMemo : undefined);
    if (signal.aborted) throw signal.reason;
    seen(snapshot.rows.length);
    const range = snapshotDateRange(snapshot.rows);
    loop.keyMemo.nextPoll();
    const keys = await snapshotKeys(snapshot.rows, loop.historyImported ? loop.keyMemo.keyOf : messageKey);
    if (signal.aborted) throw signal.reason;
    const fresh = range ? reconcile(ownerId, snapshot.rows, store.storedKeys(ownerId, range.from, range.to), keys) : [];
    return { fresh, timeZone: snapshot.timeZone };
  }

  async function runPoll(loop: OwnerLoop): Promise<void> {
    const ownerId = loop.record.ownerId;
    const started = clock.now();
    const abort = new AbortController();
    loop.abort = abort;
    loop.state = 'syncing';
    emitStatus();
    let rowsSeen = 0;
    try {
      // Recorded before the first request: texts later than this moment are live, even when this
      // import is interrupted and a later attempt (after a restart, too) finishes it.
      const importStart = loop.historyImported ? null : store.beginImport(ownerId, clock.now());
      const { fresh, timeZone } = await newRows(loop, abort.signal, (rows) => (rowsSeen = rows));
      const split = importStart ? splitImport(fresh, importStart, timeZone) : null;
      const live = split ? split.live : fresh;
      // Only what changes the stored state is written: new rows, the first import, or the end of a failure streak.
      const mustRecord = fresh.length > 0 || split !== null || loop.consecutiveFailures > 0;
      const at = clock.now();
      // History is announced (quietly) as each of its transactions commits: the window fills in
      // while a long import goes on.
      const announceHistory = (stored: StoredHistory): void => {
        events.emit({ type: 'messagesAdded', ownerId, conversationIds: stored.conversationIds, count: stored.added, quiet: true, ...stored.changes });
      };
      const result = mustRecord
        ? await store.writePoll({ ownerId, rows: live, history: split && { recent: split.recent, older: split.older }, timeZone, at }, announceHistory)
        : { added: 0, conversationIds: [], historyAdded: 0, historyConversationIds: [], changes: null };
      const quiet = split !== null && live.length === 0;
      loop.historyImported = true;
      loop.lastSuccessAt = at;
      loop.lastError = null;
      loop.consecutiveFailures = 0;
      loop.addedLastPoll = result.added + result.historyAdded;
      loop.state = polling ? 'idle' : 'stopped';
      // The announcement carries what its rows changed (see PollWriteResult).
      if (result.added > 0 && result.changes) {
        events.emit({ type: 'messagesAdded', ownerId, conversationIds: result.conversationIds, count: result.added, quiet: false, ...result.changes });
      }
      const rowsAdded = result.added + result.historyAdded;
      log.info('poll', { owner: ownerId, durationMs: clock.now() - started, rowsSeen, rowsAdded, outcome: 'ok', quiet, liveDuringImport: split ? live.length : 0 });
      schedule(loop, intervalMs);
    } catch (error) {
      if (abort.signal.aborted) {
        loop.state = polling && loops.has(ownerId) ? 'idle' : 'stopped';
        log.info('poll', { owner: ownerId, durationMs: clock.now() - started, rowsSeen, rowsAdded: 0, outcome: 'aborted' });
        return;
      }
      const apiError = toApiError(error);
      loop.consecutiveFailures++;
      loop.lastError = apiError;
      loop.addedLastPoll = 0;
      const credentials = isClubOSError(error) && error.kind === 'credentials';
      const unexpected = !isClubOSError(error);
      if (unexpected) {
        restartAfterCrash(loop, error, rowsSeen);
        return;
      }
      try {
        store.recordFailure(ownerId, apiError, loop.consecutiveFailures);
      } catch (storeError) {
        log.error('could not record a sync failure', { owner: ownerId, error: storeError });
      }
      if (credentials) {
        // ClubOS refused the password: retrying would only lock the account. Wait for the user.
        loop.state = 'auth_failed';
        clearTimer(loop);
      } else {
        loop.state = polling ? 'backing_off' : 'stopped';
        schedule(loop, backoffDelayMs(loop.consecutiveFailures, intervalMs, MAX_BACKOFF_MS, random));
      }
      log.warn('poll', {
        owner: ownerId,
        durationMs: clock.now() - started,
        rowsSeen,
        rowsAdded: 0,
        outcome: apiError.code,
        consecutiveFailures: loop.consecutiveFailures,
      });
    } finally {
      emitStatus();
    }
  }

  /**
   * An error that is not ClubOS's (a bug in parsing, reconciling or storing): logged with its
   * context, and the owner's loop starts afresh (new key memo, owner record re-read). Five such
   * crashes within five minutes stop that owner's sync, and its status says so.
   */
  function restartAfterCrash(loop: OwnerLoop, error: unknown, rowsSeen: number): void {
    const ownerId = loop.record.ownerId;
    const verdict = loop.crashes.record();
    log.error('poll crashed', { owner: ownerId, ownerName: loop.record.name, rowsSeen, crashesInWindow: loop.crashes.recent, verdict, error });
    loop.consecutiveFailures++;
    loop.addedLastPoll = 0;
    loop.keyMemo = createKeyMemo();
    loop.rowMemo = createRowMemo();
    try {
      const fresh = store.listOwners().find((o) => o.ownerId === ownerId);
      if (fresh) loop.record = fresh;
    } catch (storeError) {
      // The store failing too is logged; the loop restarts with the record it had.
      log.error('could not re-read the owner after a crash', { owner: ownerId, error: storeError });
    }
    if (verdict === 'give_up') {
      loop.lastError = {
        code: 'internal',
        message: `Sync of this inbox stopped after ${CRASH_LIMIT} unexpected errors within 5 minutes. The log folder has the details; Sync now tries again.`,
      };
      loop.state = 'stopped';
      clearTimer(loop);
    } else {
      loop.lastError = { code: 'internal', message: 'Sync hit an unexpected error and restarted. The log folder has the details.' };
      loop.state = polling ? 'backing_off' : 'stopped';
      schedule(loop, RESTART_DELAY_MS);
    }
    try {
      store.recordFailure(ownerId, loop.lastError, loop.consecutiveFailures);
    } catch (storeError) {
      log.error('could not record a sync failure', { owner: ownerId, error: storeError });
    }
  }

  function newLoop(record: OwnerRecord): OwnerLoop {
    return {
      record,
      state: polling ? 'idle' : 'stopped',
      timer: null,
      nextRunAt: null,
      inFlight: null,
      abort: null,
      lastSuccessAt: record.lastSuccessAt ? Date.parse(record.lastSuccessAt) : null,
      lastError: record.lastError,
      consecutiveFailures: record.consecutiveFailures,
      addedLastPoll: 0,
      historyImported: record.historyImported,
      keyMemo: createKeyMemo(),
      rowMemo: createRowMemo(),
      crashes: createCrashPolicy(() => clock.now()),
    };
  }

  function refreshOwners(): void {
    const wanted = new Map(store.listOwners().filter((o) => o.enabled).map((o) => [o.ownerId, o]));
    for (const [ownerId, loop] of loops) {
      if (wanted.has(ownerId)) continue;
      clearTimer(loop);
      loop.abort?.abort(new Error('owner removed'));
      loops.delete(ownerId);
    }
    for (const [ownerId, record] of wanted) {
      const existing = loops.get(ownerId);
      if (existing) {
        existing.record = { ...existing.record, name: record.name };
        continue;
      }
      const loop = newLoop(record);
      loops.set(ownerId, loop);
      if (polling) schedule(loop, 0);
    }
    emitStatus();
  }

  return {
    start() {
      if (polling) return;
      polling = true;
      if (loops.size === 0) refreshOwners();
      for (const loop of loops.values()) {
        if (loop.inFlight) continue;
        loop.state = 'idle';
        schedule(loop, 0);
      }
      emitStatus();
    },

    async stop() {
      polling = false;
      const pending: Promise<void>[] = [];
      for (const loop of loops.values()) {
        clearTimer(loop);
        if (loop.inFlight) {
          loop.abort?.abort(new Error('sync stopped'));
          pending.push(loop.inFlight);
        }
      }
      await Promise.allSettled(pending);
      for (const loop of loops.values()) loop.state = 'stopped';
      emitStatus();
    },

    async syncNow(ownerId) {
      if (loops.size === 0) refreshOwners();
      const targets = ownerId ? [loops.get(ownerId)].filter((l): l is OwnerLoop => l !== undefined) : [...loops.values()];
      // The user asking is the "try again" after a crash loop stopped an owner.
      for (const loop of targets) if (loop.crashes.stopped) loop.crashes.reset();
      await Promise.all(targets.map((loop) => poll(loop)));
      return status();
    },

    setIntervalSeconds(seconds) {
      intervalMs = clampInterval(seconds) * 1000;
      for (const loop of loops.values()) {
        // Idle loops pick up the new interval now; backing-off loops keep their backoff.
        if (loop.timer && loop.state === 'idle') schedule(loop, intervalMs);
      }
      emitStatus();
      return status();
    },

    refreshOwners,
    status,
  };
}

export function clampInterval(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_INTERVAL_SECONDS;
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, Math.round(seconds)));
}
