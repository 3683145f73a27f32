// The outbox: every text Frontdesk posts to ClubOS. A row is written (and committed) as 'sending'
// before the post and settled after; what is still 'sending' when no post is in flight is a text
// whose fate only the member's ClubOS history can tell.
import { z } from 'zod';
import type { DbContext } from '../../db-context';
import { DbError } from '../../errors';
import { epochToStored } from '../../iso-time';

export type OutboxOrigin = 'reply' | 'scheduled' | 'campaign';
export type OutboxState = 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  id: number;
  origin: OutboxOrigin;
  /** The scheduled item or campaign recipient; null for a reply. */
  originId: number | null;
  conversationId: number | null;
  memberId: string;
  memberName: string;
  channel: 'sms' | 'email';
  subject: string | null;
  body: string;
  state: OutboxState;
  /** Epoch ms written just before the post. */
  attemptAt: number;
  sentAt: number | null;
  verifiedInHistory: boolean;
  error: string | null;
}

export interface NewOutboxEntry {
  origin: OutboxOrigin;
  originId: number | null;
  conversationId: number | null;
  memberId: string;
  memberName: string;
  channel: 'sms' | 'email';
  subject?: string | null;
  body: string;
}

const row = z.object({
  id: z.number().int(),
  origin: z.enum(['reply', 'scheduled', 'campaign']),
  origin_id: z.number().int().nullable(),
  conversation_id: z.number().int().nullable(),
  member_id: z.string(),
  member_name: z.string(),
  channel: z.enum(['sms', 'email']),
  subject: z.string().nullable(),
  body: z.string(),
  state: z.enum(['sending', 'sent', 'failed']),
  attempt_at: z.string(),
  sent_at: z.string().nullable(),
  verified_in_history: z.number().int(),
  error: z.string().nullable(),
});

function toEntry(raw: unknown): OutboxEntry {
  const r = row.parse(raw);
  return {
    id: r.id,
    origin: r.origin,
    originId: r.origin_id,
    conversationId: r.conversation_id,
    memberId: r.member_id,
    memberName: r.member_name,
    channel: r.channel,
    subject: r.subject,
    body: r.body,
    state: r.state,
    attemptAt: Date.parse(r.attempt_at),
    sentAt: r.sent_at === null ? null : Date.parse(r.sent_at),
    verifiedInHistory: r.verified_in_history === 1,
    error: r.error,
  };
}

export interface OutboxQueries {
  /** Writes the attempt as 'sending' at the clock's now. Refused (DbError conflict) when the origin already has a live attempt. */
  begin(entry: NewOutboxEntry): OutboxEntry;
  markSent(id: number, sentAt: number, options?: { verifiedInHistory?: boolean }): OutboxEntry;
  markFailed(id: number, error: string): OutboxEntry;
  get(id: number): OutboxEntry | null;
  /** Oldest first: the attempts whose outcome is not known. */
  unsettled(): OutboxEntry[];
  /** Settled-as-sent attempts of this text to this member made at or after `since` (epoch ms). */
  sentLike(memberId: string, channel: 'sms' | 'email', body: string, since: number): OutboxEntry[];
  /** The newest attempts first, for the outbox view. */
  recent(limit: number): OutboxEntry[];
}

export function outboxQueries(ctx: DbContext): OutboxQueries {
  const get = (id: number): OutboxEntry | null => {
    const r: unknown = ctx.prepare('SELECT * FROM outbox WHERE id = ?').get(id);
    return r === undefined ? null : toEntry(r);
  };
  const must = (id: number): OutboxEntry => {
    const e = get(id);
    if (!e) throw new DbError('not_found', `outbox entry ${id} does not exist`);
    return e;
  };
  return {
    begin(entry) {
      if (entry.body.trim() === '') throw new DbError('invalid_argument', 'an empty text is not sent');
      try {
        const info = ctx
          .prepare(
            `INSERT INTO outbox (origin, origin_id, conversation_id, member_id, member_name, channel, subject, body, state, attempt_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?)`,
          )
          .run(entry.origin, entry.originId, entry.conversationId, entry.memberId, entry.memberName, entry.channel, entry.subject ?? null, entry.body, ctx.nowIso());
        return must(Number(info.lastInsertRowid));
      } catch (error) {
        if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
          throw new DbError('conflict', `${entry.origin} ${entry.originId} already has a text in flight or sent`);
        }
        throw error;
      }
    },
    markSent(id, sentAt, options) {
      const changed = ctx
        .prepare(`UPDATE outbox SET state = 'sent', sent_at = ?, verified_in_history = ?, error = NULL, settled_at = ? WHERE id = ? AND state = 'sending'`)
        .run(epochToStored(sentAt), options?.verifiedInHistory ? 1 : 0, ctx.nowIso(), id).changes;
      if (changed === 0) throw new DbError('conflict', `outbox entry ${id} is not in flight`);
      return must(id);
    },
    markFailed(id, error) {
      const changed = ctx
        .prepare(`UPDATE outbox SET state = 'failed', error = ?, settled_at = ? WHERE id = ? AND state = 'sending'`)
        .run(error, ctx.nowIso(), id).changes;
      if (changed === 0) throw new DbError('conflict', `outbox entry ${id} is not in flight`);
      return must(id);
    },
    get,
    unsettled: () => ctx.prepare(`SELECT * FROM outbox WHERE state = 'sending' ORDER BY id`).all().map(toEntry),
    sentLike: (memberId, channel, body, since) =>
      ctx
        .prepare(`SELECT * FROM outbox WHERE member_id = ? AND attempt_at >= ? AND state = 'sent' AND channel = ? AND body = ? ORDER BY id`)
        .all(memberId, epochToStored(since), channel, body)
        .map(toEntry),
    recent: (limit) => ctx.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.min(limit, 1000))).map(toEntry),
  };
}
