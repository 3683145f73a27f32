// Migration 007: the outreach log's rows move into the one action log (in time order, kinds renamed,
// nothing lost, still append-only), and a stored weekly schedule becomes Knowledge's staffed hours
// and holidays unless Knowledge already says, with the old value kept.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { LATEST_VERSION, openDatabase, type FrontdeskDb } from '../../db';
import { configureConnection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/list';
import { outreachSettingsSchema } from '../../common/contract';
import { T0, tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const VERSION_BEFORE = MIGRATIONS.findIndex((m) => m.name === 'outreach-into-action-log');

function atVersion6(fill: (conn: Database.Database) => void): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'frontdesk.sqlite');
  const conn = new Database(path);
  configureConnection(conn, memoryLogger());
  migrate(conn, { logger: memoryLogger(), backupTo: null, migrations: MIGRATIONS.slice(0, VERSION_BEFORE) });
  fill(conn);
  conn.close();
  return path;
}

function open(path: string): FrontdeskDb {
  const { db, migration } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
  cleanups.push(() => db.close());
  expect(migration.to).toBe(LATEST_VERSION);
  return db;
}

const OLD_SCHEDULE = {
  week: [null, { open: '06:00', close: '21:00' }, { open: '06:00', close: '21:00' }, { open: '06:00', close: '21:00' }, { open: '06:00', close: '21:00' }, { open: '06:00', close: '20:00' }, { open: '08:00', close: '18:00' }],
  closedDates: ['2026-12-25', '2027-01-01'],
  facts: { clubPhone: '(555) 010-2000', empty: ' ' },
};

