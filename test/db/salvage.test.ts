// Every way a database file is found damaged or unusable at start-up, with what is kept counted
// and compared row by row with the file before the damage.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { DbError, openDatabase } from '../../db';
import { salvageInto } from '../../db/salvage';
import { makeReadOnly, tinyDisk } from './fs-faults';
import { CONVERSATIONS, MESSAGES, PAGE_SIZE, pagesOf, populate, rowidsOnPage, snapshot, type Snapshot } from './damage-fixture';
import { T0, tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fixture(): { dir: string; path: string; before: Snapshot } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'frontdesk.sqlite');
  populate(path);
  return { dir: t.dir, path, before: snapshot(path) };
}

const open = (path: string, extra: Partial<Parameters<typeof openDatabase>[1]> = {}) =>
  openDatabase(path, { clock: manualClock(T0 + 60_000), logger: memoryLogger(), ...extra });

/** Every row in `after` is the same row as before; returns the ids missing from `after`. */
function expectSubset<K>(before: Map<K, string>, after: Map<K, string>): K[] {
  for (const [id, row] of after) expect(row, `row ${String(id)}`).toBe(before.get(id));
  return [...before.keys()].filter((id) => !after.has(id));
}

/** The conversation columns the user set (not the ones derived from messages). */
function userColumns(snap: Snapshot): Map<number, string> {
  return new Map(
    [...snap.conversations].map(([id, json]) => {
      const { unread_count: _, ...rest } = JSON.parse(json) as Record<string, unknown>;
      return [id, JSON.stringify(rest)];
    }),
  );
}

function scribble(path: string, pageno: number): Buffer {
  const bytes = readFileSync(path);
  for (let i = (pageno - 1) * PAGE_SIZE; i < pageno * PAGE_SIZE; i++) bytes[i] = (i * 7 + 3) & 0xff;
  writeFileSync(path, bytes);
  return bytes;
}

