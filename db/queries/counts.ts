// Counts for the filter chips, the tag list and the badge. Each count reads the same partial
// index its list walks, without touching the table.
import type { Counts, ListFilter } from '../../common/contract';
import { myStaffId, type DbContext } from '../db-context';
import { epochToStored } from '../iso-time';
import { INBOX } from '../sql-fragments';
import type { UnreadTotals } from '../types';
import { FILTERS } from './conversation-list';

const FILTER_NAMES = Object.keys(FILTERS) as ListFilter[];

function ownerParams(ownerId: string | undefined, now: string): Record<string, string> {
  return ownerId === undefined ? { now } : { now, ownerId };
}

export function countConversations(ctx: DbContext, options: { ownerId?: string; now?: number } = {}): Counts {
  const now = epochToStored(options.now ?? ctx.clock.now());
  const owned = options.ownerId !== undefined;
  const params = ownerParams(options.ownerId, now);
  const ownerTerm = owned ? ' AND c.owner_id = @ownerId' : '';
  const filters = {} as Record<ListFilter, number>;
  for (const name of FILTER_NAMES) {
    const plan = FILTERS[name];
    const sql = `SELECT count(*) FROM conversations c INDEXED BY ${owned ? plan.ownerIndex : plan.index}
      WHERE ${plan.where} AND c.last_message_at IS NOT NULL${ownerTerm}`;
    filters[name] = Number(ctx.prepare(sql).pluck().get(name === 'mine' ? { ...params, me: myStaffId(ctx) } : params));
  }
  const tags = ctx
    .prepare(
      `SELECT t.tag AS tag, count(DISTINCT t.conversation_id) AS count
       FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id
       WHERE ${INBOX} AND c.last_message_at IS NOT NULL${ownerTerm}
       GROUP BY t.tag ORDER BY t.tag`,
    )
    .all(params) as Array<{ tag: string; count: number }>;
  const unreadTotal = Number(
    ctx
      .prepare(
        `SELECT coalesce(sum(c.unread_count), 0) FROM conversations c INDEXED BY ${owned ? 'conversations_unread_by_owner' : 'conversations_unread'}
         WHERE ${INBOX} AND c.unread_count > 0${ownerTerm}`,
      )
      .pluck()
      .get(params),
  );
  return { filters, tags, unreadTotal };
}

/**
 * The counts across every inbox and those of `ownerId`'s, as a change announces them. When no
 * other inbox has a conversation (a desk with one inbox, the usual case) the two are the same
 * and are counted once: the main thread counts after every write it announces.
 */
export function countsWithOwner(ctx: DbContext, ownerId: string, now?: number): { counts: Counts; ownerCounts: Counts } {
  const others = ctx
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM conversations INDEXED BY conversations_by_name_key WHERE owner_id < @ownerId)
           OR EXISTS (SELECT 1 FROM conversations INDEXED BY conversations_by_name_key WHERE owner_id > @ownerId)`,
    )
    .pluck()
    .get({ ownerId });
  const counts = countConversations(ctx, { now });
  return { counts, ownerCounts: others === 1 ? countConversations(ctx, { ownerId, now }) : counts };
}

/**
 * Unread messages in the inbox (conversations neither resolved, archived nor still snoozed),
 * per owner and overall: the tray icon and the badge.
 */
export function unreadTotals(ctx: DbContext, now?: number): UnreadTotals {
  const rows = ctx
    .prepare(
      `SELECT c.owner_id AS owner, sum(c.unread_count) AS unread FROM conversations c INDEXED BY conversations_unread_by_owner
       WHERE ${INBOX} AND c.unread_count > 0 GROUP BY c.owner_id`,
    )
    .all({ now: epochToStored(now ?? ctx.clock.now()) }) as Array<{ owner: string; unread: number }>;
  const byOwner: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byOwner[r.owner] = r.unread;
    total += r.unread;
  }
  return { total, byOwner };
}