describe('migration 007', () => {
  it('moves every outreach log row into the action log in time order, with the new kinds, and keeps it append-only', () => {
    const path = atVersion6((conn) => {
      const log = conn.prepare('INSERT INTO outreach_log (at, kind, conversation_id, member_id, detail, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const action = conn.prepare(`INSERT INTO assistant_actions (at, kind, actor, conversation_id, reason, detail) VALUES (?, ?, 'assistant', ?, ?, '{"a":1}')`);
      action.run('2026-11-20T09:00:00.000Z', 'assessed', 4, null);
      log.run('2026-11-20T09:00:00.000Z', 'send', 4, '77', 'Text to Jane Doe sent', null, 'staff');
      log.run('2026-11-20T08:00:00.000Z', 'scheduled', 4, null, 'Text to Jane Doe scheduled', null, 'staff');
      log.run('2026-11-21T10:00:00.000Z', 'skip', 5, '78', 'Campaign "Holiday": Ann Lee skipped', 'opted out of texts (texted STOP)', 'campaign 1');
      log.run('2026-11-21T11:00:00.000Z', 'reminder', 6, '79', 'Bo Chen has waited 130 business minutes', null, 'waiting rules');
      log.run('2026-11-21T12:00:00.000Z', 'send_verified', 6, '79', 'Text confirmed', null, 'campaign');
      log.run('2026-11-21T13:00:00.000Z', 'Weird-Kind 2', null, null, 'something', 'r'.repeat(300), 'x');
      action.run('2026-11-21T10:30:00.000Z', 'sent', 5, null);
    });
    const db = open(path);
    const rows = db.actionLog.list({ limit: 100 }).reverse();
    expect(rows.map((r) => [r.at, r.kind, r.actor, r.conversationId])).toEqual([
      ['2026-11-20T08:00:00.000Z', 'scheduled', 'staff', 4],
      ['2026-11-20T09:00:00.000Z', 'assessed', 'assistant', 4],
      ['2026-11-20T09:00:00.000Z', 'text_sent', 'staff', 4],
      ['2026-11-21T10:00:00.000Z', 'text_skipped', 'campaign 1', 5],
      ['2026-11-21T10:30:00.000Z', 'sent', 'assistant', 5],
      ['2026-11-21T11:00:00.000Z', 'overdue', 'waiting rules', 6],
      ['2026-11-21T12:00:00.000Z', 'text_settled_sent', 'campaign', 6],
      ['2026-11-21T13:00:00.000Z', 'weird_kind_', 'x', null],
    ]);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
    expect(rows[1]!.detail).toEqual({ a: 1 });
    expect(rows[3]).toMatchObject({
      reason: 'opted out of texts (texted STOP)',
      detail: { summary: 'Campaign "Holiday": Ann Lee skipped', memberId: '78', migratedFrom: { table: 'outreach_log', kind: 'skip' } },
    });
    expect(rows[7]!.reason).toHaveLength(300);
    // outreach_log is gone; the action log still refuses changes, and takes new rows after the old.
    const conn = new Database(path, { readonly: true });
    cleanups.push(() => conn.close());
    expect(conn.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'outreach_log'`).pluck().get()).toBe(0);
    expect(conn.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'assistant_actions'`).pluck().get()).toBe(2);
    expect(conn.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assistant_actions' AND sql IS NOT NULL`).pluck().get()).toBe(3);
    const writer = new Database(path);
    cleanups.push(() => writer.close());
    expect(() => writer.prepare('DELETE FROM assistant_actions').run()).toThrow(/append-only/);
    expect(() => writer.prepare(`UPDATE assistant_actions SET kind = 'x'`).run()).toThrow(/append-only/);
    const added = db.actionLog.append({ kind: 'text_sent', actor: 'staff', detail: {} });
    expect(added.id).toBeGreaterThan(rows.at(-1)!.id);
  });

  it('makes a stored weekly schedule Knowledge staffed hours and holidays, keeps the old value, and leaves the rest of the setting', () => {
    const path = atVersion6((conn) => {
      conn
        .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('outreach', ?, '2026-11-01T10:00:00.000Z')`)
        .run(JSON.stringify({ waitingRules: { defaultBusinessMinutes: 90, rules: [{ tag: 'vip', businessMinutes: 20 }] }, businessHours: OLD_SCHEDULE, lateLimitMinutes: 45 }));
    });
    const db = open(path);
    const k = db.knowledge.current();
    expect(k?.source).toBe('import');
    expect(k?.knowledge.staffedHours).toEqual({
      sun: [],
      mon: [{ from: '06:00', to: '21:00' }],
      tue: [{ from: '06:00', to: '21:00' }],
      wed: [{ from: '06:00', to: '21:00' }],
      thu: [{ from: '06:00', to: '21:00' }],
      fri: [{ from: '06:00', to: '20:00' }],
      sat: [{ from: '08:00', to: '18:00' }],
    });
    expect(k?.knowledge.holidays).toEqual([
      { date: '2026-12-25', name: 'Closed', open: null, staffed: [] },
      { date: '2027-01-01', name: 'Closed', open: null, staffed: [] },
    ]);
    expect(k?.knowledge.faq).toEqual([{ question: 'clubPhone', answer: '(555) 010-2000' }]);
    expect(db.settings.get('outreach', outreachSettingsSchema.strict())).toEqual({
      waitingRules: { defaultBusinessMinutes: 90, rules: [{ tag: 'vip', businessMinutes: 20 }] },
      lateLimitMinutes: 45,
    });
    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(JSON.parse(raw.prepare(`SELECT value FROM settings WHERE key = 'outreach.businessHours.v4'`).pluck().get() as string)).toEqual(OLD_SCHEDULE);
  });

  it("keeps Knowledge's own staffed hours and holidays where staff already wrote them", () => {
    const path = atVersion6((conn) => {
      const knowledge = { clubName: 'Gym', staffedHours: { mon: [{ from: '07:00', to: '19:00' }] }, holidays: [{ date: '2026-12-25', name: 'Christmas', open: [], staffed: [] }] };
      conn.prepare(`INSERT INTO knowledge_versions (content, saved_at, source) VALUES (?, '2026-11-10T10:00:00.000Z', 'edit')`).run(JSON.stringify(knowledge));
      conn.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('outreach', ?, '2026-11-01T10:00:00.000Z')`).run(JSON.stringify({ businessHours: { ...OLD_SCHEDULE, facts: {} } }));
    });
    const db = open(path);
    const k = db.knowledge.current()!;
    expect(k.savedAt).toBe('2026-11-10T10:00:00.000Z');
    expect(k.knowledge.clubName).toBe('Gym');
    expect(k.knowledge.staffedHours).toEqual({ mon: [{ from: '07:00', to: '19:00' }] });
    expect(k.knowledge.holidays.map((h) => [h.date, h.name])).toEqual([
      ['2026-12-25', 'Christmas'],
      ['2027-01-01', 'Closed'],
    ]);
  });

  it('changes nothing in Knowledge when no schedule was stored', () => {
    const db = open(atVersion6(() => undefined));
    expect(db.knowledge.current()).toBeNull();
  });
});
