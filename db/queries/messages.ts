// Messages: the batch insert the sync engine writes through, the reconciliation keys it reads
// every poll, a page of one conversation, and the classifier's and sender's updates.
import { z } from 'zod';
import { intentSchema, type Conversation, type Message } from '../../common/contract';
import { selectByIds } from '../by-ids';
import { decodeMessageCursor, encodeMessageCursor } from '../cursor';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import { toStoredInstant } from '../iso-time';
import { INSERT_MESSAGES, insertTuple, MESSAGE_COLUMNS, MESSAGE_FIELDS, newMessageSchema, toMessage } from '../message-fields';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS } from '../sql-fragments';
import type { Classification, InsertOptions, InsertResult, JsonValue, MessagePageQuery, NewMessage, StoredKey } from '../types';
import { clampLimit, parseInput } from '../validate';
import { refreshCachedColumns } from './cached-columns';

const classificationSchema = z.object({
  intent: intentSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  requiresResponse: z.boolean(),
  aiActionTaken: z.json().nullable().optional(),
});

const identity = (ownerId: string, dedupeKey: string, occurrence: number): string => `${ownerId}\u0000${dedupeKey}\u0000${occurrence}`;

export interface MessageQueries {
  /**
   * Stores a batch and recomputes every touched conversation's cached columns, in one
   * transaction (a savepoint inside the caller's). A row whose (owner, dedupe key, occurrence) is
   * already stored is skipped, never replaced. A new inbound, non-quiet row reopens a resolved or
   * snoozed conversation; archived stays archived.
   */
  insert(batch: readonly NewMessage[], options?: InsertOptions): InsertResult;
  /** The owner's keys with club-local date in [fromDate, toDate], read from a covering index. */
  storedKeys(ownerId: string, fromDate: string, toDate: string): readonly StoredKey[];
  /** Sender, body and date of the owner's rows dated in [fromDate, toDate] (an importer matches spellings). */
  storedTexts(ownerId: string, fromDate: string, toDate: string): Array<{ senderName: string; body: string; localDate: string }>;
  /** The latest `sent_at` of the conversation's messages with one of `intents`, or null. */
  newestWithIntent(conversationId: number, intents: readonly z.infer<typeof intentSchema>[]): string | null;
  /** The newest page first; items oldest→newest; `prevCursor` pages further back. */
  page(query: MessagePageQuery): { items: Message[]; prevCursor: string | null };
  get(messageId: number): Message | null;
  /** The messages with these ids, in the order given; ids that do not exist are left out. */
  getMany(messageIds: readonly number[]): Message[];
  /** The classifier's verdict (intent, ai_confidence_score, requires_response, ai_processed=1). */
  setClassification(messageId: number, classification: Classification): Conversation;
  /** Records that a reply went out for this message (ai_responded, ai_response_sent_at). */
  markResponded(messageId: number, sentAt: string): void;
  /** Replaces `ai_action_taken` (JSON object) with the latest step taken for the message. */
  setActionTaken(messageId: number, record: { [key: string]: JsonValue }): void;
  /** `ai_action_taken` as stored, or null. */
  actionTaken(messageId: number): string | null;
}

