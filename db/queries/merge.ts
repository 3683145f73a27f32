// Two conversations of one member become one: when the member's ClubOS id turns up for a
// conversation that was keyed by name. Every message moves with its own read state; tags are
// united; the survivor keeps the more active status.
import type { ConversationStatus } from '../../common/contract';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import { refreshAllDerived } from './cached-columns';

/** Lower is more active: an open conversation absorbing a resolved one stays open. */
const ACTIVITY: Record<ConversationStatus, number> = { open: 0, pending: 1, snoozed: 2, resolved: 3, archived: 4 };

interface MergeRow {
  id: number;
  owner_id: string;
  member_id: string | null;
  conversation_status: ConversationStatus;
  snoozed_until: string | null;
  opted_out: number;
  ai_handling: number;
  created_at: string;
}

function load(ctx: DbContext, id: number): MergeRow {
  const row = ctx
    .prepare(
      `SELECT id, owner_id, member_id, conversation_status, snoozed_until, opted_out, ai_handling, created_at
       FROM conversations WHERE id = ?`,
    )
    .get(id) as MergeRow | undefined;
  if (!row) throw notFound('conversation', id);
  return row;
}

function mergedStatus(a: MergeRow, b: MergeRow): { status: ConversationStatus; snoozedUntil: string | null } {
  if (a.conversation_status === 'snoozed' && b.conversation_status === 'snoozed') {
    // The earlier wake-up: neither snooze hides the member longer than asked.
    const until = a.snoozed_until! < b.snoozed_until! ? a.snoozed_until : b.snoozed_until;
    return { status: 'snoozed', snoozedUntil: until };
  }
  const keep = ACTIVITY[a.conversation_status] <= ACTIVITY[b.conversation_status] ? a : b;
  return { status: keep.conversation_status, snoozedUntil: keep.snoozed_until };
}

/** Moves everything of `fromId` into `intoId` and deletes `fromId`. Returns `intoId`. */
export function mergeConversations(ctx: DbContext, fromId: number, intoId: number): number {
  if (fromId === intoId) throw new DbError('invalid_argument', 'cannot merge a conversation into itself');
  return ctx.transaction(() => {
    const from = load(ctx, fromId);
    const into = load(ctx, intoId);
    if (from.owner_id !== into.owner_id) throw new DbError('invalid_argument', 'conversations of different owners cannot merge');
    if (from.member_id !== null && into.member_id !== null && from.member_id !== into.member_id) {
      throw new DbError('invalid_argument', 'conversations of two different members cannot merge');
    }
    ctx.prepare('UPDATE messages SET conversation_id = ? WHERE conversation_id = ?').run(intoId, fromId);
    ctx.prepare('UPDATE conversation_status_changes SET conversation_id = ? WHERE conversation_id = ?').run(intoId, fromId);
    ctx
      .prepare(
        `INSERT OR IGNORE INTO conversation_tags (conversation_id, tag, source)
         SELECT ?, tag, source FROM conversation_tags WHERE conversation_id = ? AND source = 'manual'`,
      )
      .run(intoId, fromId);
    // Notes and read marks are the conversation's too (team mode, migration 007).
    ctx.prepare('UPDATE internal_notes SET conversation_id = ? WHERE conversation_id = ?').run(intoId, fromId);
    ctx
      .prepare(
        `INSERT OR IGNORE INTO staff_reads (conversation_id, staff_id, staff_name, read_through, at)
         SELECT ?, staff_id, staff_name, read_through, at FROM staff_reads WHERE conversation_id = ?`,
      )
      .run(intoId, fromId);
    ctx.prepare('DELETE FROM conversations WHERE id = ?').run(fromId);

    const { status, snoozedUntil } = mergedStatus(into, from);
    const memberId = into.member_id ?? from.member_id;
    ctx
      .prepare(
        `UPDATE conversations SET
           member_id = @memberId,
           conversation_id = owner_id || CASE WHEN @memberId IS NULL THEN '/n/' || name_key ELSE '/m/' || @memberId END,
           conversation_status = @status, snoozed_until = @snoozedUntil,
           opted_out = @optedOut, ai_handling = @aiHandling, created_at = @createdAt, updated_at = @now
         WHERE id = @id`,
      )
      .run({
        id: intoId,
        memberId,
        status,
        snoozedUntil,
        optedOut: Math.max(from.opted_out, into.opted_out),
        aiHandling: Math.max(from.ai_handling, into.ai_handling),
        createdAt: from.created_at < into.created_at ? from.created_at : into.created_at,
        now: ctx.nowIso(),
      });
    refreshAllDerived(ctx, intoId);
    return intoId;
  });
}
