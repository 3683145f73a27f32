// The conversation list: one filter, optional owner, tag and text, newest activity first, keyset
// paged. Each filter walks its own partial index (migration 002) so a page costs the rows it
// returns plus the few it skips, however many conversations are resolved or archived.
import type { Conversation, ListFilter } from '../../common/contract';
import { decodeConversationCursor, decodeWaitingCursor, encodeConversationCursor, encodeWaitingCursor } from '../cursor';
import { myStaffId, type DbContext } from '../db-context';
import { bodyOnly, planSearch } from '../fts-query';
import { epochToStored } from '../iso-time';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS, INBOX } from '../sql-fragments';
import type { ListConversationsQuery } from '../types';
import { clampLimit } from '../validate';

interface FilterPlan {
  where: string;
  index: string;
  ownerIndex: string;
}

export const FILTERS: Record<ListFilter, FilterPlan> = {
  all: { where: INBOX, index: 'conversations_active', ownerIndex: 'conversations_active_by_owner' },
  unread: { where: `${INBOX} AND c.unread_count > 0`, index: 'conversations_unread', ownerIndex: 'conversations_unread_by_owner' },
  needs_reply: {
    where: `${INBOX} AND c.requires_response = 1`,
    index: 'conversations_needs_reply',
    ownerIndex: 'conversations_needs_reply_by_owner',
  },
  snoozed: {
    where: `c.conversation_status = 'snoozed' AND c.snoozed_until > @now`,
    index: 'conversations_by_status',
    ownerIndex: 'conversations_by_owner_status',
  },
  resolved: { where: `c.conversation_status = 'resolved'`, index: 'conversations_by_status', ownerIndex: 'conversations_by_owner_status' },
  archived: { where: `c.conversation_status = 'archived'`, index: 'conversations_by_status', ownerIndex: 'conversations_by_owner_status' },
  // Assigned to this desk's user (migration 007); `@me` is '' when unknown, which matches nobody.
  mine: { where: `${INBOX} AND c.assignee_id = @me`, index: 'conversations_mine', ownerIndex: 'conversations_mine_by_owner' },
};

/** Below this many tagged conversations, reading the tag's rows and sorting them beats a scan. */
const RARE_TAG = 2000;

const TAGGED = 'c.id IN (SELECT t.conversation_id FROM conversation_tags t WHERE t.tag = @tag)';
const TEXT_MATCH = `(c.member_name LIKE @like ESCAPE '\\'
  OR c.id IN (SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH @match))`;

const escapeLike = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function listConversations(
  ctx: DbContext,
  query: ListConversationsQuery,
): { items: Conversation[]; nextCursor: string | null } {
  const filter = FILTERS[query.filter ?? 'all'];
  const limit = clampLimit(query.limit, 50);
  const byWaiting = query.sort === 'longest_waiting';
  const offset = byWaiting && query.cursor ? decodeWaitingCursor(query.cursor) : 0;
  const cursor = !byWaiting && query.cursor ? decodeConversationCursor(query.cursor) : null;
  const text = query.query?.trim() ?? '';
  const plan = text === '' ? null : planSearch(text);
  const params: Record<string, string | number> = { now: epochToStored(query.now ?? ctx.clock.now()), limit: limit + 1 };
  if (query.filter === 'mine') params.me = myStaffId(ctx);
  const where = [filter.where, 'c.last_message_at IS NOT NULL'];

  if (query.ownerId !== undefined) {
    where.push('c.owner_id = @ownerId');
    params.ownerId = query.ownerId;
  }
  let rareTag = false;
  if (query.tag !== undefined) {
    where.push(TAGGED);
    params.tag = query.tag;
    const tagged = Number(ctx.prepare('SELECT count(*) FROM conversation_tags WHERE tag = ?').pluck().get(query.tag));
    rareTag = tagged <= RARE_TAG;
  }
  if (plan) {
    // Text with nothing indexable (only emoji or punctuation) can still match a name.
    where.push(plan.match === null ? `c.member_name LIKE @like ESCAPE '\\'` : TEXT_MATCH);
    params.like = escapeLike(text);
    if (plan.match !== null) params.match = bodyOnly(plan.match);
  }
  if (cursor) {
    where.push('(c.last_message_at, c.id) < (@cursorAt, @cursorId)');
    params.cursorAt = cursor.at;
    params.cursorId = cursor.id;
  }
  // A rare tag drives the query from its rows (rowid lookups, then a small sort); otherwise the
  // filter's index is walked in order. Pinning the index keeps the plan independent of statistics.
  const source = rareTag
    ? 'conversations c NOT INDEXED'
    : `conversations c INDEXED BY ${query.ownerId !== undefined ? filter.ownerIndex : filter.index}`;
  // Waiting first, the longest wait on top; then everything else by latest activity.
  const order = byWaiting
    ? 'c.requires_response DESC, c.waiting_since ASC, c.last_message_at DESC, c.id DESC LIMIT @limit OFFSET @offset'
    : 'c.last_message_at DESC, c.id DESC LIMIT @limit';
  if (byWaiting) params.offset = offset;
  const sql = `SELECT ${CONVERSATION_COLUMNS} FROM ${source} WHERE ${where.join(' AND ')} ORDER BY ${order}`;
  const rows = ctx.prepare(sql).all(params);
  const items = rows.slice(0, limit).map(toConversation);
  const last = items[items.length - 1];
  const more = rows.length > limit;
  if (byWaiting) return { items, nextCursor: more ? encodeWaitingCursor(offset + items.length) : null };
  const nextCursor = more && last?.lastMessageAt ? encodeConversationCursor({ at: last.lastMessageAt, id: last.id }) : null;
  return { items, nextCursor };
}
