// Version 7: outreach writes to the app's one action log, and its business hours are Knowledge's.
//
// 1. Every row of `outreach_log` (migration 004) moves into `assistant_actions`, with its kind
//    renamed to the words outreach now logs (`send` → `text_sent`…). The log is rebuilt in time
//    order (rows of both tables interleaved by their instant, ties in their old order), so paging
//    it newest first still reads as what happened; nothing refers to an action's id. The
//    append-only triggers come back with the table. `outreach_log` is then dropped.
// 2. A weekly schedule stored under the `outreach` setting (Settings → Follow-ups before this
//    version) becomes Knowledge's staffed hours when Knowledge has none, and its closed dates
//    become holidays without staff; what Knowledge already says wins. Its merge facts, which had
//    no form, become Knowledge Q&A entries. The old value is kept, unchanged, under
//    `outreach.businessHours.v4`, so nothing is lost even where Knowledge could not take it.
// 3. An index over the conversations a waiting rule or reminder raised: the list shows them first.
//
// Self-contained on purpose (its own DDL and schemas): a released migration never changes, even
// when the code around it does.
import { z } from 'zod';
import { knowledgeSchema } from '../../common/knowledge';
import type { Connection } from '../statements';
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;

const ACTIONS_TABLE = (name: string): string => `
CREATE TABLE ${name} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL ${instant('at')},
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
  actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
  conversation_id INTEGER,
  message_id INTEGER,
  draft_id INTEGER,
  member_name TEXT,
  intent TEXT,
  confidence REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
  reason TEXT,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND json_type(detail) = 'object')
) STRICT;`;

const ACTIONS_INDEXES_AND_TRIGGERS = `
CREATE INDEX assistant_actions_by_conversation ON assistant_actions (conversation_id, id);
CREATE INDEX assistant_actions_by_kind ON assistant_actions (kind, at);
CREATE INDEX assistant_actions_by_message ON assistant_actions (message_id, kind);
CREATE TRIGGER assistant_actions_no_update BEFORE UPDATE ON assistant_actions BEGIN
  SELECT RAISE(ABORT, 'the action log is append-only');
END;
CREATE TRIGGER assistant_actions_no_delete BEFORE DELETE ON assistant_actions BEGIN
  SELECT RAISE(ABORT, 'the action log is append-only');
END;`;

/** The kinds migration 004's outreach wrote, as the action log now names them. */
const KINDS: Record<string, string> = {
  send: 'text_sent',
  send_failed: 'text_failed',
  send_unknown: 'text_unconfirmed',
  send_verified: 'text_settled_sent',
  skip: 'text_skipped',
  blocked: 'text_blocked',
  scheduled: 'scheduled',
  cancelled: 'cancelled',
  reminder: 'reminder',
  campaign: 'campaign',
};

interface OutreachLogRow {
  id: number;
  at: string;
  kind: string;
  conversation_id: number | null;
  member_id: string | null;
  detail: string;
  reason: string | null;
  actor: string;
}

function actionKind(row: OutreachLogRow): string {
  // The waiting rules logged their alert as a reminder; the log now calls it what it is.
  if (row.kind === 'reminder' && row.actor === 'waiting rules') return 'overdue';
  const known = KINDS[row.kind];
  if (known) return known;
  const cleaned = row.kind.toLowerCase().replace(/[^a-z_]+/g, '_').slice(0, 40);
  return cleaned.replace(/_/g, '') === '' ? 'outreach' : cleaned;
}

function moveOutreachLog(conn: Connection): void {
  const rows = conn.prepare('SELECT id, at, kind, conversation_id, member_id, detail, reason, actor FROM outreach_log ORDER BY id').all() as OutreachLogRow[];
  if (rows.length > 0) {
    conn.exec(ACTIONS_TABLE('assistant_actions_merged'));
    const insert = conn.prepare(
      `INSERT INTO assistant_actions_merged (at, kind, actor, conversation_id, message_id, draft_id, member_name, intent, confidence, reason, detail)
       VALUES (@at, @kind, @actor, @conversation_id, @message_id, @draft_id, @member_name, @intent, @confidence, @reason, @detail)`,
    );
    const existing = conn
      .prepare('SELECT id, at, kind, actor, conversation_id, message_id, draft_id, member_name, intent, confidence, reason, detail FROM assistant_actions ORDER BY id')
      .all() as Array<Record<string, unknown> & { id: number; at: string }>;
    const moved = rows.map((r) => ({
      id: r.id,
      at: r.at,
      kind: actionKind(r),
      actor: r.actor.trim() === '' ? 'frontdesk' : r.actor.slice(0, 120),
      conversation_id: r.conversation_id,
      message_id: null,
      draft_id: null,
      member_name: null,
      intent: null,
      confidence: null,
      reason: r.reason,
      detail: JSON.stringify({
        summary: r.detail,
        ...(r.member_id === null ? {} : { memberId: r.member_id }),
        migratedFrom: { table: 'outreach_log', id: r.id, kind: r.kind },
      }),
    }));
    // Interleave by instant; on a tie the assistant's row (written first by the same step) leads.
    const merged = [...existing.map((e, i) => ({ row: e, source: 0, i })), ...moved.map((m, i) => ({ row: m, source: 1, i }))].sort(
      (a, b) => a.row.at.localeCompare(b.row.at) || a.source - b.source || a.i - b.i,
    );
    for (const { row } of merged) {
      const { id: _id, ...values } = row;
      insert.run(values);
    }
    conn.exec('DROP TABLE assistant_actions');
    conn.exec('ALTER TABLE assistant_actions_merged RENAME TO assistant_actions');
    conn.exec(ACTIONS_INDEXES_AND_TRIGGERS);
  }
  conn.exec('DROP TABLE outreach_log');
}

