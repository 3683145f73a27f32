// Writes one poll's new rows: finds or creates each row's conversation, stores the messages,
// applies opt-out/opt-in texts and records the owner's success, atomically. A first import
// (quiet) can be large, so it is written in chunks that each commit whole, yielding to the event
// loop in between: the window stays responsive, and a crash between chunks leaves a consistent
// database whose next poll stores the rest.
import type { FrontdeskDb } from '../../db';
import type { PollWrite, PollWriteResult } from '../sync/sync-store';
import { inboxDraft, type DraftContext } from './inbox-drafts';

export const INGEST_CHUNK_ROWS = 150;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface IngestContext {
  db: FrontdeskDb;
  staffNameKeys(): ReadonlySet<string>;
  /** The user's choice: is an owner's imported history already read? */
  historyAsRead(): boolean;
}

function writeChunk(ctx: IngestContext, write: PollWrite, rows: PollWrite['rows'], last: boolean): PollWriteResult {
  const { db } = ctx;
  const draftContext: DraftContext = {
    timeZone: write.timeZone,
    staffNameKeys: ctx.staffNameKeys(),
    readAt: write.quiet && ctx.historyAsRead() ? new Date(write.at).toISOString() : null,
  };
  return db.transaction(() => {
    const drafts = rows.map((row) => inboxDraft(row, draftContext));
    const conversationIds = drafts.map((d) => db.conversations.findOrCreate(d.conversationKey).id);
    const result = db.messages.insert(
      drafts.map((d, i) => ({ ...d.message, conversationId: conversationIds[i]! })),
      { quiet: write.quiet },
    );
    // Oldest first, so the member's latest STOP or START wins.
    drafts.forEach((d, i) => {
      const intent = d.classification?.intent;
      if (intent === 'opt_out' || intent === 'opt_in') db.conversations.setOptedOut(conversationIds[i]!, intent === 'opt_out');
    });
    if (last) db.owners.recordSyncSuccess(write.ownerId, write.at, { historyImported: true });
    return { added: result.insertedIds.length, conversationIds: result.conversationIds };
  });
}

export async function ingestPoll(ctx: IngestContext, write: PollWrite): Promise<PollWriteResult> {
  if (!write.quiet || write.rows.length <= INGEST_CHUNK_ROWS) {
    return writeChunk(ctx, write, write.rows, true);
  }
  let added = 0;
  const touched = new Set<number>();
  for (let start = 0; start < write.rows.length; start += INGEST_CHUNK_ROWS) {
    const end = Math.min(write.rows.length, start + INGEST_CHUNK_ROWS);
    const result = writeChunk(ctx, write, write.rows.slice(start, end), end === write.rows.length);
    added += result.added;
    for (const id of result.conversationIds) touched.add(id);
    if (end < write.rows.length) await yieldToEventLoop();
  }
  return { added, conversationIds: [...touched].sort((a, b) => a - b) };
}
