// Writes one poll's new rows: finds or creates each row's conversation, stores the messages,
// applies opt-out/opt-in texts and records the owner's success, atomically. A first import can
// be large, so its older history is written in transactions that each commit whole, yielding to
// the event loop in between: a crash between them leaves a consistent database whose next poll
// stores the rest. Each transaction writes small batches (about BATCH_TARGET_MS each) and
// commits after TRANSACTION_MAX_MS, or at once after the batch in progress when another
// connection wants to write (the main thread's, while this runs in the sync worker: see
// db/write-turn.ts), so that connection never waits longer than one batch, while commits (which
// cost a few ms each) stay rare. The older history is written one conversation after another
// (each conversation's rows oldest first): a conversation's cached columns are then recomputed
// about once for the whole import instead of once per batch that touches it. The live rows and
// the history dated on or after the import's first day go first, in one transaction: once they
// are in, any row of those days a later attempt finds unmatched arrived after this snapshot, so
// it is live even when its label no longer carries a minute. Each transaction that stored
// history is reported as it commits (`onHistory`), so the window sees an import fill in as it
// goes, in announcements of a few dozen conversations rather than one of thousands at the end.
import type { FrontdeskDb } from '../../db';
import type { NewInboxMessage } from '../sync/reconcile';
import type { PollWrite } from '../sync/sync-store';
import { inboxDraft, type DraftContext } from './inbox-drafts';
import { normalizeForKey } from '../sync/message-key';

/** Rows of the first batch of older history; later batches are sized to take about BATCH_TARGET_MS. */
export const INGEST_CHUNK_ROWS = 150;
export const BATCH_TARGET_MS = 4;
export const TRANSACTION_MAX_MS = 250;
const MIN_BATCH_ROWS = 10;
const MAX_BATCH_ROWS = 1_000;
const OPT_INTENTS = ['opt_out', 'opt_in'] as const;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * What one poll stored: the new messages' ids in the order stored (live rows oldest first; older
 * history conversation by conversation, each oldest first) and the conversations they changed,
 * live and history apart.
 */
export interface IngestResult {
  insertedIds: number[];
  conversationIds: number[];
  historyInsertedIds: number[];
  historyConversationIds: number[];
}

/** History one transaction stored, reported once it committed. */
export interface HistoryPart {
  insertedIds: number[];
  /** Its conversations, ascending. */
  conversationIds: number[];
}

export interface IngestContext {
  db: FrontdeskDb;
  staffNameKeys(): ReadonlySet<string>;
  /** The user's choice: is an owner's imported history already read? */
  historyAsRead(): boolean;
}

/** Stores one batch of rows (inside the caller's transaction) and returns what it stored. */
function storeRows(ctx: IngestContext, write: PollWrite, rows: readonly NewInboxMessage[], quiet: boolean): { insertedIds: number[]; conversationIds: number[] } {
  const { db } = ctx;
  if (rows.length === 0) return { insertedIds: [], conversationIds: [] };
  const draftContext: DraftContext = {
    timeZone: write.timeZone,
    staffNameKeys: ctx.staffNameKeys(),
    readAt: quiet && ctx.historyAsRead() ? new Date(write.at).toISOString() : null,
  };
  const drafts = rows.map((row) => inboxDraft(row, draftContext));
  // One lookup per conversation, not per row: a batch holds many rows of each.
  const idOf = new Map<string, number>();
  const conversationIds = drafts.map((d) => {
    const key = conversationGroup(d.conversationKey);
    let id = idOf.get(key);
    if (id === undefined) {
      id = db.conversations.findOrCreate(d.conversationKey).id;
      idOf.set(key, id);
    }
    return id;
  });
  const result = db.messages.insert(
    drafts.map((d, i) => ({ ...d.message, conversationId: conversationIds[i]! })),
    { quiet },
  );
  // The member's latest STOP or START wins: rows go oldest first, and older history (written
  // after the recent rows) never overrides a newer one already stored.
  drafts.forEach((d, i) => {
    const intent = d.classification?.intent;
    if (intent !== 'opt_out' && intent !== 'opt_in') return;
    const newest = db.messages.newestWithIntent(conversationIds[i]!, OPT_INTENTS);
    if (newest === null || newest <= d.message.sentAt) db.conversations.setOptedOut(conversationIds[i]!, intent === 'opt_out');
  });
  return { insertedIds: result.insertedIds, conversationIds: result.conversationIds };
}