// ---- the stored schedule → Knowledge ------------------------------------------------------------

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const storedSchedule = z.object({
  week: z.array(z.object({ open: hhmm, close: hhmm }).nullable()).length(7),
  closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  facts: z.record(z.string(), z.string()).default({}),
});
const span = z.object({ from: z.string(), to: z.string() });
/** Only the parts of Knowledge this step reads; the rest is carried over as it is. */
const storedKnowledge = z
  .object({
    staffedHours: z.record(z.string(), z.array(span)).default({}),
    holidays: z.array(z.object({ date: z.string() }).passthrough()).default([]),
    faq: z.array(z.object({ question: z.string(), answer: z.string() })).default([]),
  })
  .passthrough();

/** Sunday-first (the old schedule) to Knowledge's Monday-first weekday names. */
const WEEKDAYS_SUNDAY_FIRST = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MAX_HOLIDAYS = 100;
const MAX_FAQ = 100;

function moveSchedule(conn: Connection): void {
  const raw = conn.prepare(`SELECT value, updated_at FROM settings WHERE key = 'outreach'`).get() as { value: string; updated_at: string } | undefined;
  if (!raw) return;
  const outreach = z.record(z.string(), z.unknown()).safeParse(JSON.parse(raw.value));
  if (!outreach.success || !('businessHours' in outreach.data)) return;
  const { businessHours, ...rest } = outreach.data;
  conn
    .prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('outreach.businessHours.v4', ?, ?)`)
    .run(JSON.stringify(businessHours ?? null), raw.updated_at);
  conn.prepare(`UPDATE settings SET value = ? WHERE key = 'outreach'`).run(JSON.stringify(rest));

  const schedule = storedSchedule.safeParse(businessHours);
  if (!schedule.success) return;
  const latest = conn.prepare('SELECT content, saved_at FROM knowledge_versions ORDER BY version DESC LIMIT 1').get() as { content: string; saved_at: string } | undefined;
  const parsed = storedKnowledge.safeParse(latest === undefined ? {} : JSON.parse(latest.content));
  if (!parsed.success) return;
  const knowledge = parsed.data;
  let changed = false;

  if (Object.keys(knowledge.staffedHours).length === 0) {
    const staffed: Record<string, Array<{ from: string; to: string }>> = {};
    schedule.data.week.forEach((day, i) => {
      staffed[WEEKDAYS_SUNDAY_FIRST[i]!] = day && day.open < day.close ? [{ from: day.open, to: day.close }] : [];
    });
    knowledge.staffedHours = staffed;
    changed = true;
  }
  const listed = new Set(knowledge.holidays.map((h) => h.date));
  // Newest dates first when Knowledge's list is nearly full: past closures matter least.
  for (const date of [...schedule.data.closedDates].sort().reverse()) {
    if (listed.has(date) || knowledge.holidays.length >= MAX_HOLIDAYS) continue;
    knowledge.holidays.push({ date, name: 'Closed', open: null, staffed: [] });
    listed.add(date);
    changed = true;
  }
  knowledge.holidays.sort((a, b) => a.date.localeCompare(b.date));
  for (const [name, value] of Object.entries(schedule.data.facts)) {
    if (value.trim() === '' || knowledge.faq.length >= MAX_FAQ || knowledge.faq.some((f) => f.question === name)) continue;
    knowledge.faq.push({ question: name.slice(0, 300), answer: value.trim().slice(0, 1000) });
    changed = true;
  }
  // The version must read back as Knowledge does today; if it would not, the copy kept above is it.
  const valid = knowledgeSchema.safeParse(knowledge);
  if (!changed || !valid.success) return;
  // Dated when the schedule was last saved (or just after Knowledge's last save): no wall clock here.
  const savedAt = latest && latest.saved_at > raw.updated_at ? latest.saved_at : raw.updated_at;
  conn.prepare(`INSERT INTO knowledge_versions (content, saved_at, source) VALUES (?, ?, 'import')`).run(JSON.stringify(valid.data), savedAt);
}

const ATTENTION_INDEX = `
CREATE INDEX conversations_attention ON conversations (last_message_at, id) WHERE attention_reason IS NOT NULL;
`;

export const outreachIntoActionLog: Migration = {
  version: 7,
  name: 'outreach-into-action-log',
  up(conn) {
    moveOutreachLog(conn);
    moveSchedule(conn);
    conn.exec(ATTENTION_INDEX);
  },
};
