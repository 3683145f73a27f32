// Team mode's local side (migration 008): who "me" is, internal notes, assignment, per-staff read
// marks, who sent which reply, and the team outbox the triggers fill. Applying a change received
// from the team store happens inside `applyingRemote`, whose guard row keeps the triggers quiet
// so a received change is never sent back.
import { z } from 'zod';
import type { Conversation, InternalNote, StaffMember } from '../../common/contract';
import type { DbContext } from '../db-context';
import { DbError, notFound } from '../errors';
import { toStoredInstant } from '../iso-time';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS } from '../sql-fragments';
import { refreshCachedColumns } from './cached-columns';
import { normalizeTags, refreshTagMirror } from './tags';

export type TeamOutboxKind = 'message' | 'author' | 'status' | 'handled' | 'tag' | 'assign' | 'note' | 'read' | 'draft' | 'campaign';

export interface TeamOutboxEntry {
  seq: number;
  kind: TeamOutboxKind;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface StaffRead {
  staff: StaffMember;
  readThrough: string | null;
  at: string;
}

/** A conversation as the team names it: its grouping key and what creates it on a desk that lacks it. */
export interface TeamConversationRef {
  key: string;
  ownerId: string;
  memberId: string | null;
  memberName: string;
  nameKey: string;
}

export interface TeamQueries {
  identity(): StaffMember | null;
  setIdentity(me: StaffMember | null): void;
  /** Whether local changes are captured for the team (team mode configured). */
  capturing(): boolean;
  /**
   * Turns capture on or off. Turning it on enqueues the desk's current shared state (every
   * message, status, handled mark, tag, assignment, note, read mark and author) once, in the same
   * transaction, so joining a team brings what this desk knows.
   */
  setCapturing(on: boolean): { seeded: number };
  outbox: {
    /** Appends an entry the triggers do not write (campaign progress), unless capture is off. */
    enqueue(kind: TeamOutboxKind, payload: Record<string, unknown>): boolean;
    /** The oldest entries, in order. */
    peek(limit: number): TeamOutboxEntry[];
    /** Removes every entry up to and including `seq` (pushed to the team store). */
    removeThrough(seq: number): void;
    count(): number;
    /**
     * What local changes still wait to be pushed, as `kind|key|detail` (tag or staff): a received
     * change to the same field is older than the waiting one, which will win at the store.
     */
    pendingFields(): Set<string>;
  };
  /** Runs `fn` as the application of received changes: nothing it writes is captured. */
  applyingRemote<T>(fn: () => T): T;
  /** The conversation with this grouping key, or null. */
  conversationByKey(key: string): Conversation | null;
  conversationKey(id: number): string;
  notes: {
    add(note: { conversationId: number; uid: string; author: StaffMember; body: string; createdAt?: string }): { note: InternalNote; created: boolean };
    list(conversationId: number): InternalNote[];
  };
  /** When the current assignment was made (null: unassigned). */
  assignedAt(conversationId: number): string | null;
  /** Staff this desk has seen: assignees, note authors, readers and reply authors. */
  knownStaff(): StaffMember[];
  /** Sets (or clears) the assignee; returns the conversation. The rule about taking over is the caller's. */
  assign(conversationId: number, assignee: StaffMember | null): Conversation;
  /** Adds or removes one manual tag (a received tag change; local edits go through setTags). */
  setTagPresent(conversationId: number, tag: string, present: boolean): Conversation;
  reads: {
    list(conversationId: number): StaffRead[];
    /** Stores a staff member's read mark (received from the team). */
    record(conversationId: number, staff: StaffMember, readThrough: string | null, at: string): void;
    /**
     * Applies my own read mark from another desk: messages up to `readThrough` read, later ones
     * unread (only those received before the mark was made: `knownUntil`). Returns whether anything changed.
     */
    applyMine(conversationId: number, readThrough: string | null): boolean;
  };
  authors: {
    set(messageId: number, staff: StaffMember): void;
    list(conversationId: number): Array<{ messageId: number; staff: StaffMember }>;
  };
  campaigns: {
    record(entry: { deskId: string; campaignId: number; staff: StaffMember | null; campaign: Record<string, unknown>; at: string }): void;
    list(): Array<{ deskId: string; staff: StaffMember | null; campaign: Record<string, unknown>; updatedAt: string }>;
  };
  /** A message's identity across desks: `owner|dedupe key|occurrence`. */
  messageIdentity(messageId: number): string;
  /** The local message id of a message identity, or null. */
  messageId(ownerId: string, dedupeKey: string, occurrence: number): number | null;
  /**
   * Outbound messages of the conversation sent at or after `since` (ISO), newest first, with their
   * author when known: the collision check's "someone else replied". By the time it was sent, not
   * stored: an old reply read from ClubOS history just now is no collision.
   */
  recentOutbound(conversationId: number, since: string): Array<{ messageId: number; sentAt: string; receivedAt: string; staff: StaffMember | null }>;
}

const noteRow = z.object({
  id: z.number().int(),
  uid: z.string(),
  conversation_id: z.number().int(),
  author_id: z.string(),
  author_name: z.string(),
  body: z.string(),
  created_at: z.string(),
});
const toNote = (row: unknown): InternalNote => {
  const r = noteRow.parse(row);
  return { id: r.id, uid: r.uid, conversationId: r.conversation_id, author: { id: r.author_id, name: r.author_name }, body: r.body, createdAt: r.created_at };
};
const outboxRow = z.object({ seq: z.number().int(), kind: z.string(), payload: z.string(), created_at: z.string() });

const conversationFields = (alias: string): string =>
  `'key', ${alias}.conversation_id, 'ownerId', ${alias}.owner_id, 'memberId', ${alias}.member_id, 'memberName', ${alias}.member_name, 'nameKey', ${alias}.name_key`;

/** The seed a desk sends on joining: its state, in the order a receiver needs it (messages before what refers to them). */
const SEED = [
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'message', json_object(${conversationFields('c')},
     'dedupeKey', m.dedupe_key, 'occurrence', m.occurrence, 'direction', m.direction, 'channel', m.channel,
     'senderName', m.sender_name, 'body', m.body, 'localDate', m.local_date, 'localTime', m.local_time,
     'sentAt', m.sent_at, 'source', m.source, 'requiresResponse', m.requires_response, 'subject', m.subject,
     'intent', m.intent, 'confidence', m.ai_confidence_score,
     'fromMemberId', m.from_member_id, 'fromMemberName', m.from_member_name, 'toStaffName', m.to_staff_name,
     'readAt', CASE WHEN m.source = 'history' THEN m.read_at END), @now
   FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.sent_at, m.id`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'author', json_object('ownerId', m.owner_id, 'dedupeKey', m.dedupe_key, 'occurrence', m.occurrence,
     'staffId', a.staff_id, 'staffName', a.staff_name), @now
   FROM message_authors a JOIN messages m ON m.id = a.message_id ORDER BY a.message_id`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'status', json_object(${conversationFields('c')}, 'status', c.conversation_status, 'snoozedUntil', c.snoozed_until, 'by', @me), @now
   FROM conversations c WHERE c.conversation_status <> 'open' ORDER BY c.id`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'handled', json_object(${conversationFields('c')}, 'handledAt', c.handled_at, 'by', @me, 'byName', @meName), @now
   FROM conversations c WHERE c.handled_at IS NOT NULL ORDER BY c.id`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'tag', json_object(${conversationFields('c')}, 'tag', t.tag, 'present', json('true'), 'by', @me), @now
   FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id WHERE t.source = 'manual' ORDER BY c.id, t.tag`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'assign', json_object(${conversationFields('c')}, 'from', NULL, 'to', c.assignee_id, 'toName', c.assignee_name, 'by', @me), @now
   FROM conversations c WHERE c.assignee_id IS NOT NULL ORDER BY c.id`,
  `INSERT INTO team_outbox (kind, payload, created_at)
   SELECT 'note', json_object(${conversationFields('c')}, 'uid', n.uid, 'authorId', n.author_id, 'authorName', n.author_name,
     'body', n.body, 'createdAt', n.created_at), @now
   FROM internal_notes n JOIN conversations c ON c.id = n.conversation_id ORDER BY n.id`,
];

export function teamQueries(ctx: DbContext): TeamQueries {
  const getConversation = (id: number): Conversation => {
    const row = ctx.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`).get(id);
    if (row === undefined) throw notFound('conversation', id);
    return toConversation(row);
  };

  function identity(): StaffMember | null {
    const row = ctx.prepare('SELECT staff_id AS id, staff_name AS name FROM team_identity').get() as StaffMember | undefined;
    return row ?? null;
  }

  const capturing = (): boolean => ctx.prepare('SELECT 1 FROM team_capture').get() !== undefined;

  return {
    identity,
    setIdentity(me) {
      ctx.transaction(() => {
        ctx.prepare('DELETE FROM team_identity').run();
        if (me) ctx.prepare('INSERT INTO team_identity (one, staff_id, staff_name) VALUES (1, ?, ?)').run(me.id, me.name);
      });
      ctx.team.me = me?.id ?? null;
    },
    capturing,
    setCapturing(on) {
      return ctx.transaction(() => {
        if (!on) {
          ctx.prepare('DELETE FROM team_capture').run();
          return { seeded: 0 };
        }
        if (capturing()) return { seeded: 0 };
        const me = identity();
        const before = Number(ctx.prepare('SELECT count(*) FROM team_outbox').pluck().get());
        const params = { now: ctx.nowIso(), me: me?.id ?? null, meName: me?.name ?? null };
        for (const sql of SEED) ctx.prepare(sql).run(params);
        ctx.prepare('INSERT INTO team_capture (one) VALUES (1)').run();
        return { seeded: Number(ctx.prepare('SELECT count(*) FROM team_outbox').pluck().get()) - before };
      });
    },
    outbox: {
      enqueue(kind, payload) {
        if (!capturing()) return false;
        ctx.prepare('INSERT INTO team_outbox (kind, payload, created_at) VALUES (?, ?, ?)').run(kind, JSON.stringify(payload), ctx.nowIso());
        return true;
      },
      peek(limit) {
        return ctx
          .prepare('SELECT seq, kind, payload, created_at FROM team_outbox ORDER BY seq LIMIT ?')
          .all(limit)
          .map((row) => {
            const r = outboxRow.parse(row);
            return { seq: r.seq, kind: r.kind as TeamOutboxKind, payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at };
          });
      },
      removeThrough(seq) {
        ctx.prepare('DELETE FROM team_outbox WHERE seq <= ?').run(seq);
      },
      count: () => Number(ctx.prepare('SELECT count(*) FROM team_outbox').pluck().get()),
      pendingFields() {
        const rows = ctx
          .prepare(
            `SELECT DISTINCT kind || '|' || coalesce(json_extract(payload, '$.key'), '') || '|' ||
               coalesce(json_extract(payload, '$.tag'), json_extract(payload, '$.staffId'), '') FROM team_outbox
             WHERE kind IN ('status', 'handled', 'tag', 'read')`,
          )
          .pluck()
          .all() as string[];
        return new Set(rows);
      },
    },
    applyingRemote(fn) {
      return ctx.transaction(() => {
        ctx.prepare('INSERT OR IGNORE INTO team_applying (one) VALUES (1)').run();
        try {
          return fn();
        } finally {
          ctx.prepare('DELETE FROM team_applying').run();
        }
      });
    },
    conversationByKey(key) {
      const row = ctx.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.conversation_id = ?`).get(key);
      return row === undefined ? null : toConversation(row);
    },
    conversationKey(id) {
      const key: unknown = ctx.prepare('SELECT conversation_id FROM conversations WHERE id = ?').pluck().get(id);
      if (typeof key !== 'string') throw notFound('conversation', id);
      return key;
    },
    notes: {
      add({ conversationId, uid, author, body, createdAt }) {
        return ctx.transaction(() => {
          getConversation(conversationId);
          const text = body.trim();
          if (text.length === 0 || text.length > 4000) throw new DbError('invalid_argument', 'a note is 1–4000 characters');
          const at = createdAt === undefined ? ctx.nowIso() : toStoredInstant(createdAt, 'createdAt');
          const result = ctx
            .prepare(
              `INSERT INTO internal_notes (uid, conversation_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (uid) DO NOTHING`,
            )
            .run(uid, conversationId, author.id, author.name, text, at);
          const row = ctx.prepare('SELECT * FROM internal_notes WHERE uid = ?').get(uid);
          return { note: toNote(row), created: result.changes > 0 };
        });
      },
      list: (conversationId) =>
        ctx.prepare('SELECT * FROM internal_notes WHERE conversation_id = ? ORDER BY created_at, id').all(conversationId).map(toNote),
    },
    assignedAt(conversationId) {
      const at: unknown = ctx.prepare('SELECT assigned_at FROM conversations WHERE id = ?').pluck().get(conversationId);
      return typeof at === 'string' ? at : null;
    },
    knownStaff() {
      return ctx
        .prepare(
          `SELECT id, max(name) AS name FROM (
             SELECT assignee_id AS id, assignee_name AS name FROM conversations WHERE assignee_id IS NOT NULL
             UNION ALL SELECT author_id, author_name FROM internal_notes
             UNION ALL SELECT staff_id, staff_name FROM staff_reads
             UNION ALL SELECT staff_id, staff_name FROM message_authors
           ) GROUP BY id ORDER BY name`,
        )
        .all() as StaffMember[];
    },
    assign(conversationId, assignee) {
      return ctx.transaction(() => {
        const current = getConversation(conversationId);
        if ((current.assignee?.id ?? null) === (assignee?.id ?? null) && (current.assignee?.name ?? null) === (assignee?.name ?? null)) return current;
        ctx
          .prepare('UPDATE conversations SET assignee_id = ?, assignee_name = ?, assigned_at = ?, updated_at = ? WHERE id = ?')
          .run(assignee?.id ?? null, assignee?.name ?? null, assignee ? ctx.nowIso() : null, ctx.nowIso(), conversationId);
        return getConversation(conversationId);
      });
    },
    setTagPresent(conversationId, tag, present) {
      const [clean] = normalizeTags([tag]);
      return ctx.transaction(() => {
        getConversation(conversationId);
        if (present) ctx.prepare(`INSERT OR IGNORE INTO conversation_tags (conversation_id, tag, source) VALUES (?, ?, 'manual')`).run(conversationId, clean);
        else ctx.prepare(`DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ? AND source = 'manual'`).run(conversationId, clean);
        refreshTagMirror(ctx, conversationId);
        return getConversation(conversationId);
      });
    },
    reads: {
      list: (conversationId) =>
        (
          ctx.prepare('SELECT staff_id, staff_name, read_through, at FROM staff_reads WHERE conversation_id = ? ORDER BY at DESC').all(conversationId) as Array<{
            staff_id: string;
            staff_name: string;
            read_through: string | null;
            at: string;
          }>
        ).map((r) => ({ staff: { id: r.staff_id, name: r.staff_name }, readThrough: r.read_through, at: r.at })),
      record(conversationId, staff, readThrough, at) {
        ctx
          .prepare('INSERT OR REPLACE INTO staff_reads (conversation_id, staff_id, staff_name, read_through, at) VALUES (?, ?, ?, ?, ?)')
          .run(conversationId, staff.id, staff.name, readThrough === null ? null : toStoredInstant(readThrough), toStoredInstant(at));
      },
      applyMine(conversationId, readThrough) {
        return ctx.transaction(() => {
          const through = readThrough === null ? '' : toStoredInstant(readThrough);
          const read = ctx
            .prepare(
              `UPDATE messages SET read_at = ? WHERE conversation_id = ? AND direction <> 'outbound' AND read_at IS NULL AND sent_at <= ?`,
            )
            .run(ctx.nowIso(), conversationId, through).changes;
          const unread = ctx
            .prepare(`UPDATE messages SET read_at = NULL WHERE conversation_id = ? AND direction <> 'outbound' AND read_at IS NOT NULL AND sent_at > ?`)
            .run(conversationId, through).changes;
          if (read + unread > 0) refreshCachedColumns(ctx, conversationId);
          return read + unread > 0;
        });
      },
    },
    authors: {
      set(messageId, staff) {
        ctx.prepare('INSERT OR REPLACE INTO message_authors (message_id, staff_id, staff_name) VALUES (?, ?, ?)').run(messageId, staff.id, staff.name);
      },
      list: (conversationId) =>
        (
          ctx
            .prepare('SELECT a.message_id, a.staff_id, a.staff_name FROM message_authors a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ? ORDER BY a.message_id')
            .all(conversationId) as Array<{ message_id: number; staff_id: string; staff_name: string }>
        ).map((r) => ({ messageId: r.message_id, staff: { id: r.staff_id, name: r.staff_name } })),
    },
    campaigns: {
      record({ deskId, campaignId, staff, campaign, at }) {
        ctx
          .prepare(
            `INSERT OR REPLACE INTO team_campaigns (desk_id, campaign_id, staff_id, staff_name, campaign, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(deskId, campaignId, staff?.id ?? null, staff?.name ?? null, JSON.stringify(campaign), toStoredInstant(at));
      },
      list: () =>
        (
          ctx.prepare('SELECT desk_id, staff_id, staff_name, campaign, updated_at FROM team_campaigns ORDER BY updated_at DESC').all() as Array<{
            desk_id: string;
            staff_id: string | null;
            staff_name: string | null;
            campaign: string;
            updated_at: string;
          }>
        ).map((r) => ({
          deskId: r.desk_id,
          staff: r.staff_id !== null && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
          campaign: JSON.parse(r.campaign) as Record<string, unknown>,
          updatedAt: r.updated_at,
        })),
    },
    messageIdentity(messageId) {
      const row = ctx.prepare('SELECT owner_id, dedupe_key, occurrence FROM messages WHERE id = ?').get(messageId) as
        | { owner_id: string; dedupe_key: string; occurrence: number }
        | undefined;
      if (!row) throw notFound('message', messageId);
      return `${row.owner_id}|${row.dedupe_key}|${row.occurrence}`;
    },
    messageId(ownerId, dedupeKey, occurrence) {
      const id: unknown = ctx.prepare('SELECT id FROM messages WHERE owner_id = ? AND dedupe_key = ? AND occurrence = ?').pluck().get(ownerId, dedupeKey, occurrence);
      return typeof id === 'number' ? id : null;
    },
    recentOutbound(conversationId, since) {
      const rows = ctx
        .prepare(
          `SELECT m.id, m.sent_at, m.received_at, a.staff_id, a.staff_name FROM messages m LEFT JOIN message_authors a ON a.message_id = m.id
           WHERE m.conversation_id = ? AND m.direction = 'outbound' AND m.sent_at >= ? ORDER BY m.sent_at DESC, m.id DESC`,
        )
        .all(conversationId, since) as Array<{ id: number; sent_at: string; received_at: string; staff_id: string | null; staff_name: string | null }>;
      return rows.map((r) => ({
        messageId: r.id,
        sentAt: r.sent_at,
        receivedAt: r.received_at,
        staff: r.staff_id !== null && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
      }));
    },
  };
}
