// The assistant's drafts: one per member text it answered, as a suggestion for the composer or
// an item of the approval queue, until a person sends or rejects it (or a newer text supersedes it).
import { z } from 'zod';
import { intentSchema, type AssistantDraft, type DraftStatus } from '../../common/contract';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import type { JsonValue } from '../types';
import { parseInput } from '../validate';

export interface NewDraft {
  conversationId: number;
  messageId: number;
  intent: string | null;
  confidence: number | null;
  body: string;
  facts: Array<{ id: string; text: string }>;
  notes: string[];
  status: 'suggested' | 'pending' | 'auto_sent';
  decidedBy?: string | null;
}

const newDraftSchema = z.object({
  conversationId: z.number().int().positive(),
  messageId: z.number().int().positive(),
  intent: intentSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  body: z.string().max(4000),
  facts: z.array(z.object({ id: z.string(), text: z.string() })),
  notes: z.array(z.string()),
  status: z.enum(['suggested', 'pending', 'auto_sent']),
  decidedBy: z.string().max(120).nullable().optional(),
});

export interface AssistantDraftQueries {
  /** Stores the draft for a message; a message already drafted keeps its first draft (returns null). */
  insert(draft: NewDraft): AssistantDraft | null;
  get(id: number): AssistantDraft | null;
  forMessage(messageId: number): AssistantDraft | null;
  /** The open draft (suggested or pending) of a conversation, newest. */
  openFor(conversationId: number): AssistantDraft | null;
  /** Pending drafts, oldest first (the approval queue). */
  pending(limit?: number): AssistantDraft[];
  pendingCount(): number;
  /** Closes an open draft; throws when it is no longer open (someone else decided). */
  decide(id: number, status: Exclude<DraftStatus, 'suggested' | 'pending'>, by: string, body?: string): AssistantDraft;
  /**
   * Open drafts of the conversation become `superseded`: suggestions only (a newer text came in;
   * queued drafts stay for a person), or queued ones too (a person already answered). Returns their ids.
   */
  supersedeOpen(conversationId: number, exceptId: number | null, includePending?: boolean): number[];
}

interface Row {
  id: number;
  conversation_id: number;
  message_id: number;
  intent: string | null;
  confidence: number | null;
  body: string;
  facts: string;
  notes: string;
  status: DraftStatus;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  member_name: string;
  member_text: string;
  member_text_at: string;
  opted_out: number;
}

const SELECT = `SELECT d.id, d.conversation_id, d.message_id, d.intent, d.confidence, d.body, d.facts, d.notes, d.status,
    d.created_at, d.decided_at, d.decided_by, c.member_name, m.body AS member_text, m.sent_at AS member_text_at, c.opted_out
  FROM assistant_drafts d JOIN conversations c ON c.id = d.conversation_id JOIN messages m ON m.id = d.message_id`;

const factList = z.array(z.object({ id: z.string(), text: z.string() }));
const noteList = z.array(z.string());

function toDraft(r: Row): AssistantDraft {
  const intent = r.intent === null ? null : intentSchema.safeParse(r.intent);
  return {
    id: r.id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    memberName: r.member_name,
    memberText: r.member_text,
    memberTextAt: r.member_text_at,
    optedOut: r.opted_out === 1,
    intent: intent?.success ? intent.data : null,
    confidence: r.confidence,
    body: r.body,
    facts: factList.parse(JSON.parse(r.facts)),
    notes: noteList.parse(JSON.parse(r.notes)),
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  };
}

export function assistantDraftQueries(ctx: DbContext): AssistantDraftQueries {
  const get = (id: number): AssistantDraft | null => {
    const row = ctx.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row | undefined;
    return row ? toDraft(row) : null;
  };
  return {
    insert(draft) {
      const d = parseInput(newDraftSchema, draft, 'draft');
      const now = ctx.nowIso();
      const closed = d.status === 'auto_sent';
      const result = ctx
        .prepare(
          `INSERT INTO assistant_drafts (conversation_id, message_id, intent, confidence, body, facts, notes, status, created_at, decided_at, decided_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING`,
        )
        .run(
          d.conversationId,
          d.messageId,
          d.intent,
          d.confidence,
          d.body,
          JSON.stringify(d.facts satisfies JsonValue),
          JSON.stringify(d.notes),
          d.status,
          now,
          closed ? now : null,
          closed ? (d.decidedBy ?? 'assistant') : null,
        );
      return result.changes === 0 ? null : get(Number(result.lastInsertRowid));
    },
    get,
    forMessage(messageId) {
      const row = ctx.prepare(`${SELECT} WHERE d.message_id = ?`).get(messageId) as Row | undefined;
      return row ? toDraft(row) : null;
    },
    openFor(conversationId) {
      const row = ctx.prepare(`${SELECT} WHERE d.conversation_id = ? AND d.status IN ('suggested', 'pending') ORDER BY d.id DESC LIMIT 1`).get(conversationId) as
        | Row
        | undefined;
      return row ? toDraft(row) : null;
    },
    pending(limit = 200) {
      return (ctx.prepare(`${SELECT} WHERE d.status = 'pending' ORDER BY d.created_at, d.id LIMIT ?`).all(limit) as Row[]).map(toDraft);
    },
    pendingCount() {
      return ctx.prepare(`SELECT count(*) FROM assistant_drafts WHERE status = 'pending'`).pluck().get() as number;
    },
    decide(id, status, by, body) {
      return ctx.transaction(() => {
        const current = get(id);
        if (!current) throw notFound('draft', id);
        if (current.status !== 'pending' && current.status !== 'suggested') {
          throw new DbError('conflict', `draft ${id} was already ${current.status.replace('_', ' ')}`);
        }
        ctx
          .prepare('UPDATE assistant_drafts SET status = ?, decided_at = ?, decided_by = ?, body = coalesce(?, body) WHERE id = ?')
          .run(status, ctx.nowIso(), by, body ?? null, id);
        return get(id)!;
      });
    },
    supersedeOpen(conversationId, exceptId, includePending = false) {
      const statuses = includePending ? `('suggested', 'pending')` : `('suggested')`;
      const ids = ctx
        .prepare(`SELECT id FROM assistant_drafts WHERE conversation_id = ? AND status IN ${statuses} AND id IS NOT ?`)
        .pluck()
        .all(conversationId, exceptId) as number[];
      const stmt = ctx.prepare(`UPDATE assistant_drafts SET status = 'superseded', decided_at = ?, decided_by = 'assistant' WHERE id = ?`);
      for (const id of ids) stmt.run(ctx.nowIso(), id);
      return ids;
    },
  };
}
