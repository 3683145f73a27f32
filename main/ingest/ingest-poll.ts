// Writes one poll's new rows: finds or creates each row's conversation, stores the messages,
// applies opt-out/opt-in texts and records the owner's success, atomically. A first import can
// be large, so its older history is written in chunks that each commit whole, yielding to the
// event loop in between: the window stays responsive, and a crash between chunks leaves a
// consistent database whose next poll stores the rest. The live rows and the history dated on or
// after the import's first day go first, in one transaction: once they are in, any row of those
// days a later attempt finds unmatched arrived after this snapshot, so it is live even when its
// label no longer carries a minute.
import type { FrontdeskDb } from '../../db';
import type { NewInboxMessage } from '../sync/reconcile';
import type { PollWrite } from '../sync/sync-store';
import { inboxDraft, type DraftContext } from './inbox-drafts';

export const INGEST_CHUNK_ROWS = 150;
const OPT_INTENTS = ['opt_out', 'opt_in'] as const;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What one poll stored: the new messages' ids (oldest first) and the conversations they changed, live and history apart. */
export interface IngestResult {
  insertedIds: number[];
  conversationIds: number[];
  historyInsertedIds: number[];
  historyConversationIds: number[];
}

export interface IngestContext {
  db: FrontdeskDb;
  staffNameKeys(): ReadonlySet<string>;
  /** The user's choice: is an owner's imported history already read? */
  historyAsRead(): boolean;
}

interface Chunk {
  live: readonly NewInboxMessage[];
  history: readonly NewInboxMessage[];
  /** This chunk holds every recent history row of the import. */
  recent: boolean;
  /** The poll's last chunk: the owner is synced (and imported). */
  last: boolean;
}

function writeChunk(ctx: IngestContext, write: PollWrite, chunk: Chunk): IngestResult {
  const { db } = ctx;
  const context = (quiet: boolean): DraftContext => ({
    timeZone: write.timeZone,
    staffNameKeys: ctx.staffNameKeys(),
    readAt: quiet && ctx.historyAsRead() ? new Date(write.at).toISOString() : null,
  });
  const store = (rows: readonly NewInboxMessage[], quiet: boolean): { insertedIds: number[]; conversationIds: number[] } => {
    if (rows.length === 0) return { insertedIds: [], conversationIds: [] };
    const draftContext = context(quiet);
    const drafts = rows.map((row) => inboxDraft(row, draftContext));
    const conversationIds = drafts.map((d) => db.conversations.findOrCreate(d.conversationKey).id);
    const result = db.messages.insert(
      drafts.map((d, i) => ({ ...d.message, conversationId: conversationIds[i]! })),
      { quiet },
    );
    // The member's latest STOP or START wins: rows go oldest first, and a chunk of older history
    // (written after the recent rows) never overrides a newer one already stored.
    drafts.forEach((d, i) => {
      const intent = d.classification?.intent;
      if (intent !== 'opt_out' && intent !== 'opt_in') return;
      const newest = db.messages.newestWithIntent(conversationIds[i]!, OPT_INTENTS);
      if (newest === null || newest <= d.message.sentAt) db.conversations.setOptedOut(conversationIds[i]!, intent === 'opt_out');
    });
    return { insertedIds: result.insertedIds, conversationIds: result.conversationIds };
  };
  return db.transaction(() => {
    // History before live rows: they are older, and a live STOP must win over an old START.
    const history = store(chunk.history, true);
    const live = store(chunk.live, false);
    if (chunk.recent) db.owners.setImportRecentStored(write.ownerId);
    if (chunk.last) db.owners.recordSyncSuccess(write.ownerId, write.at, { historyImported: true });
    return {
      insertedIds: live.insertedIds,
      conversationIds: live.conversationIds,
      historyInsertedIds: history.insertedIds,
      historyConversationIds: history.conversationIds,
    };
  });
}

export async function ingestPoll(ctx: IngestContext, write: PollWrite): Promise<IngestResult> {
  if (write.history === null) return writeChunk(ctx, write, { live: write.rows, history: [], recent: false, last: true });
  const { recent, older } = write.history;
  const first = writeChunk(ctx, write, { live: write.rows, history: recent, recent: true, last: older.length === 0 });
  const historyInsertedIds = [...first.historyInsertedIds];
  const touched = new Set(first.historyConversationIds);
  for (let start = 0; start < older.length; start += INGEST_CHUNK_ROWS) {
    await yieldToEventLoop();
    const end = Math.min(older.length, start + INGEST_CHUNK_ROWS);
    const result = writeChunk(ctx, write, { live: [], history: older.slice(start, end), recent: false, last: end === older.length });
    historyInsertedIds.push(...result.historyInsertedIds);
    for (const id of result.historyConversationIds) touched.add(id);
  }
  return {
    insertedIds: first.insertedIds,
    conversationIds: first.conversationIds,
    historyInsertedIds,
    historyConversationIds: [...touched].sort((a, b) => a - b),
  };
}
