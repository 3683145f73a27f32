import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTENTS } from '../../common/intent-catalog';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { openDatabase } from '../../db';
import { conversation, msg, OTHER_OWNER, OWNER, T0, tempDir, withOwners } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A file database plus a raw connection to poke at it the way a bug elsewhere would. */
function fileDb(): { db: ReturnType<typeof openDatabase>['db']; raw: Database.Database } {
  const t = tempDir();
  const path = join(t.dir, 'frontdesk.db');
  const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
  const raw = new Database(path);
  raw.pragma('foreign_keys = ON');
  cleanups.push(() => {
    raw.close();
    db.close();
    t.cleanup();
  });
  return { db, raw };
}

const columns = (raw: Database.Database, table: string): string[] =>
  (raw.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);

// design §4 and clubos-protocol §4 (migrations 6 and 7): the original names, kept.
const ORIGINAL_MESSAGE_COLUMNS = [
  'ai_processed',
  'ai_responded',
  'ai_confidence_score',
  'ai_action_taken',
  'ai_response_sent_at',
  'thread_id',
  'requires_response',
  'sent_at',
  'received_at',
  'read_at',
  'clubos_message_id',
  'clubos_conversation_id',
  'from_member_id',
  'from_member_name',
  'to_staff_name',
];
const ORIGINAL_CONVERSATION_COLUMNS = [
  'conversation_id',
  'member_id',
  'member_name',
  'last_message_at',
  'last_message_preview',
  'unread_count',
  'requires_response',
  'ai_handling',
  'conversation_status',
  'tags',
  'created_at',
  'updated_at',
];

// The intents the schema's CHECKs were built from. If this fails, the catalog changed: existing
// databases still carry the old CHECK, so add a migration that rebuilds it, then update this list.
const INTENTS_AT_SCHEMA_V1 = [
  'question_about_membership',
  'question_about_training',
  'question_about_billing',
  'question_about_schedule',
  'appointment_request',
  'appointment_cancellation',
  'complaint',
  'praise',
  'general_inquiry',
  'spam',
  'requires_human_response',
  'appointment_confirmation',
  'opt_out',
  'opt_in',
];

const NOW = '2026-11-25T13:00:00.000Z';

