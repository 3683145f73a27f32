// The outreach log: append-only (triggers refuse updates and deletes), one row per send, skip,
// block or reminder, with who or what did it and why.
import { z } from 'zod';
import type { DbContext } from '../../db-context';
import { epochToStored } from '../../iso-time';

export interface OutreachLogEntry {
  id: number;
  at: number;
  kind: string;
  conversationId: number | null;
  memberId: string | null;
  detail: string;
  reason: string | null;
  actor: string;
}

export interface NewOutreachLogEntry {
  at: number;
  kind: string;
  conversationId?: number | null;
  memberId?: string | null;
  detail: string;
  reason?: string | null;
  actor: string;
}

const row = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  conversation_id: z.number().int().nullable(),
  member_id: z.string().nullable(),
  detail: z.string(),
  reason: z.string().nullable(),
  actor: z.string(),
});

const toEntry = (raw: unknown): OutreachLogEntry => {
  const r = row.parse(raw);
  return { id: r.id, at: Date.parse(r.at), kind: r.kind, conversationId: r.conversation_id, memberId: r.member_id, detail: r.detail, reason: r.reason, actor: r.actor };
};

export interface OutreachLogQueries {
  append(entry: NewOutreachLogEntry): OutreachLogEntry;
  /** Newest first; `before` is an entry id. */
  list(options: { limit: number; before?: number; conversationId?: number; memberId?: string }): OutreachLogEntry[];
}

export function outreachLogQueries(ctx: DbContext): OutreachLogQueries {
  return {
    append(e) {
      const info = ctx
        .prepare('INSERT INTO outreach_log (at, kind, conversation_id, member_id, detail, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(epochToStored(e.at), e.kind, e.conversationId ?? null, e.memberId ?? null, e.detail, e.reason ?? null, e.actor);
      return toEntry(ctx.prepare('SELECT * FROM outreach_log WHERE id = ?').get(Number(info.lastInsertRowid)));
    },
    list({ limit, before, conversationId, memberId }) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (before !== undefined) {
        where.push('id < ?');
        params.push(before);
      }
      if (conversationId !== undefined) {
        where.push('conversation_id = ?');
        params.push(conversationId);
      }
      if (memberId !== undefined) {
        where.push('member_id = ?');
        params.push(memberId);
      }
      const sql = `SELECT * FROM outreach_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return ctx.prepare(sql).all(...params, Math.max(1, Math.min(limit, 1000))).map(toEntry);
    },
  };
}
