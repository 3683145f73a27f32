// The cached conversation columns recomputed the slow, obvious way: every message of the
// conversation read into memory and the rules applied in JS. Independent of the indexed path in
// cached-columns.ts, so comparing the two catches a cache that drifted from its messages.
import { intentSchema } from '../../common/contract';
import type { DbContext } from '../db-context';
import type { CachedColumnMismatch, CachedColumns } from '../types';
import { preview } from './cached-columns';
import { waitingStateOf } from './waiting';

interface MessageFacts {
  id: number;
  sent_at: string;
  received_at: string;
  local_time: string | null;
  body: string;
  direction: string;
  read_at: string | null;
  requires_response: number;
  intent: string | null;
}

const byTime = (a: MessageFacts, b: MessageFacts): number =>
  a.sent_at < b.sent_at ? -1 : a.sent_at > b.sent_at ? 1 : a.id - b.id;

export function expectedCachedColumns(ctx: DbContext, conversationId: number): CachedColumns {
  const messages = (
    ctx
      .prepare('SELECT id, sent_at, received_at, local_time, body, direction, read_at, requires_response, intent FROM messages WHERE conversation_id = ?')
      .all(conversationId) as MessageFacts[]
  ).sort(byTime);
  const newest = messages[messages.length - 1];
  const handledAt = ctx.prepare('SELECT handled_at FROM conversations WHERE id = ?').pluck().get(conversationId) as string | null | undefined;
  const { requiresResponse, waitingSince } = waitingStateOf(messages, handledAt ?? null, ctx.waiting.staleImportMs);
  const withIntent = messages.filter((m) => m.direction !== 'outbound' && m.intent !== null);
  const intent = withIntent[withIntent.length - 1]?.intent ?? null;
  return {
    lastMessageAt: newest?.sent_at ?? null,
    lastMessagePreview: newest ? preview(newest.body) : '',
    unreadCount: messages.filter((m) => m.direction !== 'outbound' && m.read_at === null).length,
    requiresResponse,
    waitingSince,
    intent: intent === null ? null : intentSchema.parse(intent),
  };
}

interface StoredRow {
  last_message_at: string | null;
  last_message_preview: string;
  unread_count: number;
  requires_response: number;
  waiting_since: string | null;
  intent: string | null;
  tags: string;
}

/** Every cached column (and tag mirror) of the conversation that differs from its messages. */
export function auditConversation(ctx: DbContext, conversationId: number): CachedColumnMismatch[] {
  const row = ctx
    .prepare(
      `SELECT last_message_at, last_message_preview, unread_count, requires_response, waiting_since, intent, tags
       FROM conversations WHERE id = ?`,
    )
    .get(conversationId) as StoredRow | undefined;
  if (!row) return [];
  const want = expectedCachedColumns(ctx, conversationId);
  const tagRows = ctx.prepare('SELECT tag, source FROM conversation_tags WHERE conversation_id = ?').all(conversationId) as Array<{
    tag: string;
    source: string;
  }>;
  const auto = tagRows.filter((t) => t.source === 'auto').map((t) => t.tag);
  const mirror = [...new Set(tagRows.map((t) => t.tag))].sort();
  const pairs: Array<[string, unknown, unknown]> = [
    ['last_message_at', row.last_message_at, want.lastMessageAt],
    ['last_message_preview', row.last_message_preview, want.lastMessagePreview],
    ['unread_count', row.unread_count, want.unreadCount],
    ['requires_response', row.requires_response === 1, want.requiresResponse],
    ['waiting_since', row.waiting_since, want.waitingSince],
    ['intent', row.intent, want.intent],
    ['auto tags', JSON.stringify(auto), JSON.stringify(want.intent === null ? [] : [want.intent])],
    ['tags', row.tags, JSON.stringify(mirror.sort())],
  ];
  return pairs
    .filter(([, stored, expected]) => stored !== expected)
    .map(([column, stored, expected]) => ({ conversationId, column, stored, expected }));
}

export function auditAll(ctx: DbContext): CachedColumnMismatch[] {
  const ids = ctx.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
  return ids.flatMap((id) => auditConversation(ctx, id));
}
