// Scheduled items of one conversation: a text to send later, or a reminder to staff when the
// member has not replied by a time. Due items are picked up on the next start when the app was closed.
import { z } from 'zod';
import type { DbContext } from '../../db-context';
import { DbError } from '../../errors';
import { epochToStored } from '../../iso-time';

export type ScheduledKind = 'send' | 'remind';
export type ScheduledState = 'pending' | 'sending' | 'needs_confirmation' | 'done' | 'cancelled' | 'failed';

export interface ScheduledItem {
  id: number;
  kind: ScheduledKind;
  conversationId: number;
  channel: 'sms' | 'email' | null;
  subject: string | null;
  body: string | null;
  dueAt: number;
  createdAt: number;
  state: ScheduledState;
  /** What happened ("sent", "member replied", the failure…). */
  outcome: string | null;
  /** How late it ran, when it ran more than a moment after its time. */
  lateByMs: number | null;
  settledAt: number | null;
}

const row = z.object({
  id: z.number().int(),
  kind: z.enum(['send', 'remind']),
  conversation_id: z.number().int(),
  channel: z.enum(['sms', 'email']).nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  due_at: z.string(),
  created_at: z.string(),
  state: z.enum(['pending', 'sending', 'needs_confirmation', 'done', 'cancelled', 'failed']),
  outcome: z.string().nullable(),
  late_by_ms: z.number().int().nullable(),
  settled_at: z.string().nullable(),
});

const ms = (s: string | null): number | null => (s === null ? null : Date.parse(s));

function toItem(raw: unknown): ScheduledItem {
  const r = row.parse(raw);
  return {
    id: r.id,
    kind: r.kind,
    conversationId: r.conversation_id,
    channel: r.channel,
    subject: r.subject,
    body: r.body,
    dueAt: Date.parse(r.due_at),
    createdAt: Date.parse(r.created_at),
    state: r.state,
    outcome: r.outcome,
    lateByMs: r.late_by_ms,
    settledAt: ms(r.settled_at),
  };
}

export type NewScheduledItem =
  | { kind: 'send'; conversationId: number; channel: 'sms' | 'email'; subject?: string | null; body: string; dueAt: number }
  | { kind: 'remind'; conversationId: number; dueAt: number };

const SETTLED: readonly ScheduledState[] = ['done', 'cancelled', 'failed'];

export interface ScheduledQueries {
  create(item: NewScheduledItem): ScheduledItem;
  get(id: number): ScheduledItem | null;
  /** Pending items whose time has come, oldest first. */
  due(now: number, limit?: number): ScheduledItem[];
  /** Items stuck in 'sending' (a run that ended mid-send): the outbox settles them. */
  inFlight(): ScheduledItem[];
  /** Pending, waiting for confirmation, or settled in the last `recentMs`, newest due first. */
  forConversation(conversationId: number, now: number, recentMs: number): ScheduledItem[];
  /** Moves the item when it is in one of `from`; false when it was not (someone else moved it). */
  transition(id: number, from: readonly ScheduledState[], to: ScheduledState, extra?: { outcome?: string; lateByMs?: number | null; dueAt?: number }): boolean;
  /** True when the member wrote in this conversation after `since` (epoch ms). */
  memberWroteSince(conversationId: number, since: number): boolean;
}

export function scheduledQueries(ctx: DbContext): ScheduledQueries {
  const get = (id: number): ScheduledItem | null => {
    const r: unknown = ctx.prepare('SELECT * FROM scheduled_items WHERE id = ?').get(id);
    return r === undefined ? null : toItem(r);
  };
  return {
    create(item) {
      const body = item.kind === 'send' ? item.body : null;
      if (item.kind === 'send' && item.body.trim() === '') throw new DbError('invalid_argument', 'an empty text is not scheduled');
      const info = ctx
        .prepare(
          `INSERT INTO scheduled_items (kind, conversation_id, channel, subject, body, due_at, created_at, state)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
        )
        .run(item.kind, item.conversationId, item.kind === 'send' ? item.channel : null, item.kind === 'send' ? (item.subject ?? null) : null, body, epochToStored(item.dueAt), ctx.nowIso());
      const created = get(Number(info.lastInsertRowid));
      if (!created) throw new DbError('not_found', 'the scheduled item could not be read back');
      return created;
    },
    get,
    due: (now, limit = 100) =>
      ctx.prepare(`SELECT * FROM scheduled_items WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`).all(epochToStored(now), limit).map(toItem),
    inFlight: () => ctx.prepare(`SELECT * FROM scheduled_items WHERE state = 'sending' ORDER BY id`).all().map(toItem),
    forConversation: (conversationId, now, recentMs) =>
      ctx
        .prepare(
          `SELECT * FROM scheduled_items WHERE conversation_id = ?
             AND (state IN ('pending', 'sending', 'needs_confirmation') OR settled_at >= ?)
           ORDER BY due_at DESC, id DESC LIMIT 50`,
        )
        .all(conversationId, epochToStored(now - recentMs))
        .map(toItem),
    transition(id, from, to, extra) {
      if (from.length === 0) return false;
      const sets = ['state = @to'];
      const params: Record<string, string | number | null> = { id, to };
      if (SETTLED.includes(to)) {
        sets.push('settled_at = @settled');
        params.settled = ctx.nowIso();
      }
      if (extra?.outcome !== undefined) {
        sets.push('outcome = @outcome');
        params.outcome = extra.outcome;
      }
      if (extra?.lateByMs !== undefined) {
        sets.push('late_by_ms = @late');
        params.late = extra.lateByMs;
      }
      if (extra?.dueAt !== undefined) {
        sets.push('due_at = @due');
        params.due = epochToStored(extra.dueAt);
      }
      const placeholders = from.map((_, i) => `@from${i}`);
      from.forEach((s, i) => (params[`from${i}`] = s));
      const sql = `UPDATE scheduled_items SET ${sets.join(', ')} WHERE id = @id AND state IN (${placeholders.join(', ')})`;
      return ctx.prepare(sql).run(params).changes > 0;
    },
    memberWroteSince: (conversationId, since) =>
      ctx.prepare(`SELECT 1 FROM messages WHERE conversation_id = ? AND direction = 'inbound' AND sent_at > ? LIMIT 1`).pluck().get(conversationId, epochToStored(since)) !== undefined,
  };
}