export function messageQueries(ctx: DbContext): MessageQueries {
  const conversationOf = (messageId: number): number => {
    const id: unknown = ctx.prepare('SELECT conversation_id FROM messages WHERE id = ?').pluck().get(messageId);
    if (typeof id !== 'number') throw notFound('message', messageId);
    return id;
  };

  const conversation = (id: number): Conversation =>
    toConversation(ctx.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`).get(id));

  function insert(batch: readonly NewMessage[], options: InsertOptions = {}): InsertResult {
    const rows = batch.map((m, i) => parseInput(newMessageSchema, m, `messages[${i}]`));
    if (rows.length === 0) return { insertedIds: [], conversationIds: [], skipped: 0 };
    return ctx.transaction(() => {
      const owners = new Map<number, { owner: string; status: string }>();
      const ownerOf = ctx.prepare('SELECT owner_id AS owner, conversation_status AS status FROM conversations WHERE id = ?');
      for (const row of rows) {
        if (owners.has(row.conversationId)) continue;
        const found = ownerOf.get(row.conversationId) as { owner: string; status: string } | undefined;
        if (!found) throw notFound('conversation', row.conversationId);
        owners.set(row.conversationId, found);
      }
      for (const row of rows) {
        const owner = owners.get(row.conversationId)!.owner;
        if (owner !== row.ownerId) {
          throw new DbError('invalid_argument', `conversation ${row.conversationId} belongs to owner ${owner}, not ${row.ownerId}`);
        }
      }
      const now = ctx.nowIso();
      const returned = ctx.prepare(INSERT_MESSAGES).all({ now, rows: JSON.stringify(rows.map(insertTuple)) }) as Array<{
        id: number;
        owner_id: string;
        dedupe_key: string;
        occurrence: number;
      }>;
      const stored = new Map(returned.map((r) => [identity(r.owner_id, r.dedupe_key, r.occurrence), r.id]));
      const insertedIds: number[] = [];
      const touched = new Set<number>();
      const reopen = new Set<number>();
      for (const row of rows) {
        // A key twice in one batch: the first row was stored, the second skipped.
        const key = identity(row.ownerId, row.dedupeKey, row.occurrence);
        const id = stored.get(key);
        if (id === undefined) continue;
        stored.delete(key);
        insertedIds.push(id);
        touched.add(row.conversationId);
        if (row.direction === 'inbound' && !options.quiet && row.source !== 'history') reopen.add(row.conversationId);
      }
      const reopenStmt = ctx.prepare(
        `UPDATE conversations SET conversation_status = 'open', snoozed_until = NULL, updated_at = ?
         WHERE id = ? AND conversation_status IN ('resolved', 'snoozed')`,
      );
      for (const id of touched) {
        if (reopen.has(id)) reopenStmt.run(now, id);
        refreshCachedColumns(ctx, id);
      }
      const skipped = rows.length - insertedIds.length;
      if (skipped > 0) ctx.logger.warn('messages already stored were skipped', { skipped });
      return { insertedIds, conversationIds: [...touched].sort((a, b) => a - b), skipped };
    });
  }

  /**
   * The last stored keys read for each owner, outside any transaction, with the database's state
   * at the time. An idle poll (every 10 s, nothing new) asks for the same rows again and again, and
   * reading them is most of its cost (5,000 rows: about 6 ms and their garbage). They are read
   * again only when the database may have changed: another connection committed (`PRAGMA
   * data_version` moves) or this one changed a row (`total_changes()` moves, rolled-back changes
   * included). The state is read before the rows, so a commit in between only makes the next call
   * read again. A result read inside a transaction is never kept: a rollback would leave it
   * listing rows that are not there. It costs the rows' memory (about 260 bytes a row) per owner.
   */
  const keysRead = new Map<string, { from: string; to: string; version: number; changes: number; keys: readonly StoredKey[] }>();
  const MAX_CACHED_OWNERS = 16;

  function storedKeys(ownerId: string, fromDate: string, toDate: string): readonly StoredKey[] {
    const { version, changes } = ctx.prepare('SELECT (SELECT data_version FROM pragma_data_version()) AS version, total_changes() AS changes').get() as {
      version: number;
      changes: number;
    };
    const cached = keysRead.get(ownerId);
    if (cached && cached.from === fromDate && cached.to === toDate && cached.version === version && cached.changes === changes) return cached.keys;
    const keys = readStoredKeys(ownerId, fromDate, toDate);
    if (!ctx.conn.inTransaction) {
      if (keysRead.size >= MAX_CACHED_OWNERS && !keysRead.has(ownerId)) keysRead.clear();
      keysRead.set(ownerId, { from: fromDate, to: toDate, version, changes, keys });
    }
    return keys;
  }

  function readStoredKeys(ownerId: string, fromDate: string, toDate: string): StoredKey[] {
    const rows = ctx
      .prepare('SELECT dedupe_key, local_time, occurrence, sender_name, body FROM messages WHERE owner_id = ? AND local_date BETWEEN ? AND ?')
      .raw()
      .all(ownerId, fromDate, toDate) as Array<[unknown, unknown, unknown, unknown, unknown]>;
    return rows.map(([dedupeKey, localTime, occurrence, senderName, body]) => {
      // The schema guarantees these types; a cheap check instead of a schema parse per row.
      if (
        typeof dedupeKey !== 'string' ||
        (localTime !== null && typeof localTime !== 'string') ||
        typeof occurrence !== 'number' ||
        typeof senderName !== 'string' ||
        typeof body !== 'string'
      ) {
        throw new Error('messages row with unexpected types');
      }
      return { dedupeKey, localTime, occurrence, senderName, body };
    });
  }

  function storedTexts(ownerId: string, fromDate: string, toDate: string): Array<{ senderName: string; body: string; localDate: string }> {
    return ctx
      .prepare('SELECT sender_name AS senderName, body, local_date AS localDate FROM messages WHERE owner_id = ? AND local_date BETWEEN ? AND ?')
      .all(ownerId, fromDate, toDate) as Array<{ senderName: string; body: string; localDate: string }>;
  }

  function newestWithIntent(conversationId: number, intents: readonly z.infer<typeof intentSchema>[]): string | null {
    if (intents.length === 0) return null;
    const row = ctx
      .prepare(`SELECT max(sent_at) AS at FROM messages WHERE conversation_id = ? AND intent IN (${intents.map(() => '?').join(', ')})`)
      .get(conversationId, ...intents) as { at: string | null } | undefined;
    return row?.at ?? null;
  }

  function page(query: MessagePageQuery): { items: Message[]; prevCursor: string | null } {
    const limit = clampLimit(query.limit, 100);
    const before = query.before ? decodeMessageCursor(query.before) : null;
    const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = @conversationId
      ${before ? 'AND (m.sent_at, m.id) < (@at, @id)' : ''}
      ORDER BY m.sent_at DESC, m.id DESC LIMIT @limit`;
    const rows = ctx.prepare(sql).all({
      conversationId: query.conversationId,
      limit: limit + 1,
      ...(before ? { at: before.at, id: before.id } : {}),
    });
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toMessage).reverse();
    const oldest = items[0];
    return { items, prevCursor: more && oldest ? encodeMessageCursor({ at: oldest.sentAt, id: oldest.id }) : null };
  }

  function get(messageId: number): Message | null {
    const row = ctx.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ?`).get(messageId);
    return row === undefined ? null : toMessage(row);
  }

  const getMany = (ids: readonly number[]): Message[] => selectByIds(ctx, `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id`, ids, toMessage);

  function setClassification(messageId: number, classification: Classification): Conversation {
    const c = parseInput(classificationSchema, classification, 'classification');
    return ctx.transaction(() => {
      const conversationId = conversationOf(messageId);
      ctx
        .prepare(
          `UPDATE messages SET intent = ?, ai_confidence_score = ?, requires_response = ?, ai_processed = 1,
             ai_action_taken = coalesce(?, ai_action_taken) WHERE id = ?`,
        )
        .run(
          c.intent,
          c.confidence,
          c.requiresResponse ? 1 : 0,
          c.aiActionTaken === undefined || c.aiActionTaken === null ? null : JSON.stringify(c.aiActionTaken),
          messageId,
        );
      refreshCachedColumns(ctx, conversationId);
      return conversation(conversationId);
    });
  }

  function markResponded(messageId: number, sentAt: string): void {
    const at = toStoredInstant(sentAt, 'sentAt');
    const result = ctx.prepare('UPDATE messages SET ai_responded = 1, ai_response_sent_at = ? WHERE id = ?').run(at, messageId);
    if (result.changes === 0) throw notFound('message', messageId);
  }

  const { aiActionTaken, aiProcessed } = MESSAGE_FIELDS;
  function setActionTaken(messageId: number, record: { [key: string]: JsonValue }): void {
    const result = ctx.prepare(`UPDATE messages SET ${aiActionTaken.column} = ?, ${aiProcessed.column} = 1 WHERE id = ?`).run(JSON.stringify(record), messageId);
    if (result.changes === 0) throw notFound('message', messageId);
  }

  function actionTaken(messageId: number): string | null {
    const value: unknown = ctx.prepare(`SELECT ${aiActionTaken.column} FROM messages WHERE id = ?`).pluck().get(messageId);
    return typeof value === 'string' ? value : null;
  }

  return { insert, storedKeys, storedTexts, newestWithIntent, page, get, getMany, setClassification, markResponded, setActionTaken, actionTaken };
}