/** The live rows and the recent history, in one transaction; the owner is synced if nothing older follows. */
function writeFirst(ctx: IngestContext, write: PollWrite, recent: readonly NewInboxMessage[], last: boolean): IngestResult {
  return ctx.db.transaction(() => {
    // History before live rows: they are older, and a live STOP must win over an old START.
    const history = storeRows(ctx, write, recent, true);
    const live = storeRows(ctx, write, write.rows, false);
    if (write.history !== null) ctx.db.owners.setImportRecentStored(write.ownerId);
    if (last) ctx.db.owners.recordSyncSuccess(write.ownerId, write.at, { historyImported: true });
    return {
      insertedIds: live.insertedIds,
      conversationIds: live.conversationIds,
      historyInsertedIds: history.insertedIds,
      historyConversationIds: history.conversationIds,
    };
  });
}

/**
 * Writes older history from `rows[start]` on, in one transaction of batches, until the rows run
 * out, TRANSACTION_MAX_MS has passed, or another connection wants to write. Returns where it
 * stopped and the batch size to go on with.
 */
function writeOlder(
  ctx: IngestContext,
  write: PollWrite,
  rows: readonly NewInboxMessage[],
  start: number,
  batchRows: number,
): { next: number; batchRows: number; part: HistoryPart } {
  const { db } = ctx;
  return db.transaction(() => {
    const began = performance.now();
    const insertedIds: number[] = [];
    const conversationIds = new Set<number>();
    let at = start;
    let size = batchRows;
    do {
      const end = Math.min(rows.length, at + size);
      const batchBegan = performance.now();
      const stored = storeRows(ctx, write, rows.slice(at, end), true);
      size = nextBatchRows(end - at, performance.now() - batchBegan);
      at = end;
      insertedIds.push(...stored.insertedIds);
      for (const id of stored.conversationIds) conversationIds.add(id);
    } while (at < rows.length && performance.now() - began < TRANSACTION_MAX_MS && !db.writeWaiting());
    if (at === rows.length) db.owners.recordSyncSuccess(write.ownerId, write.at, { historyImported: true });
    return { next: at, batchRows: size, part: { insertedIds, conversationIds: ascending(conversationIds) } };
  });
}

/**
 * Writes one poll. `onHistory` hears each committed transaction's history (none is reported
 * empty); the result still sums the whole poll up.
 */
export async function ingestPoll(ctx: IngestContext, write: PollWrite, onHistory: (part: HistoryPart) => void = () => {}): Promise<IngestResult> {
  if (write.history === null) return writeFirst(ctx, write, [], true);
  const { recent, older } = write.history;
  const first = writeFirst(ctx, write, recent, older.length === 0);
  if (first.historyInsertedIds.length > 0) onHistory({ insertedIds: first.historyInsertedIds, conversationIds: first.historyConversationIds });
  const history = { insertedIds: [...first.historyInsertedIds], conversationIds: new Set(first.historyConversationIds) };
  const grouped = byConversation(older);
  let position = { next: 0, batchRows: INGEST_CHUNK_ROWS };
  while (position.next < grouped.length) {
    await yieldToEventLoop();
    const written = writeOlder(ctx, write, grouped, position.next, position.batchRows);
    position = written;
    for (const id of written.part.insertedIds) history.insertedIds.push(id);
    for (const id of written.part.conversationIds) history.conversationIds.add(id);
    if (written.part.insertedIds.length > 0) onHistory(written.part);
    // Between transactions, where copying the write-ahead log back holds up no other writer.
    ctx.db.checkpoint();
  }
  return {
    insertedIds: first.insertedIds,
    conversationIds: first.conversationIds,
    historyInsertedIds: history.insertedIds,
    historyConversationIds: ascending(history.conversationIds),
  };
}

const ascending = (ids: ReadonlySet<number>): number[] => [...ids].sort((a, b) => a - b);

/** The rows of the next batch, so it takes about BATCH_TARGET_MS if rows cost what the last batch's did. */
function nextBatchRows(rows: number, ms: number): number {
  const scaled = ms > 0 ? Math.round((rows * BATCH_TARGET_MS) / ms) : MAX_BATCH_ROWS;
  // Never more than double at once: one fast batch (cached pages) says little about the next.
  return Math.max(MIN_BATCH_ROWS, Math.min(MAX_BATCH_ROWS, rows * 2, scaled));
}

/** What tells a row's conversation apart: the member id, else the sender's name key. */
function conversationGroup(key: { memberId: string | null; nameKey: string }): string {
  return key.memberId !== null ? `m${key.memberId}` : `n${key.nameKey}`;
}

/**
 * The rows regrouped by conversation, conversations in the order their first row comes, each
 * conversation's rows in their own order (oldest first).
 */
function byConversation(rows: readonly NewInboxMessage[]): NewInboxMessage[] {
  const groups = new Map<string, NewInboxMessage[]>();
  for (const row of rows) {
    const key = conversationGroup({ memberId: row.memberId, nameKey: normalizeForKey(row.senderName) });
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return [...groups.values()].flat();
}
