// Conversations: which one a message belongs to is conversation-grouping.ts; here are reading
// them, read state, status, tags and the opt-out flag (all local). The cached columns follow the
// messages (cached-columns.ts).
import { z } from 'zod';
import { conversationStatusSchema, type Conversation, type Counts } from '../../common/contract';
import { selectByIds } from '../by-ids';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import { epochToStored, toStoredInstant } from '../iso-time';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS } from '../sql-fragments';
import type {
  CachedColumnMismatch,
  CachedColumns,
  ConversationKey,
  ListConversationsQuery,
  StatusChange,
  UnreadTotals,
} from '../types';
import { parseInput } from '../validate';
import { auditAll, auditConversation, expectedCachedColumns } from './audit';
import { refreshCachedColumns } from './cached-columns';
import { listConversations } from './conversation-list';
import { countConversations, countsWithOwner, unreadTotals } from './counts';
import { conversationGrouping } from './conversation-grouping';
import { mergeConversations } from './merge';
import { normalizeTags, replaceTags } from './tags';

const statusSchema = z
  .object({
    status: conversationStatusSchema,
    snoozedUntil: z.string().nullable().optional(),
    actor: z.string().trim().min(1).max(120).nullable().optional(),
  })
  .refine((s) => (s.status === 'snoozed') === (s.snoozedUntil !== undefined && s.snoozedUntil !== null), {
    message: 'snoozedUntil is required for, and only for, status "snoozed"',
  });

export interface ConversationQueries {
  get(id: number): Conversation | null;
  /** The conversations with these ids, in the order given; ids that do not exist are left out. */
  getMany(ids: readonly number[]): Conversation[];
  findByMemberId(ownerId: string, memberId: string): Conversation | null;
  /**
   * The name-keyed conversation of that name; failing that, the one member-keyed conversation
   * with that name (its id was learnt since). Two members of the same name: null, never a guess.
   */
  findByNameKey(ownerId: string, nameKey: string): Conversation | null;
  /**
   * By member id when known, else by name key (as findByNameKey); creates it when missing. Never
   * adopts a name-keyed conversation for a member id: attachMemberId and merge decide that.
   */
  findOrCreate(key: ConversationKey): { id: number; created: boolean };
  /**
   * Gives a name-keyed conversation its member's id. If that member already has a conversation,
   * the two merge into the existing one. Returns the surviving conversation's id.
   */
  attachMemberId(conversationId: number, memberId: string): number;
  /** Moves `fromId`'s messages and manual tags into `intoId`, deletes `fromId`, returns `intoId`'s row. */
  merge(fromId: number, intoId: number): Conversation;
  list(query?: ListConversationsQuery): { items: Conversation[]; nextCursor: string | null };
  counts(options?: { ownerId?: string; now?: number }): Counts;
  /** `counts({ now })` and `counts({ ownerId, now })` together, counted once when they cannot differ. */
  countsWithOwner(ownerId: string, now?: number): { counts: Counts; ownerCounts: Counts };
  unreadTotals(now?: number): UnreadTotals;
  /** Every unread inbound or system message of the conversation becomes read. */
  markRead(id: number): Conversation;
  /** The given message, or the newest inbound (else system) one, becomes unread. */
  markUnread(id: number, messageId?: number): Conversation;
  setStatus(id: number, change: StatusChange): Conversation;
  /** Replaces the user's tags; the automatic intent tag is kept. */
  setTags(id: number, tags: readonly string[]): Conversation;
  setOptedOut(id: number, optedOut: boolean): Conversation;
  /** Every snoozed conversation whose `snoozed_until` is at or before `now` becomes open; returns them. */
  wakeDueSnoozes(now: number): Conversation[];
  /** Staff saw to it without replying: the member's texts stored until now stop waiting. */
  markHandled(id: number): Conversation;
  /** Puts the handled mark back to what it was (undo); null removes it. */
  restoreHandled(id: number, handledAt: string | null): Conversation;
  /**
   * Texts older than this when first stored never wait (db/queries/waiting.ts). Recomputes every
   * conversation that has an inbound text when the value changes; returns how many changed state.
   */
  setStaleImportThreshold(ms: number): number;
  /** The cached columns as a from-scratch read of the messages says they should be. */
  expectedCachedColumns(id: number): CachedColumns;
  /** Cached columns that disagree with the messages: one conversation, or all when omitted. */
  audit(id?: number): CachedColumnMismatch[];
}

