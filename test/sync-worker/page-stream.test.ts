// The inbox page on its way from the main process to the sync worker: streamed in pieces the worker
// reads as they come, with a page source of the test's own in place of ClubOS so each piece and
// each failure is the test's to time. Whatever happens to the reading (a worker killed, a poll
// stopped, a page that breaks off) the main process stops reading the page, and nothing is written.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { WorkerProcess } from '../../main/sync-worker/worker-process';
import { afterEach, describe, expect, it } from 'vitest';
import { ClubOSError } from '../../common/errors/clubos-error';
import { createEventBus } from '../../common/event-bus';
import { memoryLogger, type LogLine } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { openDatabase } from '../../db';
import type { InboxPageSource } from '../../main/clubos/types';
import { parseInboxPage } from '../../main/clubos/parse/inbox-page';
import { renderInbox } from '../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../main/clubos-simulator/types';
import { startSyncWorker, type SyncWorkerHandle } from '../../main/sync-worker/sync-worker-host';
import { BENCH_CLUB_CONTEXT } from '../bench/harness/snapshot-client';
import { fixture } from '../clubos/client/fixtures';
import { tempDir } from '../sync/sync-rig';

const OWNER = BENCH_CLUB_CONTEXT.loggedInUserId;
const ZONE = BENCH_CLUB_CONTEXT.timeZone;
const NOW = Date.now();
const PIECE = 16 * 1024;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A page of `count` rows in the simulator's (ClubOS's) shape, newest first, one a minute. */
function inboxPage(count: number): string {
  const messages: SimMessage[] = [];
  for (let i = 0; i < count; i++) {
    messages.push({ id: i + 1, ownerId: OWNER, memberId: String(100_000_000 + (i % 97)), senderName: `Member ${i % 97} Ünal`, body: `Text number ${i} 💪`, at: NOW - i * 60_000 });
  }
  return renderInbox(messages, { now: NOW, timeZone: ZONE, memberIdsInLinks: true });
}

type Stream = InboxPageSource['streamInboxPage'];

interface Rig {
  handle: SyncWorkerHandle;
  workers: WorkerProcess[];
  lines: LogLine[];
  dbPath: string;
}

function rig(stream: Stream): Rig {
  const dir = tempDir('frontdesk-page-stream-');
  cleanups.push(() => dir.remove());
  const dbPath = join(dir.dir, 'frontdesk.sqlite');
  const lines: LogLine[] = [];
  const logger = memoryLogger('test', lines);
  const { db } = openDatabase(dbPath, { logger, clock: systemClock });
  cleanups.push(() => db.close());
  db.owners.upsert({ ownerId: OWNER, name: 'My Messages' });
  const workers: WorkerProcess[] = [];
  const handle = startSyncWorker({
    db,
    pages: { streamInboxPage: stream },
    pollContext: () => Promise.resolve({ context: BENCH_CLUB_CONTEXT, historyAsRead: true, staleImportMs: 0 }),
    events: createEventBus(),
    logger,
    clock: systemClock,
    intervalSeconds: 600,
    onWorker: (worker) => workers.push(worker),
  });
  cleanups.push(() => handle.close());
  return { handle, workers, lines, dbPath };
}

function storedCount(dbPath: string): number {
  const conn = new Database(dbPath, { readonly: true });
  try {
    return Number(conn.prepare('SELECT count(*) FROM messages').pluck().get());
  } finally {
    conn.close();
  }
}

/** Hands `bytes` to the sink in pieces, awaiting each, as the client does with a body. */
async function pour(bytes: Uint8Array, sink: Parameters<Stream>[1], signal: AbortSignal | undefined): Promise<void> {
  for (let at = 0; at < bytes.byteLength; at += PIECE) {
    signal?.throwIfAborted();
    await sink(bytes.subarray(at, at + PIECE));
  }
}

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const meta = () => ({ ownerId: OWNER, fetchedAt: NOW, timeZone: ZONE });

/**
 * A first reading that never ends: the list's start, then rows for as long as the sink takes
 * them. Says when `after` pieces went through, and how the pouring ended (the error the sink
 * threw). Later readings (a poll run again on a restarted worker) get a short page.
 */
