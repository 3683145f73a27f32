// Messages: the batch insert the sync engine writes through, the reconciliation keys it reads
// every poll, a page of one conversation, and the classifier's and sender's updates.
import { z } from 'zod';
import { channelSchema, directionSchema, intentSchema, type Conversation, type Message } from '../../common/contract';
import { decodeMessageCursor, encodeMessageCursor } from '../cursor';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import { toStoredInstant } from '../iso-time';
import { toConversation, toMessage } from '../rows';
import { CONVERSATION_COLUMNS, MESSAGE_COLUMNS } from '../sql-fragments';
import type { Classification, InsertOptions, InsertResult, MessagePageQuery, NewMessage, StoredKey } from '../types';
import { clampLimit, parseInput } from '../validate';
import { refreshCachedColumns } from './cached-columns';

const clubosId = z.string().regex(/^\d{1,12}$/, 'expected a numeric ClubOS id');
const instant = z.string().transform((v, ctx) => {
  try {
    return toStoredInstant(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 instant' });
    return z.NEVER;
  }
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A bound string reaches SQLite with lone surrogates as U+FFFD; rows travel as JSON (see INSERT),
// where they would become invalid UTF-8, so text is made well-formed first.
const text = z.string().transform((v) => v.replace(LONE_SURROGATE, '\uFFFD'));

const newMessageSchema = z.object({
  ownerId: clubosId,
  conversationId: z.number().int().positive(),
  direction: directionSchema,
  channel: channelSchema,
  senderName: text,
  body: text,
  localDate: z.string().regex(/^\d{4}-[01]\d-[0-3]\d$/, 'expected YYYY-MM-DD'),
  localTime: z.string().regex(/^[0-2]\d:[0-5]\d$/, 'expected HH:MM').nullable(),
  sentAt: instant,
  source: z.enum(['inbox', 'history', 'sent']),
  dedupeKey: text.pipe(z.string().min(1)),
  occurrence: z.number().int().nonnegative(),
  readAt: instant.nullable().optional(),
  requiresResponse: z.boolean().optional(),
  intent: intentSchema.nullable().optional(),
  confidence: z.number().min(0).max(1).nullable().optional(),
  aiProcessed: z.boolean().optional(),
  aiActionTaken: z.json().nullable().optional(),
  aiResponded: z.boolean().optional(),
  aiResponseSentAt: instant.nullable().optional(),
  threadId: text.nullable().optional(),
  fromMemberId: clubosId.nullable().optional(),
  fromMemberName: text.nullable().optional(),
  toStaffName: text.nullable().optional(),
  subject: text.pipe(z.string().max(200)).nullable().optional(),
});

const classificationSchema = z.object({
  intent: intentSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  requiresResponse: z.boolean(),
  aiActionTaken: z.json().nullable().optional(),
});

// One statement for the whole batch: inside a savepoint (a nested transaction) FTS5 pays a flush
// per writing statement, which makes row-by-row inserts an order of magnitude slower.
const INSERT = `INSERT INTO messages (
    owner_id, conversation_id, direction, channel, sender_name, body, local_date, local_time, sent_at,
    received_at, source, dedupe_key, occurrence, read_at, requires_response, intent, ai_processed,
    ai_confidence_score, ai_action_taken, ai_responded, ai_response_sent_at, thread_id, from_member_id,
    from_member_name, to_staff_name, created_at, subject)
  SELECT r ->> 0, r ->> 1, r ->> 2, r ->> 3, r ->> 4, r ->> 5, r ->> 6, r ->> 7, r ->> 8,
    @now, r ->> 9, r ->> 10, r ->> 11, r ->> 12, r ->> 13, r ->> 14, r ->> 15,
    r ->> 16, r ->> 17, r ->> 18, r ->> 19, r ->> 20, r ->> 21,
    r ->> 22, r ->> 23, @now, r ->> 24
  FROM (SELECT value AS r FROM json_each(@rows)) WHERE true
  ON CONFLICT (owner_id, dedupe_key, occurrence) DO NOTHING
  RETURNING id, owner_id, dedupe_key, occurrence`;

type ParsedMessage = z.output<typeof newMessageSchema>;

/** A row as the JSON array INSERT reads by position. */
function insertTuple(m: ParsedMessage): unknown[] {
  return [
    m.ownerId,
    m.conversationId,
    m.direction,
    m.channel,
    m.senderName,
    m.body,
    m.localDate,
    m.localTime,
    m.sentAt,
    m.source,
    m.dedupeKey,
    m.occurrence,
    m.readAt ?? null,
    (m.requiresResponse ?? m.direction === 'inbound') ? 1 : 0,
    m.intent ?? null,
    m.aiProcessed ? 1 : 0,
    m.confidence ?? null,
    m.aiActionTaken === undefined || m.aiActionTaken === null ? null : JSON.stringify(m.aiActionTaken),
    m.aiResponded || m.aiResponseSentAt ? 1 : 0,
    m.aiResponseSentAt ?? null,
    m.threadId ?? null,
    m.fromMemberId ?? null,
    m.fromMemberName ?? null,
    m.toStaffName ?? null,
    m.subject ?? null,
  ];
}

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
  storedKeys(ownerId: string, fromDate: string, toDate: string): StoredKey[];
  /** The latest `sent_at` of the conversation's messages with one of `intents`, or null. */
  newestWithIntent(conversationId: number, intents: readonly z.infer<typeof intentSchema>[]): string | null;
  /** The newest page first; items oldest→newest; `prevCursor` pages further back. */
  page(query: MessagePageQuery): { items: Message[]; prevCursor: string | null };
  get(messageId: number): Message | null;
  /** The classifier's verdict (intent, ai_confidence_score, requires_response, ai_processed=1). */
  setClassification(messageId: number, classification: Classification): Conversation;
  /** Records that a reply went out for this message (ai_responded, ai_response_sent_at). */
  markResponded(messageId: number, sentAt: string): void;
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
      const returned = ctx.prepare(INSERT).all({ now, rows: JSON.stringify(rows.map(insertTuple)) }) as Array<{
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

  function storedKeys(ownerId: string, fromDate: string, toDate: string): StoredKey[] {
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

  return { insert, storedKeys, newestWithIntent, page, get, setClassification, markResponded };
}
