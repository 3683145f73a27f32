// "Needs attention" on a conversation: raised by a waiting-too-long rule or a due no-reply
// reminder, cleared when staff answer or close it. Notices remember which waiting episode already
// produced a desktop notification, so each episode notifies once, across restarts too.
import type { DbContext } from '../../db-context';
import { epochToStored } from '../../iso-time';
import { ACTIVE } from '../../sql-fragments';

export type AttentionReason = 'waiting' | 'no_reply';

export interface WaitingConversation {
  id: number;
  intent: string | null;
  tags: string[];
  waitingSince: number;
  attentionReason: AttentionReason | null;
}

export interface AttentionQueries {
  /** Open, pending or awake conversations whose member waits for an answer. */
  waiting(now: number): WaitingConversation[];
  /** Conversations marked for attention. */
  raised(): Array<{ id: number; reason: AttentionReason; requiresResponse: boolean; active: boolean }>;
  /** Marks the conversation; false when it already carried this mark. */
  raise(conversationId: number, reason: AttentionReason, since: number): boolean;
  clear(conversationId: number): boolean;
  /** Records that this episode was notified; false when it had been already. */
  noticeOnce(conversationId: number, episode: string): boolean;
}

export function attentionQueries(ctx: DbContext): AttentionQueries {
  return {
    waiting(now) {
      const rows = ctx
        .prepare(
          `SELECT c.id, c.intent, c.tags, c.waiting_since, c.attention_reason FROM conversations c
           WHERE c.requires_response = 1 AND c.waiting_since IS NOT NULL AND ${ACTIVE}
             AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?)`,
        )
        .all(epochToStored(now)) as Array<{ id: number; intent: string | null; tags: string; waiting_since: string; attention_reason: AttentionReason | null }>;
      return rows.map((r) => ({
        id: r.id,
        intent: r.intent,
        tags: JSON.parse(r.tags) as string[],
        waitingSince: Date.parse(r.waiting_since),
        attentionReason: r.attention_reason,
      }));
    },
    raised() {
      const rows = ctx
        .prepare(`SELECT c.id, c.attention_reason, c.requires_response, (${ACTIVE}) AS active FROM conversations c WHERE c.attention_reason IS NOT NULL`)
        .all() as Array<{ id: number; attention_reason: AttentionReason; requires_response: number; active: number }>;
      return rows.map((r) => ({ id: r.id, reason: r.attention_reason, requiresResponse: r.requires_response === 1, active: r.active === 1 }));
    },
    raise(conversationId, reason, since) {
      return (
        ctx
          .prepare(`UPDATE conversations SET attention_reason = ?, attention_since = ? WHERE id = ? AND attention_reason IS NOT ?`)
          .run(reason, epochToStored(since), conversationId, reason).changes > 0
      );
    },
    clear(conversationId) {
      return ctx.prepare(`UPDATE conversations SET attention_reason = NULL, attention_since = NULL WHERE id = ? AND attention_reason IS NOT NULL`).run(conversationId).changes > 0;
    },
    noticeOnce(conversationId, episode) {
      return ctx.prepare(`INSERT OR IGNORE INTO attention_notices (conversation_id, episode, notified_at) VALUES (?, ?, ?)`).run(conversationId, episode, ctx.nowIso()).changes > 0;
    },
  };
}