describe('salvaging a damaged database', () => {
  it('reads row by row because the bundled SQLite has no sqlite_dbpage (the basis of .recover)', () => {
    const conn = new Database(':memory:');
    expect(() => conn.prepare('SELECT count(*) FROM sqlite_dbpage').get()).toThrow(/no such table/);
    conn.close();
  });

  it('a scribbled message page costs exactly the messages on that page; statuses, tags, read marks, snoozes, settings and owners stay', () => {
    const { dir, path, before } = fixture();
    const leaves = pagesOf(path, 'messages').filter((p) => p.pagetype === 'leaf');
    expect(leaves.length).toBeGreaterThan(5);
    const victim = leaves[Math.floor(leaves.length / 2)]!;
    const lost = rowidsOnPage(readFileSync(path), victim.pageno);
    expect(lost.length).toBe(victim.ncell);
    const damaged = scribble(path, victim.pageno);

    const opened = open(path);
    const movedTo = join(dir, 'frontdesk.sqlite.corrupt-20261125T130100Z');
    expect(opened.recovered).toMatchObject({ movedTo, kept: { messages: MESSAGES - lost.length, conversations: CONVERSATIONS, owners: 2, settings: 2 } });
    expect(opened.recovered!.kept.tags).toBe(before.tags.size);
    opened.db.close();
    expect(readFileSync(movedTo).equals(damaged)).toBe(true);

    const after = snapshot(path);
    expect(expectSubset(before.messages, after.messages).sort((a, b) => a - b)).toEqual([...lost].sort((a, b) => a - b));
    expect(expectSubset(userColumns(before), userColumns(after))).toEqual([]);
    expect(after.tags).toEqual(before.tags);
    expect(after.settings).toEqual(before.settings);
    expect(after.owners).toEqual(before.owners);
    // Derived columns agree with what was kept, and search finds the kept messages.
    const unreadKept = [...after.messages.values()].filter((m) => (JSON.parse(m) as { read_at: unknown }).read_at === null).length;
    const unreadShown = [...after.conversations.values()].reduce((sum, c) => sum + Number((JSON.parse(c) as { unread_count: unknown }).unread_count), 0);
    expect(unreadShown).toBe(unreadKept);
    const reopened = open(path);
    expect(reopened.db.search({ query: 'pool', limit: 500 }).hits.length).toBe(MESSAGES - lost.length);
    reopened.db.close();
  });

  it('a scribbled conversation page: its messages are kept in conversations rebuilt from them', () => {
    const { path, before } = fixture();
    const leaves = pagesOf(path, 'conversations').filter((p) => p.pagetype === 'leaf');
    const victim = leaves[Math.floor(leaves.length / 2)]!;
    const lost = rowidsOnPage(readFileSync(path), victim.pageno);
    scribble(path, victim.pageno);

    const opened = open(path);
    expect(opened.recovered?.kept.messages).toBe(MESSAGES);
    expect(opened.recovered?.kept.conversations).toBe(CONVERSATIONS - lost.length);
    opened.db.close();
    const after = snapshot(path);
    expect(expectSubset(before.messages, after.messages)).toEqual([]);
    expect(after.conversations.size).toBe(CONVERSATIONS);
    for (const id of lost) {
      // Same grouping key and member: the next sync files new texts into the same thread.
      const was = JSON.parse(before.conversations.get(id)!) as Record<string, unknown>;
      const now = JSON.parse(after.conversations.get(id)!) as Record<string, unknown>;
      expect(now['conversation_id']).toBe(was['conversation_id']);
      expect(now['member_name']).toBe(was['member_name']);
    }
  });

  it('a scribbled tag page: the tags come back from the copy kept on each conversation row', () => {
    const { path, before } = fixture();
    const pages = pagesOf(path, 'conversation_tags').filter((p) => p.pagetype === 'leaf');
    expect(pages.length).toBeGreaterThan(0);
    scribble(path, pages[0]!.pageno);
    const opened = open(path);
    expect(opened.recovered?.kept).toMatchObject({ messages: MESSAGES, conversations: CONVERSATIONS, tags: before.tags.size });
    opened.db.close();
    expect(snapshot(path).tags).toEqual(before.tags);
  });

  it('a truncated file keeps every message on the pages that are left', () => {
    const { path, before } = fixture();
    const pages = statSync(path).size / PAGE_SIZE;
    const keep = Math.floor(pages * 0.6);
    const file = readFileSync(path);
    const expected = pagesOf(path, 'messages')
      .filter((p) => p.pagetype === 'leaf' && p.pageno <= keep)
      .flatMap((p) => rowidsOnPage(file, p.pageno));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(MESSAGES);
    truncateSync(path, keep * PAGE_SIZE);

    const opened = open(path);
    expect(opened.recovered?.reason).toMatch(/quick_check|SQLITE_CORRUPT/);
    expect(opened.recovered?.kept.messages).toBe(expected.length);
    opened.db.close();
    const after = snapshot(path);
    expect([...after.messages.keys()].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expectSubset(before.messages, after.messages);
  });

  it('a garbage header: everything is read through a rebuilt header', () => {
    const { path, before } = fixture();
    const bytes = readFileSync(path);
    for (let i = 0; i < 100; i++) bytes[i] = (i * 31 + 11) & 0xff;
    writeFileSync(path, bytes);

    const opened = open(path);
    expect(opened.recovered?.reason).toMatch(/SQLITE_NOTADB/);
    expect(opened.recovered?.kept).toMatchObject({ messages: MESSAGES, conversations: CONVERSATIONS, owners: 2, settings: 2 });
    opened.db.close();
    const after = snapshot(path);
    expect(after.messages).toEqual(before.messages);
    expect(userColumns(after)).toEqual(userColumns(before));
    expect(after.tags).toEqual(before.tags);
    expect(readFileSync(opened.recovered!.movedTo).equals(bytes)).toBe(true);
    // The scratch copy with the rebuilt header is gone.
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('salvag'))).toEqual([]);
  });

  it('a file that is garbage throughout keeps nothing, says so, and starts fresh', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'frontdesk.sqlite');
    writeFileSync(path, Buffer.from('not a database at all; '.repeat(400)));
    const opened = open(path);
    expect(opened.recovered?.kept.messages).toBe(0);
    expect(opened.db.owners.list()).toEqual([]);
    opened.db.close();
  });
});

/** A -wal with committed, uncheckpointed frames: copied while the writer is still open. */
function walOf(path: string, write: (conn: Database.Database) => void): Buffer {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('wal_autocheckpoint = 0');
  write(conn);
  const wal = readFileSync(`${path}-wal`);
  conn.close();
  return wal;
}