function endlessPage(after: number) {
  const reached = deferred();
  const ended = deferred<unknown>();
  const state = { pieces: 0, readings: 0, signal: null as AbortSignal | null };
  const row = new TextEncoder().encode(inboxPage(40).replace(/^[\s\S]*?(<li[\s\S]*<\/li>)[\s\S]*$/, '$1'));
  const short = new TextEncoder().encode(inboxPage(5));
  const stream: Stream = async (_owner, sink, signal) => {
    if (state.readings++ > 0) {
      await pour(short, sink, signal);
      return meta();
    }
    state.signal = signal ?? null;
    try {
      await sink(new TextEncoder().encode('<ul class="message-list">\n'));
      for (;;) {
        signal?.throwIfAborted();
        await sink(row);
        if (++state.pieces === after) reached.resolve();
        // As a socket would, let the event loop turn between pieces.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      ended.resolve(error);
      throw error;
    }
  };
  return { stream, reached: reached.promise, ended: ended.promise, state };
}

describe('the inbox page streamed to the sync worker', () => {
  it('is read as it comes, in one reading, and every row is stored', { timeout: 60_000 }, async () => {
    const page = new TextEncoder().encode(inboxPage(3_000));
    const calls: Array<{ sessionLost: boolean | undefined }> = [];
    const { handle, dbPath } = rig(async (_owner, sink, signal, options) => {
      calls.push({ sessionLost: options?.sessionLost });
      await pour(page, sink, signal);
      return meta();
    });
    const status = await handle.engine.syncNow(OWNER);
    expect(status.owners[0]?.lastError ?? null).toBeNull();
    expect(storedCount(dbPath)).toBe(3_000);
    expect(calls).toEqual([{ sessionLost: false }]);
  });

  it('reads a long page that strays from the canonical shape past what is kept a second time, whole, with the same rows', { timeout: 60_000 }, async () => {
    // A comment between two rows well past the first MB: the streaming reader gives up there,
    // having let the text go; the DOM reader, which ignores comments, reads the page.
    const html = inboxPage(6_000);
    const cut = html.indexOf('</li>', Math.floor(html.length * 0.8)) + 5;
    const page = new TextEncoder().encode(`${html.slice(0, cut)}<!-- a comment -->${html.slice(cut)}`);
    expect(page.byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
    let calls = 0;
    const { handle, dbPath, lines } = rig(async (_owner, sink, signal) => {
      calls++;
      await pour(page, sink, signal);
      return meta();
    });
    const status = await handle.engine.syncNow(OWNER);
    expect(status.owners[0]?.lastError ?? null).toBeNull();
    expect(calls).toBe(2);
    expect(storedCount(dbPath)).toBe(6_000);
    expect(lines.some((l) => l.message.includes('reading it again whole'))).toBe(true);
  });

  it('signs in again and reads once more when the page is the login page', { timeout: 60_000 }, async () => {
    const login = new TextEncoder().encode(fixture('login-page.html'));
    const page = new TextEncoder().encode(inboxPage(50));
    const calls: Array<boolean | undefined> = [];
    const { handle, dbPath } = rig(async (_owner, sink, signal, options) => {
      calls.push(options?.sessionLost);
      await pour(calls.length === 1 ? login : page, sink, signal);
      return meta();
    });
    const status = await handle.engine.syncNow(OWNER);
    expect(status.owners[0]?.lastError ?? null).toBeNull();
    expect(calls).toEqual([false, true]);
    expect(storedCount(dbPath)).toBe(50);
  });

  it('fails the poll with the error of a page that breaks off, and writes nothing', { timeout: 60_000 }, async () => {
    const page = new TextEncoder().encode(inboxPage(2_000));
    const { handle, dbPath } = rig(async (_owner, sink, signal) => {
      await pour(page.subarray(0, page.byteLength >> 1), sink, signal);
      throw new ClubOSError('network', 'Could not reach ClubOS (POST /action/Dashboard/messages); Frontdesk will try again later.');
    });
    const status = await handle.engine.syncNow(OWNER);
    expect(status.owners[0]?.lastError?.code).toBe('clubos_network');
    expect(storedCount(dbPath)).toBe(0);
  });

  it('fails a page cut short with the parse error the whole page gives, and writes nothing', { timeout: 60_000 }, async () => {
    const html = inboxPage(2_000);
    const page = new TextEncoder().encode(html.slice(0, html.lastIndexOf('</li>')));
    const { handle, dbPath } = rig(async (_owner, sink, signal) => {
      await pour(page, sink, signal);
      return meta();
    });
    const status = await handle.engine.syncNow(OWNER);
    expect(status.owners[0]?.lastError?.code).toBe('clubos_parse');
    const whole = (() => {
      try {
        parseInboxPage(new TextDecoder().decode(page));
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return null;
    })();
    expect(whole).not.toBeNull();
    expect(status.owners[0]?.lastError?.message).toContain(whole);
    expect(storedCount(dbPath)).toBe(0);
  });

  it('stops the main process\'s reading when the worker is killed in the middle of a page', { timeout: 60_000 }, async () => {
    const endless = endlessPage(200);
    const { handle, workers, lines } = rig(endless.stream);
    const poll = handle.engine.syncNow(OWNER).catch(() => null);
    await endless.reached;
    workers[0]!.kill();
    // The reading ends with an error rather than pour on into a port nobody reads.
    const error = await endless.ended;
    expect(error).toBeInstanceOf(Error);
    expect(endless.state.signal?.aborted).toBe(true);
    const pieces = endless.state.pieces;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(endless.state.pieces).toBe(pieces);
    // The Sync now runs again on the restarted worker and reads the (short) page there.
    expect((await poll)?.owners[0]?.lastError ?? null).toBeNull();
    expect(endless.state.readings).toBe(2);
    expect(lines.some((l) => l.message === 'the sync worker stopped unexpectedly')).toBe(true);
  });

  it('stops the reading on both sides when the poll is stopped, and writes nothing', { timeout: 60_000 }, async () => {
    const endless = endlessPage(200);
    const { handle, dbPath } = rig(endless.stream);
    handle.engine.start();
    await endless.reached;
    await handle.engine.stop();
    const error = await endless.ended;
    expect(error).toBeInstanceOf(Error);
    expect(endless.state.signal?.aborted).toBe(true);
    expect(storedCount(dbPath)).toBe(0);
  });
});
