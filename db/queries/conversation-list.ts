// The conversation list: one filter, optional owner, tag and text, newest activity first (the
// conversations a waiting rule or reminder raised before the rest), keyset paged. Each filter walks its own partial index (migration 002) so a page costs the rows it
// returns plus the few it skips, however many conversations are resolved or archived.
import type { Conversation, ListFilter } from '../../common/contract';
import { decodeListCursor, decodeWaitingCursor, encodeConversationCursor, encodeRaisedCursor, encodeRestStartCursor, encodeWaitingCursor, type TimeKey } from '../cursor';
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
  // Assigned to this desk's user (migration 008); `@me` is '' when unknown, which matches nobody.
  mine: { where: `${INBOX} AND c.assignee_id = @me`, index: 'conversations_mine', ownerIndex: 'conversations_mine_by_owner' },
};

/** Below this many tagged conversations, reading the tag's rows and sorting them beats a scan. */
const RARE_TAG = 2000;

const TAGGED = 'c.id IN (SELECT t.conversation_id FROM conversation_tags t WHERE t.tag = @tag)';
const TEXT_MATCH = `(c.member_name LIKE @like ESCAPE '\\'
  OR c.id IN (SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH @match))`;

const escapeLike = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Raised by a waiting-too-long rule or a due no-reply reminder: listed before the rest (migration 007). */
const RAISED = 'c.attention_reason IS NOT NULL';
const NOT_RAISED = 'c.attention_reason IS NULL';

export function listConversations(
  ctx: DbContext,
  query: ListConversationsQuery,
): { items: Conversation[]; nextCursor: string | null } {
  const filter = FILTERS[query.filter ?? 'all'];
  const limit = clampLimit(query.limit, 50);
  const byWaiting = query.sort === 'longest_waiting';
  const offset = byWaiting && query.cursor ? decodeWaitingCursor(query.cursor) : 0;
  const cursor = !byWaiting && query.cursor ? decodeListCursor(query.cursor) : null;
  const text = query.query?.trim() ?? '';
  const plan = text === '' ? null : planSearch(text);
  const params: Record<string, string | number> = { now: epochToStored(query.now ?? ctx.clock.now()) };
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
  // A rare tag drives the query from its rows (rowid lookups, then a small sort); otherwise the
  // filter's index is walked in order. Pinning the index keeps the plan independent of statistics.
  const source = rareTag
    ? 'conversations c NOT INDEXED'
    : `conversations c INDEXED BY ${query.ownerId !== undefined ? filter.ownerIndex : filter.index}`;

  if (byWaiting) {
    // Raised first, then waiting, the longest wait on top; then everything else by latest activity.
    const order = `(${RAISED}) DESC, c.requires_response DESC, c.waiting_since ASC, c.last_message_at DESC, c.id DESC LIMIT @limit OFFSET @offset`;
    const sql = `SELECT ${CONVERSATION_COLUMNS} FROM ${source} WHERE ${where.join(' AND ')} ORDER BY ${order}`;
    const rows = ctx.prepare(sql).all({ ...params, limit: limit + 1, offset });
    const items = rows.slice(0, limit).map(toConversation);
    return { items, nextCursor: rows.length > limit ? encodeWaitingCursor(offset + items.length) : null };
  }

  // Newest first, in two runs: the raised conversations (few, from their own partial index), then
  // the rest from the filter's index. The cursor names the run it continues. A conversation raised
  // or lowered between two pages changes runs like one with new activity changes place: the
  // window places it from its conversationUpdated event and drops repeats when it merges pages.
  const page = (run: string, from: string, key: TimeKey | null, n: number): Conversation[] => {
    const conditions = [...where, run];
    const values: Record<string, string | number> = { ...params, limit: n + 1 };
    if (key) {
      conditions.push('(c.last_message_at, c.id) < (@cursorAt, @cursorId)');
      values.cursorAt = key.at;
      values.cursorId = key.id;
    }
    const sql = `SELECT ${CONVERSATION_COLUMNS} FROM ${from} WHERE ${conditions.join(' AND ')} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit`;
    return ctx.prepare(sql).all(values).map(toConversation);
  };
  const keyOf = (c: Conversation): TimeKey => ({ at: c.lastMessageAt ?? '', id: c.id });

  const items: Conversation[] = [];
  if (cursor === null || cursor.run === 'raised') {
    const raisedSource = rareTag ? 'conversations c NOT INDEXED' : 'conversations c INDEXED BY conversations_attention';
    const raised = page(RAISED, raisedSource, cursor?.key ?? null, limit);
    if (raised.length > limit) {
      const shown = raised.slice(0, limit);
      return { items: shown, nextCursor: encodeRaisedCursor(keyOf(shown[shown.length - 1]!)) };
    }
    items.push(...raised);
  }
  const remaining = limit - items.length;
  const rest = page(NOT_RAISED, source, cursor?.run === 'rest' ? cursor.key : null, remaining);
  items.push(...rest.slice(0, remaining));
  if (rest.length <= remaining) return { items, nextCursor: null };
  // The raised run filled this page exactly: the next one starts the rest.
  const last = remaining > 0 ? items[items.length - 1] : undefined;
  return { items, nextCursor: last ? encodeConversationCursor(keyOf(last)) : encodeRestStartCursor() };
}