export function conversationQueries(ctx: DbContext): ConversationQueries {
  function get(id: number): Conversation | null {
    const row = ctx.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`).get(id);
    return row === undefined ? null : toConversation(row);
  }

  function getOrThrow(id: number): Conversation {
    const c = get(id);
    if (!c) throw notFound('conversation', id);
    return c;
  }

  function markRead(id: number): Conversation {
    return ctx.transaction(() => {
      getOrThrow(id);
      ctx
        .prepare(`UPDATE messages SET read_at = ? WHERE conversation_id = ? AND read_at IS NULL AND direction <> 'outbound'`)
        .run(ctx.nowIso(), id);
      refreshCachedColumns(ctx, id);
      return getOrThrow(id);
    });
  }

  function markUnread(id: number, messageId?: number): Conversation {
    return ctx.transaction(() => {
      getOrThrow(id);
      let target: number | undefined;
      if (messageId !== undefined) {
        const m = ctx.prepare('SELECT conversation_id, direction FROM messages WHERE id = ?').get(messageId) as
          | { conversation_id: number; direction: string }
          | undefined;
        if (!m || m.conversation_id !== id) throw notFound('message', messageId);
        if (m.direction === 'outbound') throw new DbError('invalid_argument', 'an outbound message cannot be unread');
        target = messageId;
      } else {
        const newest = (direction: string): number | undefined =>
          ctx
            .prepare('SELECT id FROM messages WHERE conversation_id = ? AND direction = ? ORDER BY sent_at DESC, id DESC LIMIT 1')
            .pluck()
            .get(id, direction) as number | undefined;
        target = newest('inbound') ?? newest('system');
      }
      if (target !== undefined) {
        ctx.prepare('UPDATE messages SET read_at = NULL WHERE id = ?').run(target);
        refreshCachedColumns(ctx, id);
      }
      return getOrThrow(id);
    });
  }

  function setStatus(id: number, change: StatusChange): Conversation {
    const s = parseInput(statusSchema, change, 'status');
    const until = s.status === 'snoozed' ? toStoredInstant(s.snoozedUntil!, 'snoozedUntil') : null;
    return ctx.transaction(() => {
      const before = getOrThrow(id);
      const now = ctx.nowIso();
      ctx.prepare('UPDATE conversations SET conversation_status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?').run(s.status, until, now, id);
      // Kept for reports (time to resolve): the moment and who, which the row itself forgets.
      if (before.status !== s.status) {
        ctx
          .prepare('INSERT INTO conversation_status_changes (conversation_id, from_status, to_status, at, actor) VALUES (?, ?, ?, ?, ?)')
          .run(id, before.status, s.status, now, s.actor ?? null);
        // The team's copy of this change (just captured by a trigger, when in a team) carries the
        // same moment and actor, so team-mode reports time the resolve as this desk's own do.
        ctx
          .prepare(
            `UPDATE team_outbox SET payload = json_set(payload, '$.at', ?, '$.actor', ?)
             WHERE seq = (SELECT max(seq) FROM team_outbox) AND kind = 'status'
               AND json_extract(payload, '$.key') = (SELECT conversation_id FROM conversations WHERE id = ?) AND json_extract(payload, '$.at') IS NULL`,
          )
          .run(now, s.actor ?? null, id);
      }
      return getOrThrow(id);
    });
  }

  function setTags(id: number, tags: readonly string[]): Conversation {
    const clean = normalizeTags(tags);
    return ctx.transaction(() => {
      getOrThrow(id);
      replaceTags(ctx, id, 'manual', clean);
      return getOrThrow(id);
    });
  }

  function setOptedOut(id: number, optedOut: boolean): Conversation {
    return ctx.transaction(() => {
      getOrThrow(id);
      ctx
        .prepare('UPDATE conversations SET opted_out = ?, updated_at = ? WHERE id = ? AND opted_out <> ?')
        .run(optedOut ? 1 : 0, ctx.nowIso(), id, optedOut ? 1 : 0);
      return getOrThrow(id);
    });
  }

  function wakeDueSnoozes(now: number): Conversation[] {
    return ctx.transaction(() => {
      const due = ctx
        .prepare(`SELECT id FROM conversations WHERE conversation_status = 'snoozed' AND snoozed_until <= ?`)
        .pluck()
        .all(epochToStored(now)) as number[];
      const wake = ctx.prepare(`UPDATE conversations SET conversation_status = 'open', snoozed_until = NULL, updated_at = ? WHERE id = ?`);
      for (const id of due) wake.run(ctx.nowIso(), id);
      return due.map(getOrThrow);
    });
  }

  function setHandledAt(id: number, at: string | null): Conversation {
    return ctx.transaction(() => {
      getOrThrow(id);
      ctx.prepare('UPDATE conversations SET handled_at = ?, updated_at = ? WHERE id = ?').run(at, ctx.nowIso(), id);
      refreshCachedColumns(ctx, id);
      return getOrThrow(id);
    });
  }

  function setStaleImportThreshold(ms: number): number {
    if (!Number.isInteger(ms) || ms < 0) throw new DbError('invalid_argument', 'the stale-import threshold must be a whole number of ms, 0 or more');
    if (ctx.waiting.staleImportMs === ms) return 0;
    ctx.waiting.staleImportMs = ms;
    return ctx.transaction(() => {
      const ids = ctx
        .prepare(`SELECT DISTINCT conversation_id FROM messages WHERE direction = 'inbound' AND requires_response = 1`)
        .pluck()
        .all() as number[];
      const before = ctx.prepare('SELECT requires_response, waiting_since FROM conversations WHERE id = ?');
      let changed = 0;
      for (const id of ids) {
        const was = before.get(id) as { requires_response: number; waiting_since: string | null } | undefined;
        refreshCachedColumns(ctx, id);
        const now = before.get(id) as { requires_response: number; waiting_since: string | null } | undefined;
        if (was?.requires_response !== now?.requires_response || was?.waiting_since !== now?.waiting_since) changed++;
      }
      return changed;
    });
  }

  const grouping = conversationGrouping(ctx, { get, getOrThrow });

  return {
    get,
    ...grouping,
    getMany: (ids) => selectByIds(ctx, `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id`, ids, toConversation),
    merge: (fromId, intoId) => getOrThrow(mergeConversations(ctx, fromId, intoId)),
    list: (query = {}) => listConversations(ctx, query),
    counts: (options) => countConversations(ctx, options),
    countsWithOwner: (ownerId, now) => countsWithOwner(ctx, ownerId, now),
    unreadTotals: (now) => unreadTotals(ctx, now),
    markRead,
    markUnread,
    setStatus,
    setTags,
    setOptedOut,
    wakeDueSnoozes,
    markHandled: (id) => setHandledAt(id, ctx.nowIso()),
    restoreHandled: (id, at) => setHandledAt(id, at === null ? null : toStoredInstant(at, 'handledAt')),
    setStaleImportThreshold,
    expectedCachedColumns: (id) => expectedCachedColumns(ctx, id),
    audit: (id) => (id === undefined ? auditAll(ctx) : auditConversation(ctx, id)),
  };
}
