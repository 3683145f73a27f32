// How a first import's older history is committed: in transactions of batches, each
// conversation's rows together, a transaction ending early (after its batch) whenever another
// connection waits to write, so that connection never waits for more than one batch; and a
// crash inside a transaction leaves what earlier transactions committed, whole and consistent.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type FrontdeskDb } from '../../db';
import { silentLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { INGEST_CHUNK_ROWS, ingestPoll } from '../../main/ingest/ingest-poll';
import { reconcile } from '../../main/sync/reconcile';
import type { InboxRow } from '../../main/clubos/types';
import { tempDir, chicago, CHI } from '../sync/sync-rig';

const OWNER = '187032782';
const NOW = chicago(2026, 12, 7, 12, 0);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function database(): FrontdeskDb {
  const dir = tempDir('frontdesk-ingest-');
  const { db } = openDatabase(join(dir.dir, 'db.sqlite'), { logger: silentLogger, clock: manualClock(NOW) });
  cleanups.push(() => dir.remove(), () => db.close());
  cleanups.reverse();
  db.owners.upsert({ ownerId: OWNER, name: 'Alex Morgan' });
  return db;
}

/** `members` members writing in turn, `perMember` texts each, on days before the import. */
function history(members: number, perMember: number): InboxRow[] {
  const rows: InboxRow[] = [];
  for (let n = 0; n < perMember; n++) {
    for (let m = 0; m < members; m++) {
      const day = 1 + ((n * members + m) % 27);
      rows.push({ senderName: `Member ${m}`, memberId: String(5000 + m), body: `text ${n} from ${m}`, label: `Nov ${day}`, localDate: `2026-11-${String(day).padStart(2, '0')}`, localTime: null, position: rows.length });
    }
  }
  return rows;
}

/** The db as the ingest sees it, counting transactions and, if asked, crashing inside the nth insert. */
function observed(db: FrontdeskDb, options: { peerWaiting: boolean; crashAtInsert?: number }) {
  const stats = { transactions: 0, inserts: 0, conversationsPerInsert: [] as number[] };
  const wrapped: FrontdeskDb = {
    ...db,
    writeWaiting: () => options.peerWaiting,
    transaction: (fn) =>
      db.transaction(() => {
        stats.transactions++;
        return fn();
      }),
    messages: {
      ...db.messages,
      insert(batch, insertOptions) {
        stats.inserts++;
        stats.conversationsPerInsert.push(new Set(batch.map((m) => m.conversationId)).size);
        if (stats.inserts === options.crashAtInsert) throw new Error('simulated crash inside the transaction');
        return db.messages.insert(batch, insertOptions);
      },
    },
  };
  return { db: wrapped, stats };
}

const write = (rows: InboxRow[]) => ({
  ownerId: OWNER,
  rows: [],
  history: { recent: [], older: reconcile(OWNER, rows, []) },
  timeZone: CHI,
  at: NOW,
});
const ctx = (db: FrontdeskDb) => ({ db, staffNameKeys: () => new Set<string>(), historyAsRead: () => true });

describe('first import transactions', () => {
  it('commits after every batch while another connection waits to write, and writes each conversation\'s rows together', async () => {
    const db = database();
    const rows = history(40, 10);
    const { db: seen, stats } = observed(db, { peerWaiting: true });
    const result = await ingestPoll(ctx(seen), write(rows));
    expect(result.historyInsertedIds).toHaveLength(rows.length);
    // One transaction for the (empty) recent rows, then one per batch: each insert committed alone.
    expect(stats.transactions).toBe(1 + stats.inserts);
    // The first batch is INGEST_CHUNK_ROWS rows of 10 per member: 15 conversations, not 150.
    expect(stats.conversationsPerInsert[0]).toBe(INGEST_CHUNK_ROWS / 10);
    expect(db.owners.get(OWNER)?.historyImported).toBe(true);
  });

  it('reports each transaction\'s history once it committed, every stored row in exactly one report', async () => {
    const db = database();
    const rows = history(40, 10);
    const { db: seen, stats } = observed(db, { peerWaiting: true });
    const parts: Array<{ insertedIds: number[]; conversationIds: number[]; committed: number }> = [];
    // Another connection sees what was committed, and only that.
    const other = new Database(db.path, { readonly: true });
    cleanups.push(() => other.close());
    const committed = other.prepare('SELECT count(*) FROM messages WHERE id IN (SELECT value FROM json_each(?))').pluck();
    const result = await ingestPoll(ctx(seen), write(rows), (part) => {
      parts.push({ ...part, committed: Number(committed.get(JSON.stringify(part.insertedIds))) });
    });
    expect(parts).toHaveLength(stats.inserts); // one per transaction that stored history (the empty first one reports nothing)
    expect(parts.every((p) => p.committed === p.insertedIds.length && p.insertedIds.length > 0)).toBe(true);
    expect(parts.flatMap((p) => p.insertedIds).sort((a, b) => a - b)).toEqual([...result.historyInsertedIds].sort((a, b) => a - b));
    for (const p of parts) {
      expect(p.conversationIds).toEqual([...new Set(db.messages.getMany(p.insertedIds).map((m) => m.conversationId))].sort((a, b) => a - b));
    }
    expect(new Set(parts.flatMap((p) => p.conversationIds))).toEqual(new Set(result.historyConversationIds));
  });

  it('leaves what committed before a crash, whole, and the next attempt stores the rest once', async () => {
    const db = database();
    const rows = history(40, 10);
    const { db: dying } = observed(db, { peerWaiting: true, crashAtInsert: 2 });
    await expect(ingestPoll(ctx(dying), write(rows))).rejects.toThrow('simulated crash');
    const stored = (): number => db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30').length;
    expect(stored()).toBe(INGEST_CHUNK_ROWS);
    expect(db.owners.get(OWNER)?.historyImported).toBe(false);
    // Each stored conversation's cached columns are those of its stored rows.
    for (const c of db.conversations.list({ filter: 'all', limit: 200 }).items) expect(c.lastMessageAt).not.toBeNull();

    const again = reconcile(OWNER, rows, db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30'));
    expect(again).toHaveLength(rows.length - INGEST_CHUNK_ROWS);
    await ingestPoll(ctx(db), { ...write([]), history: { recent: [], older: again } });
    expect(stored()).toBe(rows.length);
    expect(db.owners.get(OWNER)?.historyImported).toBe(true);
  });
});
