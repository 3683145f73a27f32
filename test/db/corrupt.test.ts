import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { LATEST_VERSION, openDatabase } from '../../db';
import { conversation, msg, OWNER, T0, tempDir, withOwners } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dbPath(): { dir: string; path: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return { dir: t.dir, path: join(t.dir, 'frontdesk.db') };
}

function expectFreshAndUsable(path: string, opened: ReturnType<typeof openDatabase>): void {
  const { db } = opened;
  expect(db.owners.list()).toEqual([]);
  withOwners(db, OWNER);
  const c = conversation(db, 'Jane Doe');
  db.messages.insert([msg(c, 1)]);
  expect(db.conversations.get(c)?.unreadCount).toBe(1);
  db.close();
  const raw = new Database(path, { readonly: true });
  expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  raw.close();
}

describe('an unusable database file', () => {
  it('that is garbage is moved aside as <name>.corrupt-<timestamp>, logged, and replaced by a fresh database', () => {
    const { dir, path } = dbPath();
    const garbage = Buffer.from('this is not a database, just some bytes '.repeat(200));
    writeFileSync(path, garbage);
    const logger = memoryLogger('app');
    const opened = openDatabase(path, { clock: manualClock(T0), logger });

    const movedTo = join(dir, 'frontdesk.db.corrupt-20261125T130000Z');
    expect(opened.recovered).toEqual({
      movedTo,
      reason: expect.stringMatching(/SQLITE_NOTADB/) as unknown,
      kept: { owners: 0, conversations: 0, tags: 0, messages: 0, settings: 0, refused: 0, unreadable: 0 },
    });
    expect(readFileSync(movedTo).equals(garbage)).toBe(true);
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line).toMatchObject({ scope: 'db', fields: { movedTo } });
    expectFreshAndUsable(path, opened);
  });

  it('that is SQLite but fails quick_check is salvaged, then moved aside, its WAL alongside', () => {
    const { dir, path } = dbPath();
    const first = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    withOwners(first.db, OWNER);
    const c = conversation(first.db, 'Jane Doe');
    first.db.messages.insert(Array.from({ length: 600 }, (_, i) => msg(c, i, { body: `body ${i} ${'x'.repeat(120)}` })));
    first.db.close();
    const bytes = readFileSync(path);
    const pageSize = 4096;
    // Scribble over a page near the end: the header and schema (page 1) stay intact.
    for (let i = bytes.length - 3 * pageSize; i < bytes.length - 2 * pageSize; i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(path, bytes);
    writeFileSync(`${path}-wal`, Buffer.alloc(0));

    const opened = openDatabase(path, { clock: manualClock(T0 + 5000), logger: memoryLogger() });
    const movedTo = join(dir, 'frontdesk.db.corrupt-20261125T130005Z');
    expect(opened.recovered?.movedTo).toBe(movedTo);
    expect(opened.recovered?.reason).toMatch(/quick_check|SQLITE_CORRUPT/);
    expect(readFileSync(movedTo).equals(bytes)).toBe(true);
    expect(existsSync(`${movedTo}-wal`)).toBe(true);
    // One scribbled page: the owner, the conversation and most messages are kept (test/db/salvage.test.ts counts them exactly).
    expect(opened.recovered?.kept).toMatchObject({ owners: 1, conversations: 1 });
    expect(opened.recovered?.kept.messages).toBeGreaterThan(500);
    expect(opened.recovered?.kept.messages).toBeLessThanOrEqual(600);
    expect(opened.db.conversations.get(c)?.unreadCount).toBe(opened.recovered?.kept.messages);
    opened.db.close();
  });

  it('that belongs to another program is moved aside, never migrated in place', () => {
    const { path } = dbPath();
    const foreign = new Database(path);
    foreign.exec(`CREATE TABLE messages (id TEXT PRIMARY KEY, content TEXT); INSERT INTO messages VALUES ('msg_1', 'hello');`);
    foreign.close();
    const opened = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    expect(opened.recovered?.reason).toBe('not a Frontdesk database');
    const kept = new Database(opened.recovered!.movedTo, { readonly: true });
    expect(kept.prepare('SELECT content FROM messages').pluck().all()).toEqual(['hello']);
    kept.close();
    expectFreshAndUsable(path, opened);
  });

  it('never overwrites an earlier corrupt copy', () => {
    const { dir, path } = dbPath();
    writeFileSync(path, 'garbage one, long enough to not be a header '.repeat(20));
    openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() }).db.close();
    writeFileSync(path, 'garbage two, long enough to not be a header '.repeat(20));
    // Same second: the second copy gets a suffix.
    const second = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    second.db.close();
    expect(second.recovered?.movedTo).toBe(join(dir, 'frontdesk.db.corrupt-20261125T130000Z-2'));
    expect(readdirSync(dir).filter((f) => f.includes('corrupt')).sort()).toEqual([
      'frontdesk.db.corrupt-20261125T130000Z',
      'frontdesk.db.corrupt-20261125T130000Z-2',
    ]);
  });

  it('an empty file is simply a new database', () => {
    const { path } = dbPath();
    writeFileSync(path, Buffer.alloc(0));
    const opened = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
    expect(opened.recovered).toBeNull();
    opened.db.close();
  });
});
