// Message search, newest first: FTS5 walked in rowid order (never by rank, which costs in
// proportion to the hits), keyset paged by rowid. Rowids grow with insertion, so "newest" is
// newest stored: a history import lands after the live rows it predates.
import type { SearchHit } from '../../common/contract';
import { decodeSearchCursor, encodeSearchCursor } from '../cursor';
import type { DbContext } from '../db-context';
import { bodyOnly, planSearch } from '../fts-query';
import { literalSnippet, parseSnippet } from '../snippet';
import type { SearchQuery } from '../types';
import { clampLimit } from '../validate';

interface HitRow {
  id: number;
  conversation_id: number;
  member_name: string;
  sent_at: string;
  direction: SearchHit['direction'];
  snip: string;
}

/** Tokens of context snippet() keeps around the match; char(1) and char(2) are snippet.ts's markers. */
const SNIPPET_TOKENS = 16;

/** Counting stops here: "10,000+" says enough. */
export const SEARCH_COUNT_CAP = 10_000;

export function searchMessages(
  ctx: DbContext,
  query: SearchQuery,
): { hits: SearchHit[]; nextCursor: string | null; total?: number } {
  const limit = clampLimit(query.limit, 50);
  const plan = planSearch(query.query);
  if (plan.match === null && plan.literals.length === 0) return { hits: [], nextCursor: null };

  const params: Record<string, string | number> = { limit: limit + 1 };
  const where: string[] = [];
  const fts = plan.match !== null;
  if (fts) {
    where.push('messages_fts MATCH @match');
    // `body`: names are found by the people search; here only what the messages say.
    params.match = query.scope === 'body' ? bodyOnly(plan.match!) : plan.match!;
  }
  const filterOnly = [...where];
  if (query.cursor) {
    where.push(fts ? 'messages_fts.rowid < @before' : 'm.id < @before');
    params.before = decodeSearchCursor(query.cursor);
  }
  if (query.ownerId !== undefined) {
    where.push('m.owner_id = @ownerId');
    params.ownerId = query.ownerId;
  }
  plan.literals.forEach((literal, i) => {
    where.push(`instr(m.body, @literal${i}) > 0`);
    filterOnly.push(`instr(m.body, @literal${i}) > 0`);
    params[`literal${i}`] = literal;
  });
  if (query.ownerId !== undefined) filterOnly.push('m.owner_id = @ownerId');

  const sql = fts
    ? `SELECT m.id, m.conversation_id, c.member_name, m.sent_at, m.direction,
         snippet(messages_fts, 0, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS snip
       FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN conversations c ON c.id = m.conversation_id
       WHERE ${where.join(' AND ')} ORDER BY messages_fts.rowid DESC LIMIT @limit`
    : // Only emoji: unindexed, so a scan newest-first that stops at the page's end.
      `SELECT m.id, m.conversation_id, c.member_name, m.sent_at, m.direction, m.body AS snip
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT @limit`;
  const rows = ctx.prepare(sql).all(params) as HitRow[];
  const hits = rows.slice(0, limit).map((r) => ({
    messageId: r.id,
    conversationId: r.conversation_id,
    memberName: r.member_name,
    sentAt: r.sent_at,
    direction: r.direction,
    snippet: fts ? parseSnippet(r.snip, plan.literals) : literalSnippet(r.snip, plan.literals),
  }));
  const last = hits[hits.length - 1];
  const nextCursor = rows.length > limit && last ? encodeSearchCursor(last.messageId) : null;
  if (query.cursor || !query.withTotal) return { hits, nextCursor };
  // The first page also says how many messages match in all (capped), for the "N messages" count.
  const countParams = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'limit' && k !== 'before'));
  const countSql = fts
    ? `SELECT count(*) FROM (SELECT 1 FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
         WHERE ${filterOnly.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1})`
    : `SELECT count(*) FROM (SELECT 1 FROM messages m WHERE ${filterOnly.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1})`;
  const total = Number(ctx.prepare(countSql).pluck().get(countParams));
  return { hits, nextCursor, total };
}
