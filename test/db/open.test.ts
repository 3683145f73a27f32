import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { LATEST_VERSION, openDatabase } from '../../db';
import { BUSY_TIMEOUT_MS, configureConnection } from '../../db/connection';
import { memoryDb, T0, tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('openDatabase', () => {
  it('migrates an empty file to the latest version, with no backup (nothing to back up)', () => {
    const d = dir();
    const path = join(d, 'nested', 'frontdesk.db');
    const { db, recovered, migration } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    db.close();
    expect(recovered).toBeNull();
    expect(migration).toEqual({ from: 0, to: LATEST_VERSION, backupPath: null });
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    raw.close();
    expect(tables).toEqual(expect.arrayContaining(['owners', 'conversations', 'conversation_tags', 'messages', 'messages_fts', 'settings']));
    expect(readdirSync(join(d, 'nested')).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('sets WAL, foreign keys, a busy timeout and synchronous=NORMAL on every connection', () => {
    const path = join(dir(), 'frontdesk.db');
    const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    db.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'); // persistent in the file
    configureConnection(raw, memoryLogger());
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(raw.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    raw.close();
  });

  it('enforces foreign keys through the API', () => {
    const { db } = memoryDb();
    expect(() => db.conversations.findOrCreate({ ownerId: '9', memberId: null, memberName: 'X', nameKey: 'x' })).toThrow(
      /owner 9 is not registered/,
    );
  });

  it('reopens a current database without migrating or backing up', () => {
    const d = dir();
    const path = join(d, 'frontdesk.db');
    const first = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    first.db.owners.upsert({ ownerId: '1', name: 'A' });
    first.db.close();
    const second = openDatabase(path, { clock: manualClock(T0 + 1000), logger: memoryLogger() });
    expect(second.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupPath: null });
    expect(second.db.owners.list().map((o) => o.ownerId)).toEqual(['1']);
    second.db.close();
    expect(readdirSync(d).filter((f) => f.includes('backup') || f.includes('corrupt'))).toEqual([]);
  });

  it('works on :memory:', () => {
    const { db } = memoryDb();
    db.owners.upsert({ ownerId: '5', name: 'Five' });
    expect(db.owners.get('5')?.name).toBe('Five');
    expect(db.path).toBe('');
    db.close();
    db.close();
  });

  it('does not create stray files for a missing path other than the database and its WAL', () => {
    const d = dir();
    const path = join(d, 'frontdesk.db');
    const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    db.close();
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(d).every((f) => f.startsWith('frontdesk.db'))).toBe(true);
  });
});
