// The assistant's action log: one append-only row per step (classified, drafted, queued,
// approved, sent, refused…). Other features append their own kinds (lowercase words).
import { z } from 'zod';
import { intentSchema, type ActionLogEntry } from '../../common/contract';
import type { DbContext } from '../db-context';
import { DbError } from '../errors';
import type { JsonValue } from '../types';
import { parseInput } from '../validate';

export interface NewAction {
  kind: string;
  /** `assistant`, `staff:<name>`, or another feature's name. */
  actor: string;
  conversationId?: number | null;
  messageId?: number | null;
  draftId?: number | null;
  memberName?: string | null;
  intent?: string | null;
  confidence?: number | null;
  /** Why, in a word (`opted_out`, `hourly_cap`…) when the step refused or was refused. */
  reason?: string | null;
  detail?: { [key: string]: JsonValue };
}

const newActionSchema = z.object({
  kind: z.string().regex(/^[a-z_]{1,40}$/, 'lowercase letters and _'),
  actor: z.string().min(1).max(120),
  conversationId: z.number().int().positive().nullable().optional(),
  messageId: z.number().int().positive().nullable().optional(),
  draftId: z.number().int().positive().nullable().optional(),
  memberName: z.string().max(200).nullable().optional(),
  intent: intentSchema.nullable().optional(),
  confidence: z.number().min(0).max(1).nullable().optional(),
  reason: z.string().max(200).nullable().optional(),
  detail: z.record(z.string(), z.json()).optional(),
});

export interface ActionLogQuery {
  conversationId?: number;
  messageId?: number;
  kinds?: readonly string[];
  /** Rows with id below this, for paging back. */
  beforeId?: number;
  /** 1–5000, default 200. */
  limit?: number;
}

export interface ActionLogQueries {
  append(action: NewAction): ActionLogEntry;
  /** Newest first. */
  list(query?: ActionLogQuery): ActionLogEntry[];
  /** Rows of these kinds at or after `sinceIso`. */
  countSince(kinds: readonly string[], sinceIso: string): number;
  /** Every row, oldest first, in pages: the CSV export reads it without holding it all. */
  each(fn: (entry: ActionLogEntry) => void): void;
}

interface Row {
  id: number;
  at: string;
  kind: string;
  actor: string;
  conversation_id: number | null;
  message_id: number | null;
  draft_id: number | null;
  member_name: string | null;
  intent: string | null;
  confidence: number | null;
  reason: string | null;
  detail: string;
}

const COLUMNS = 'id, at, kind, actor, conversation_id, message_id, draft_id, member_name, intent, confidence, reason, detail';

function toEntry(r: Row): ActionLogEntry {
  const intent = r.intent === null ? null : intentSchema.safeParse(r.intent);
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    actor: r.actor,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    draftId: r.draft_id,
    memberName: r.member_name,
    intent: intent?.success ? intent.data : null,
    confidence: r.confidence,
    reason: r.reason,
    detail: z.record(z.string(), z.json()).parse(JSON.parse(r.detail)),
  };
}

export function actionLogQueries(ctx: DbContext): ActionLogQueries {
  return {
    append(action) {
      const a = parseInput(newActionSchema, action, 'action');
      const row = ctx
        .prepare(
          `INSERT INTO assistant_actions (at, kind, actor, conversation_id, message_id, draft_id, member_name, intent, confidence, reason, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
        )
        .get(
          ctx.nowIso(),
          a.kind,
          a.actor,
          a.conversationId ?? null,
          a.messageId ?? null,
          a.draftId ?? null,
          a.memberName ?? null,
          a.intent ?? null,
          a.confidence ?? null,
          a.reason ?? null,
          JSON.stringify(a.detail ?? {}),
        ) as Row;
      return toEntry(row);
    },
    list(query = {}) {
      const limit = query.limit ?? 200;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new DbError('invalid_argument', 'limit: an integer from 1 to 5000');
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (query.conversationId !== undefined) {
        where.push('conversation_id = ?');
        params.push(query.conversationId);
      }
      if (query.messageId !== undefined) {
        where.push('message_id = ?');
        params.push(query.messageId);
      }
      if (query.kinds && query.kinds.length > 0) {
        where.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
        params.push(...query.kinds);
      }
      if (query.beforeId !== undefined) {
        where.push('id < ?');
        params.push(query.beforeId);
      }
      const sql = `SELECT ${COLUMNS} FROM assistant_actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return (ctx.prepare(sql).all(...params, limit) as Row[]).map(toEntry);
    },
    countSince(kinds, sinceIso) {
      if (kinds.length === 0) return 0;
      const sql = `SELECT count(*) FROM assistant_actions WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND at >= ?`;
      return ctx.prepare(sql).pluck().get(...kinds, sinceIso) as number;
    },
    each(fn) {
      let after = 0;
      for (;;) {
        const rows = ctx.prepare(`SELECT ${COLUMNS} FROM assistant_actions WHERE id > ? ORDER BY id LIMIT 1000`).all(after) as Row[];
        if (rows.length === 0) return;
        for (const r of rows) fn(toEntry(r));
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