describe('a -wal beside an intact database', () => {
  it('from another database is set aside, and the intact file is kept whole', () => {
    const { dir, path, before } = fixture();
    const other = join(dir, 'other.sqlite');
    const wal = walOf(other, (conn) => {
      conn.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      const insert = conn.prepare('INSERT INTO notes (text) VALUES (?)');
      for (let i = 0; i < 400; i++) insert.run(`note ${i} ${'x'.repeat(200)}`);
    });
    writeFileSync(`${path}-wal`, wal);

    const opened = open(path);
    expect(opened.recovered).toBeNull();
    expect(opened.journalSetAside).toBe(join(dir, 'frontdesk.sqlite.journal-set-aside-20261125T130100Z-wal'));
    expect(readFileSync(opened.journalSetAside!).equals(wal)).toBe(true);
    opened.db.close();
    const after = snapshot(path);
    expect(after.messages).toEqual(before.messages);
    expect(after.conversations).toEqual(before.conversations);
    expect(after.tags).toEqual(before.tags);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('from an older copy of the same database is set aside, and the intact file is kept whole', () => {
    const { dir, path } = fixture();
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(path, copy);
    // The copy goes on (a restored backup, another machine): its journal holds its own pages.
    const wal = walOf(copy, (conn) => {
      conn.exec(`UPDATE messages SET body = body || ' (edited in the copy)' WHERE id % 2 = 0`);
      conn.exec(`DELETE FROM conversation_tags WHERE tag = 'vip'`);
    });
    // Meanwhile the original moved on in its own way.
    const moved = new Database(path);
    moved.exec(`DELETE FROM messages WHERE id % 3 = 0`);
    moved.exec('VACUUM');
    moved.close();
    const before = snapshot(path);
    writeFileSync(`${path}-wal`, wal);

    const opened = open(path);
    expect(opened.recovered).toBeNull();
    expect(opened.journalSetAside).toMatch(/journal-set-aside-.*-wal$/);
    opened.db.close();
    expect(snapshot(path)).toEqual(before);
  });

  it('a stale -shm and a -wal without a valid header change nothing', () => {
    const { path, before } = fixture();
    writeFileSync(`${path}-shm`, Buffer.alloc(32768, 0x5a));
    writeFileSync(`${path}-wal`, Buffer.alloc(5000, 0x33));
    const opened = open(path);
    expect(opened.recovered).toBeNull();
    opened.db.close();
    expect(snapshot(path)).toEqual(before);
  });

  it('left by a crash of this database is kept and its commits are read', () => {
    const { dir, path, before } = fixture();
    const crashed = join(dir, 'crashed.sqlite');
    copyFileSync(path, crashed);
    const wal = walOf(crashed, (conn) => conn.exec(`UPDATE conversations SET conversation_status = 'resolved' WHERE id = 1`));
    writeFileSync(`${path}-wal`, wal);

    const opened = open(path);
    expect(opened.recovered).toBeNull();
    expect(opened.journalSetAside).toBeNull();
    expect(opened.db.conversations.get(1)?.status).toBe('resolved');
    opened.db.close();
    expect(snapshot(path).messages).toEqual(before.messages);
  });
});

describe('a file that cannot be used at all is reported in plain words and left untouched', () => {
  const expectPlain = (error: unknown, problem: string): DbError => {
    expect(error).toBeInstanceOf(DbError);
    const e = error as DbError;
    expect(e.reason).toBe('storage');
    expect(e.problem).toBe(problem);
    expect(e.message).not.toMatch(/SQLITE|errno|EACCES|EROFS|ENOSPC/);
    return e;
  };
  const failure = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it('a folder where the database file should be', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'frontdesk.sqlite');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'mine');
    const e = expectPlain(failure(() => open(path)), 'folder_in_place');
    expect(e.message).toContain('there is a folder with that name');
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a read-only database file', (ctx) => {
    const { path, before } = fixture();
    const bytes = readFileSync(path);
    const undo = makeReadOnly(path);
    if (!undo) return ctx.skip();
    let error: unknown;
    try {
      error = failure(() => open(path));
    } finally {
      undo();
    }
    const e = expectPlain(error, 'read_only_file');
    expect(e.message).toContain('the file is read-only');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const opened = open(path);
    expect(opened.recovered).toBeNull();
    opened.db.close();
    expect(snapshot(path)).toEqual(before);
  });

  it('a read-only data folder, with the database in it or not yet', (ctx) => {
    const { dir, path, before } = fixture();
    const listing = readdirSync(dir).sort();
    const undo = makeReadOnly(dir);
    if (!undo) return ctx.skip();
    let existing: unknown;
    let missing: unknown;
    try {
      existing = failure(() => open(path));
      missing = failure(() => open(join(dir, 'other.sqlite')));
    } finally {
      undo();
    }
    expect(expectPlain(existing, 'read_only_folder').message).toContain('the folder is read-only');
    expectPlain(missing, 'read_only_folder');
    expect(readdirSync(dir).sort()).toEqual(listing);
    expect(snapshot(path)).toEqual(before);
  });

  it('a full disk while salvaging (SQLITE_FULL injected with a page cap): the damaged file stays where it was', () => {
    const { dir, path, before } = fixture();
    const leaves = pagesOf(path, 'messages').filter((p) => p.pagetype === 'leaf');
    const victim = leaves[1]!;
    const lost = rowidsOnPage(readFileSync(path), victim.pageno).length;
    const damaged = scribble(path, victim.pageno);
    const listing = readdirSync(dir).sort();
    const capped = failure(() => open(path, { configure: (conn) => conn.pragma('max_page_count = 40') }));
    expect(expectPlain(capped, 'disk_full').message).toContain('is full');
    expect(readFileSync(path).equals(damaged)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
    // With room again, the salvage runs.
    const opened = open(path);
    expect(opened.recovered?.kept.messages).toBe(MESSAGES - lost);
    opened.db.close();
    expectSubset(before.messages, snapshot(path).messages);
  });

  it('a full disk while salvaging (a real, tiny tmpfs)', (ctx) => {
    // Room for the damaged file, its salvaged copy (the whole schema) and the -wal and -shm beside it.
    const disk = tinyDisk(8192);
    if (!disk) return ctx.skip();
    cleanups.push(disk.unmount);
    const built = fixture();
    const path = join(disk.dir, 'frontdesk.sqlite');
    copyFileSync(built.path, path);
    const before = built.before;
    const victim = pagesOf(path, 'messages').filter((p) => p.pagetype === 'leaf')[2]!;
    const lost = rowidsOnPage(readFileSync(path), victim.pageno).length;
    const damaged = scribble(path, victim.pageno);
    // Fill the disk up to the last few KiB.
    const filler = join(disk.dir, 'filler');
    const fd = openSync(filler, 'w');
    try {
      const block = Buffer.alloc(4096, 1);
      for (;;) writeSync(fd, block);
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const listing = readdirSync(disk.dir).sort();
    const full = failure(() => open(path));
    expectPlain(full, 'disk_full');
    expect(readFileSync(path).equals(damaged)).toBe(true);
    expect(readdirSync(disk.dir).sort()).toEqual(listing);
    rmSync(filler);
    const opened = open(path);
    expect(opened.recovered?.kept.messages).toBe(MESSAGES - lost);
    opened.db.close();
    expectSubset(before.messages, snapshot(path).messages);
  });
});

describe('tables the salvage does not know by name', () => {
  it('are copied whole, parents before children, rowid and WITHOUT ROWID tables alike', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const paths = ['source.sqlite', 'target.sqlite'].map((name) => join(t.dir, name));
    const [source, target] = paths.map((path) => {
      open(path).db.close();
      const conn = new Database(path);
      conn.pragma('foreign_keys = ON');
      // `a_child` sorts before its parent: the copy must follow the foreign key, not the name.
      conn.exec(`
        CREATE TABLE z_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE a_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES z_parent (id), body TEXT NOT NULL);
        CREATE TABLE m_pairs (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
      `);
      return conn;
    }) as [Database.Database, Database.Database];
    cleanups.push(() => {
      source.close();
      target.close();
    });
    source.transaction(() => {
      for (let i = 1; i <= 300; i++) {
        source.prepare('INSERT INTO z_parent (id, name) VALUES (?, ?)').run(i, `parent ${i}`);
        source.prepare('INSERT INTO a_child (id, parent_id, body) VALUES (?, ?, ?)').run(1000 + i, i, `child of ${i}`);
      }
      for (let i = 0; i < 5; i++) source.prepare('INSERT INTO m_pairs (k, v) VALUES (?, ?)').run(`key ${i}`, `value ${i}`);
    })();

    const counts = salvageInto(source, target, { clock: manualClock(T0), logger: memoryLogger(), nameKey: (n) => n.toLowerCase() });

    // 605 rows of the three tables, and the row saying since when status changes are recorded,
    // which every Frontdesk file carries (the reports' table, also unknown to the salvage by name).
    expect(counts.other).toBe(606);
    expect(counts.refused).toBe(0);
    for (const table of ['z_parent', 'a_child', 'm_pairs']) {
      const all = (conn: Database.Database): unknown[] => conn.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
      expect(all(target), table).toEqual(all(source));
    }
  });
});
