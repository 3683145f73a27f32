import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { DbError, LATEST_VERSION, openDatabase } from '../../db';
import { configureConnection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/list';
import type { Migration } from '../../db/migrations/migration';
import { T0, tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dbPath(): { dir: string; path: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return { dir: t.dir, path: join(t.dir, 'frontdesk.db') };
}

/** A file at schema `version` holding one owner, conversation and message, written as that version would. */
function fileAtVersion(path: string, version: number): void {
  const conn = new Database(path);
  configureConnection(conn, memoryLogger());
  migrate(conn, { logger: memoryLogger(), backupTo: null, migrations: MIGRATIONS.slice(0, version) });
  const now = '2026-11-25T13:00:00.000Z';
  conn.prepare(`INSERT INTO owners (owner_id, name, added_at) VALUES ('1001', 'Alex', ?)`).run(now);
  conn
    .prepare(
      `INSERT INTO conversations (conversation_id, owner_id, member_id, member_name, name_key, created_at, updated_at)
       VALUES ('1001/m/77', '1001', '77', 'Jane Doe', 'jane doe', ?, ?)`,
    )
    .run(now, now);
  conn
    .prepare(
      `INSERT INTO messages (owner_id, conversation_id, direction, channel, sender_name, body, local_date, local_time,
         sent_at, received_at, source, dedupe_key, occurrence, created_at)
       VALUES ('1001', 1, 'inbound', 'sms', 'Jane Doe', 'Is the pool open?', '2026-11-25', '07:00', ?, ?, 'inbox', 'k', 0, ?)`,
    )
    .run(now, now, now);
  conn.close();
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migrations', () => {
  it('are numbered 1…N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  for (let from = 1; from < LATEST_VERSION; from++) {
    it(`upgrade a version-${from} file to the latest, keeping its data, after backing it up`, () => {
      const { dir, path } = dbPath();
      fileAtVersion(path, from);
      const { db, migration, recovered } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
      expect(recovered).toBeNull();
      expect(migration.from).toBe(from);
      expect(migration.to).toBe(LATEST_VERSION);
      expect(migration.backupPath).toBe(join(dir, `frontdesk.db.backup-v${from}-20261125T130000Z`));

      const c = db.conversations.findByMemberId('1001', '77');
      expect(c).toMatchObject({ memberName: 'Jane Doe', status: 'open' });
      const page = db.messages.page({ conversationId: c!.id });
      expect(page.items.map((m) => m.body)).toEqual(['Is the pool open?']);
      expect(db.search({ query: 'pool' }).hits).toHaveLength(1);
      db.close();

      // The backup is a usable copy at the old version.
      const backup = new Database(migration.backupPath!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(from);
      expect(backup.prepare('SELECT body FROM messages').pluck().all()).toEqual(['Is the pool open?']);
      backup.close();
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const indexes = raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'conversations_%'`).pluck().all();
      raw.close();
      expect(indexes).toEqual(expect.arrayContaining(['conversations_active', 'conversations_unread_by_owner']));
    });
  }

  it('refuses a database from a newer Frontdesk and leaves the file untouched', () => {
    const { dir, path } = dbPath();
    fileAtVersion(path, LATEST_VERSION);
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE'); // one self-contained file to fingerprint
    raw.close();
    const before = sha(path);
    const listing = readdirSync(dir).sort();

    let error: unknown;
    try {
      openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).reason).toBe('newer_schema');
    expect((error as DbError).message).toMatch(/newer version of Frontdesk/);
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('roll a failing migration back: the version and the data stay as they were', () => {
    const { path } = dbPath();
    fileAtVersion(path, 1);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(conn) {
        conn.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    const conn = new Database(path);
    expect(() => migrate(conn, { logger: memoryLogger(), backupTo: null, migrations: [MIGRATIONS[0]!, broken] })).toThrow(
      /migration 2 \(broken\) failed/,
    );
    expect(conn.pragma('user_version', { simple: true })).toBe(1);
    expect(conn.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    conn.close();
    expect(existsSync(path)).toBe(true);
  });
});
