// Figure 1: the whole sync path for a first import — the simulator's inbox HTML parsed by the
// client's parser, reconciled by the sync engine's reconcile, written by the conversations
// ingest (classification, conversations, cached columns, FTS triggers) — in messages per
// second, beside what SQLite itself manages for the same rows: the stored message rows copied
// into an identical database with one prepared statement in one transaction.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../db';
import { configureConnection } from '../../../db/connection';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import { ingestPoll } from '../../../main/ingest/ingest-poll';
import { silentLogger } from '../../../common/log/logger';
import { reconcile, snapshotDateRange } from '../../../main/sync/reconcile';
import { manualClock } from '../../../common/time/manual-clock';
import { benchPeople } from '../data/bench-people';
import { inboxHtml } from '../data/inbox-html';
import { generateTraffic } from '../data/inbox-traffic';
import { BENCH_NOW, BENCH_OWNER_ID, BENCH_SEED, BENCH_TIME_ZONE } from '../harness/bench-constants';
import { roundMs } from '../harness/latency';
import { progress } from '../harness/progress';
import { withTempDir } from '../harness/temp-dir';

export const INGEST_TARGET_RATIO = 0.8;

export interface IngestFigure {
  messages: number;
  conversations: number;
  pageMb: number;
  appMessagesPerSecond: number;
  floorMessagesPerSecond: number;
  ratio: number;
  appMs: number;
  floorMs: number;
  stagesMs: { parse: number; reconcile: number; write: number };
  target: string;
  met: boolean;
}

export async function measureIngest(size: { messages: number; members: number; days: number }): Promise<IngestFigure> {
  return withTempDir('ingest', async (dir) => {
    progress(`ingest: generating ${size.messages} messages from ${size.members} members`);
    const people = benchPeople(size.members, BENCH_SEED);
    const traffic = generateTraffic({ seed: BENCH_SEED, messages: size.messages, members: size.members, days: size.days, end: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
    const html = inboxHtml(traffic, people, { ownerId: BENCH_OWNER_ID, now: BENCH_NOW, timeZone: BENCH_TIME_ZONE });

    const appPath = join(dir, 'app.sqlite');
    const clock = manualClock(BENCH_NOW);
    const { db } = openDatabase(appPath, { logger: silentLogger, clock });
    db.owners.upsert({ ownerId: BENCH_OWNER_ID, name: 'My Messages' });

    progress('ingest: the app path (parse → reconcile → ingest)');
    const started = performance.now();
    const snapshot = readInboxSnapshot(html, { ownerId: BENCH_OWNER_ID, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
    const parsed = performance.now();
    const range = snapshotDateRange(snapshot.rows);
    if (!range) throw new Error('the generated inbox is empty');
    const fresh = reconcile(BENCH_OWNER_ID, snapshot.rows, db.messages.storedKeys(BENCH_OWNER_ID, range.from, range.to));
    const reconciled = performance.now();
    const written = await ingestPoll(
      { db, staffNameKeys: () => new Set<string>(), historyAsRead: () => true },
      { ownerId: BENCH_OWNER_ID, rows: [], history: { recent: [], older: fresh }, timeZone: BENCH_TIME_ZONE, at: BENCH_NOW },
    );
    const finished = performance.now();
    db.close();
    if (written.historyInsertedIds.length !== size.messages) throw new Error(`ingest stored ${written.historyInsertedIds.length} of ${size.messages} messages`);

    progress('ingest: the SQLite floor (same rows, one statement, one transaction)');
    const floorMs = insertFloor(dir, appPath, size.messages);

    const appMs = finished - started;
    const appRate = size.messages / (appMs / 1000);
    const floorRate = size.messages / (floorMs / 1000);
    const ratio = Math.round((appRate / floorRate) * 1000) / 1000;
    return {
      messages: size.messages,
      conversations: written.historyConversationIds.length,
      pageMb: Math.round((Buffer.byteLength(html) / 1024 ** 2) * 10) / 10,
      appMessagesPerSecond: Math.round(appRate),
      floorMessagesPerSecond: Math.round(floorRate),
      ratio,
      appMs: roundMs(appMs),
      floorMs: roundMs(floorMs),
      stagesMs: { parse: roundMs(parsed - started), reconcile: roundMs(reconciled - parsed), write: roundMs(finished - reconciled) },
      target: `ratio >= ${INGEST_TARGET_RATIO}`,
      met: ratio >= INGEST_TARGET_RATIO,
    };
  });
}

/**
 * The floor database has the app's schema (same migrations, triggers and indexes) and the same
 * conversations; only the message inserts are timed. Returns their milliseconds.
 */
function insertFloor(dir: string, appPath: string, expected: number): number {
  const floorPath = join(dir, 'floor.sqlite');
  openDatabase(floorPath, { logger: silentLogger, clock: manualClock(BENCH_NOW) }).db.close();
  const conn = new Database(floorPath);
  try {
    configureConnection(conn, silentLogger);
    conn.prepare('ATTACH DATABASE ? AS app').run(appPath);
    conn.exec('INSERT INTO owners SELECT * FROM app.owners; INSERT INTO conversations SELECT * FROM app.conversations;');
    const columns = (conn.prepare("SELECT name FROM pragma_table_info('messages') WHERE name <> 'id' ORDER BY cid").pluck().all() as string[]).join(', ');
    const rows = conn.prepare(`SELECT ${columns} FROM app.messages ORDER BY id`).raw().all() as unknown[][];
    conn.exec('DETACH DATABASE app');
    if (rows.length !== expected) throw new Error(`the floor read ${rows.length} rows, expected ${expected}`);
    const triggers = Number(conn.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'messages'").pluck().get());
    if (triggers === 0) throw new Error('the floor database has no FTS triggers on messages');
    const insert = conn.prepare(`INSERT INTO messages (${columns}) VALUES (${rows[0]!.map(() => '?').join(', ')})`);
    const insertAll = conn.transaction((all: unknown[][]) => {
      for (const row of all) insert.run(row);
    });
    const started = performance.now();
    insertAll(rows);
    const ms = performance.now() - started;
    const stored = Number(conn.prepare('SELECT count(*) FROM messages').pluck().get());
    if (stored !== expected) throw new Error(`the floor stored ${stored} rows, expected ${expected}`);
    return ms;
  } finally {
    conn.close();
  }
}