describe('schema', () => {
  it('keeps every original column under its original name', () => {
    const { raw } = fileDb();
    expect(columns(raw, 'messages')).toEqual(expect.arrayContaining(ORIGINAL_MESSAGE_COLUMNS));
    expect(columns(raw, 'conversations')).toEqual(expect.arrayContaining(ORIGINAL_CONVERSATION_COLUMNS));
  });

  it('has the columns correctness needs', () => {
    const { raw } = fileDb();
    expect(columns(raw, 'messages')).toEqual(
      expect.arrayContaining(['owner_id', 'conversation_id', 'direction', 'channel', 'sender_name', 'body', 'local_date', 'local_time', 'source', 'dedupe_key', 'occurrence', 'intent']),
    );
    expect(columns(raw, 'conversations')).toEqual(
      expect.arrayContaining(['owner_id', 'snoozed_until', 'waiting_since', 'opted_out', 'intent', 'name_key']),
    );
    expect(columns(raw, 'owners')).toEqual(
      expect.arrayContaining(['owner_id', 'enabled', 'last_success_at', 'last_error_code', 'consecutive_failures', 'history_imported']),
    );
    expect(columns(raw, 'settings')).toEqual(['key', 'value', 'updated_at']);
  });

  it('builds the intent CHECK from the catalog (and trips when the catalog changes)', () => {
    expect([...INTENTS]).toEqual(INTENTS_AT_SCHEMA_V1);
    const { db, raw } = fileDb();
    withOwners(db, OWNER);
    const c = conversation(db, 'Jane Doe');
    const [id] = db.messages.insert([msg(c, 1)]).insertedIds;
    for (const intent of INTENTS) raw.prepare('UPDATE messages SET intent = ? WHERE id = ?').run(intent, id);
    expect(() => raw.prepare(`UPDATE messages SET intent = 'made_up' WHERE id = ?`).run(id)).toThrow(/CHECK constraint failed/);
    expect(() => raw.prepare(`UPDATE conversations SET intent = 'made_up' WHERE id = ?`).run(c)).toThrow(/CHECK constraint failed/);
  });

  it('makes a duplicate message impossible', () => {
    const { db, raw } = fileDb();
    withOwners(db, OWNER);
    const c = conversation(db, 'Jane Doe');
    const row = msg(c, 1, { dedupeKey: '2026-11-25|abc', occurrence: 0 });
    expect(db.messages.insert([row]).insertedIds).toHaveLength(1);
    // Through the API: the same key and occurrence again is skipped, the stored row untouched.
    const again = db.messages.insert([{ ...row, body: 'different body' }]);
    expect(again).toEqual({ insertedIds: [], conversationIds: [], skipped: 1 });
    expect(db.messages.page({ conversationId: c }).items.map((m) => m.body)).toEqual([row.body]);
    // A second occurrence of the same key is a different message.
    expect(db.messages.insert([{ ...row, occurrence: 1 }]).insertedIds).toHaveLength(1);
    // Beneath the API, the UNIQUE constraint itself refuses.
    expect(() =>
      raw
        .prepare(
          `INSERT INTO messages (owner_id, conversation_id, direction, channel, sender_name, body, local_date, sent_at,
             received_at, source, dedupe_key, occurrence, created_at)
           VALUES (?, ?, 'inbound', 'sms', 'x', 'y', '2026-11-25', ?, ?, 'inbox', '2026-11-25|abc', 0, ?)`,
        )
        .run(OWNER, c, NOW, NOW, NOW),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('enforces foreign keys, including a message and its conversation having one owner', () => {
    const { db, raw } = fileDb();
    withOwners(db, OWNER, OTHER_OWNER);
    const mine = conversation(db, 'Jane Doe');
    const insert = (owner: string, conversationId: number): unknown =>
      raw
        .prepare(
          `INSERT INTO messages (owner_id, conversation_id, direction, channel, sender_name, body, local_date, sent_at,
             received_at, source, dedupe_key, occurrence, created_at)
           VALUES (?, ?, 'inbound', 'sms', 'x', 'y', '2026-11-25', ?, ?, 'inbox', ?, 0, ?)`,
        )
        .run(owner, conversationId, NOW, NOW, `k-${owner}-${conversationId}`, NOW);
    expect(() => insert(OWNER, 999)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(OTHER_OWNER, mine)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.messages.insert([msg(mine, 1, { ownerId: OTHER_OWNER })])).toThrow(/belongs to owner 1001/);
    expect(() => db.messages.insert([msg(999, 1)])).toThrow(/conversation 999 does not exist/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO conversations (conversation_id, owner_id, member_name, name_key, created_at, updated_at)
           VALUES ('3003/n/x', '3003', 'X', 'x', ?, ?)`,
        )
        .run(NOW, NOW),
    ).toThrow(/FOREIGN KEY constraint failed/);

    // Removing an owner removes its conversations and messages with it.
    db.messages.insert([msg(mine, 1)]);
    expect(db.owners.remove(OWNER)).toBe(true);
    expect(raw.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(0);
    expect(raw.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'message'`).pluck().get()).toBe(0);
  });

  it('refuses rows that break the CHECKs', () => {
    const { db, raw } = fileDb();
    withOwners(db, OWNER);
    const c = conversation(db, 'Jane Doe');
    const [id] = db.messages.insert([msg(c, 1)]).insertedIds;
    const bad: Array<[string, unknown[]]> = [
      [`UPDATE messages SET direction = 'sideways' WHERE id = ?`, [id]],
      [`UPDATE messages SET channel = 'fax' WHERE id = ?`, [id]],
      [`UPDATE messages SET sent_at = '2026-11-25 13:00:00' WHERE id = ?`, [id]],
      [`UPDATE messages SET local_time = '9:30' WHERE id = ?`, [id]],
      [`UPDATE messages SET ai_confidence_score = 1.5 WHERE id = ?`, [id]],
      [`UPDATE messages SET ai_action_taken = '{not json' WHERE id = ?`, [id]],
      [`UPDATE conversations SET conversation_status = 'active' WHERE id = ?`, [c]],
      [`UPDATE conversations SET conversation_status = 'snoozed' WHERE id = ?`, [c]], // no snoozed_until
      [`UPDATE conversations SET unread_count = -1 WHERE id = ?`, [c]],
      [`UPDATE conversations SET member_id = '77' WHERE id = ?`, [c]], // key no longer matches
    ];
    for (const [sql, args] of bad) expect(() => raw.prepare(sql).run(...args), sql).toThrow(/constraint failed/);
  });
});
