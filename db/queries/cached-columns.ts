// The conversation columns derived from its messages, recomputed for each touched conversation
// inside the writing transaction: the newest message, the unread count and intent from their
// partial indexes, and, only while the member waits, a walk back to the last reply. Nothing is
// written when nothing changed.
import { intentSchema } from '../../common/contract';
import type { DbContext } from '../db-context';
import type { CachedColumns } from '../types';
import { refreshTagMirror, replaceTags, tagsOf } from './tags';
import { waitingState } from './waiting';

export const PREVIEW_LENGTH = 140;

/** The first `PREVIEW_LENGTH` code points (never half of a surrogate pair). */
export function preview(body: string): string {
  let out = '';
  let n = 0;
  for (const ch of body) {
    if (n++ === PREVIEW_LENGTH) break;
    out += ch;
  }
  return out;
}

interface WalkRow {
  sent_at: string;
  body: string;
}

interface StateRow {
  found: number;
  last_message_at: string | null;
  last_message_preview: string;
  unread_count: number;
  requires_response: number;
  waiting_since: string | null;
  intent: string | null;
  handled_at: string | null;
  unread: number;
  newest_intent: string | null;
}

const EMPTY: CachedColumns = {
  lastMessageAt: null,
  lastMessagePreview: '',
  unreadCount: 0,
  requiresResponse: false,
  waitingSince: null,
  intent: null,
};

/** What is stored now (null: no such conversation), plus the unread count and intent the messages give. */
function readState(ctx: DbContext, conversationId: number): StateRow | undefined {
  return ctx
    .prepare(
      `SELECT 1 AS found, c.last_message_at, c.last_message_preview, c.unread_count, c.requires_response, c.waiting_since, c.intent, c.handled_at,
         (SELECT count(*) FROM messages u WHERE u.conversation_id = c.id AND u.read_at IS NULL AND u.direction <> 'outbound') AS unread,
         (SELECT i.intent FROM messages i WHERE i.conversation_id = c.id AND i.intent IS NOT NULL AND i.direction <> 'outbound'
          ORDER BY i.sent_at DESC, i.id DESC LIMIT 1) AS newest_intent
       FROM conversations c WHERE c.id = ?`,
    )
    .get(conversationId) as StateRow | undefined;
}

function computeFrom(ctx: DbContext, conversationId: number, state: StateRow): CachedColumns {
  const newest = ctx
    .prepare('SELECT sent_at, body FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT 1')
    .get(conversationId) as WalkRow | undefined;
  if (!newest) return EMPTY;
  const waiting = waitingState(ctx, conversationId, state.handled_at);
  return {
    lastMessageAt: newest.sent_at,
    lastMessagePreview: preview(newest.body),
    unreadCount: state.unread,
    requiresResponse: waiting.requiresResponse,
    waitingSince: waiting.waitingSince,
    intent: state.newest_intent === null ? null : intentSchema.parse(state.newest_intent),
  };
}

export function computeCachedColumns(ctx: DbContext, conversationId: number): CachedColumns {
  const state = readState(ctx, conversationId);
  return state ? computeFrom(ctx, conversationId, state) : EMPTY;
}

/** Recomputes and stores the cached columns (and the intent's automatic tag) of one conversation. */
export function refreshCachedColumns(ctx: DbContext, conversationId: number): void {
  const stored = readState(ctx, conversationId);
  if (!stored) return;
  const next = computeFrom(ctx, conversationId, stored);
  const changed =
    stored.last_message_at !== next.lastMessageAt ||
    stored.last_message_preview !== next.lastMessagePreview ||
    stored.unread_count !== next.unreadCount ||
    stored.requires_response !== (next.requiresResponse ? 1 : 0) ||
    stored.waiting_since !== next.waitingSince ||
    stored.intent !== next.intent;
  if (changed) {
    ctx
      .prepare(
        `UPDATE conversations SET last_message_at = ?, last_message_preview = ?, unread_count = ?,
           requires_response = ?, waiting_since = ?, intent = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.lastMessageAt,
        next.lastMessagePreview,
        next.unreadCount,
        next.requiresResponse ? 1 : 0,
        next.waitingSince,
        next.intent,
        ctx.nowIso(),
        conversationId,
      );
  }
  if (stored.intent !== next.intent) replaceTags(ctx, conversationId, 'auto', next.intent === null ? [] : [next.intent]);
}

/** After manual tags moved between conversations: the auto tag and the mirror from scratch. */
export function refreshAllDerived(ctx: DbContext, conversationId: number): void {
  refreshCachedColumns(ctx, conversationId);
  const intent: unknown = ctx.prepare('SELECT intent FROM conversations WHERE id = ?').pluck().get(conversationId);
  const auto = tagsOf(ctx, conversationId, 'auto');
  const want = typeof intent === 'string' ? [intent] : [];
  if (auto.join('\n') !== want.join('\n')) replaceTags(ctx, conversationId, 'auto', want);
  else refreshTagMirror(ctx, conversationId);
}
