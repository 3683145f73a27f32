// Salvage: copy whatever can still be read from a damaged database into a fresh one, so one bad
// page costs the rows on that page, not the whole file.
//
// Why row by row rather than SQLite's `.recover`: the recovery extension behind the CLI's
// `.recover` needs the `sqlite_dbpage` virtual table, and the SQLite that better-sqlite3 bundles
// is built without it (SQLITE_ENABLE_DBPAGE_VTAB is not among its compile options; the test
// `test/db/salvage.test.ts` checks this, so an upgrade that adds it is noticed). The sqlite3 CLI is
// not something a user has. So each table is read straight from its own b-tree in rowid order
// (NOT INDEXED: a damaged index must not hide rows). When a read hits a bad page, the reader
// steps one rowid at a time: a point lookup descends from the root and fails only for rows under
// the bad page, so the first lookup that succeeds is past the damage and the scan resumes there.
// Every row goes through the fresh schema's constraints, so a row a scribbled page turned into
// garbage is refused rather than stored; derived data (unread counts, previews, the tag mirror,
// the full-text index) is recomputed from what was kept.
//
// A file whose 100-byte header is garbage (SQLITE_NOTADB) is read through a copy with a rebuilt
// header: the rest of the file (the schema on page 1, every table) is usually intact.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { createContext } from './db-context';
import { epochToStored } from './iso-time';
import { FRONTDESK_APPLICATION_ID } from './migrations/001-initial';
import { refreshAllDerived } from './queries/cached-columns';
import { statementCache, type Connection } from './statements';

export interface SalvageCounts {
  owners: number;
  conversations: number;
  /** Tag rows (manual and automatic). */
  tags: number;
  messages: number;
  settings: number;
  /** Rows read but refused by the fresh schema's constraints (garbage from a damaged page). */
  refused: number;
  /** Row positions that could not be read at all. */
  unreadable: number;
}

export interface SalvageOptions {
  clock: Clock;
  logger: Logger;
  /** How a member's name becomes the conversation's name key (for a conversation rebuilt from its messages). */
  nameKey: (name: string) => string;
}

type Row = Record<string, unknown>;

const SCAN_CHUNK = 500;
/** Point lookups per table before giving up on the rest of it (a few seconds at most). */
const POINT_BUDGET = 2_000_000;
/** How far past the last readable row to keep looking when the table's highest rowid is unreadable. */
const BLIND_GAP = 20_000;
const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536];
const FRONTDESK_TABLES = ['owners', 'conversations', 'conversation_tags', 'messages', 'settings'];

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** A failure of the fresh database (disk full…), as opposed to damage in the one being read. */
class TargetFailure extends Error {
  constructor(readonly original: unknown) {
    super('writing the salvaged row failed');
  }
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Runs a write to the fresh database; a row its constraints refuse is undefined, anything else (a full disk) propagates. */
function unlessRefused<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (codeOf(error).startsWith('SQLITE_CONSTRAINT')) return undefined;
    throw error;
  }
}

function columnsOf(conn: Connection, table: string): string[] {
  return (conn.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).map((c) => c.name);
}

function highestRowid(src: Connection, table: string): number | null {
  const values = [
    attempt(() => src.prepare(`SELECT max(rowid) FROM ${quote(table)} NOT INDEXED`).pluck().get()),
    attempt(() => src.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table)),
  ].filter((v): v is number => typeof v === 'number' && Number.isSafeInteger(v));
  return values.length > 0 ? Math.max(...values) : null;
}

/**
 * Calls `onRow` for every row of a rowid table that can be read, in rowid order; returns how many
 * rowids could not be read. Errors of `onRow` (the fresh database) propagate.
 */
function forEachReadableRow(src: Connection, table: string, columns: string[], onRow: (row: Row) => void): number {
  const list = ['rowid AS "__rowid"', ...columns.map(quote)].join(', ');
  const scan = src.prepare(`SELECT ${list} FROM ${quote(table)} NOT INDEXED WHERE rowid > ? ORDER BY rowid LIMIT ${SCAN_CHUNK}`);
  const point = src.prepare(`SELECT ${list} FROM ${quote(table)} NOT INDEXED WHERE rowid = ?`);
  const highest = highestRowid(src, table);
  const deliver = (row: Row): void => {
    try {
      onRow(row);
    } catch (error) {
      throw new TargetFailure(error);
    }
  };
  let after = 0; // Frontdesk's rowids start at 1
  let unreadable = 0;
  let budget = POINT_BUDGET;
  for (;;) {
    let n = 0;
    try {
      for (const row of scan.iterate(after) as IterableIterator<Row>) {
        n++;
        after = Number(row['__rowid']);
        deliver(row);
      }
      if (n < SCAN_CHUNK) return unreadable;
      continue;
    } catch (error) {
      if (error instanceof TargetFailure) throw error;
    }
    // A page after `after` is unreadable: step over it one rowid at a time.
    const ceiling = Math.max(highest ?? 0, after + BLIND_GAP);
    let resumed = false;
    for (let r = after + 1; r <= ceiling && budget > 0; r++, budget--) {
      let row: Row | undefined;
      try {
        row = point.get(r) as Row | undefined;
      } catch {
        unreadable++;
        continue;
      }
      if (row) deliver(row);
      after = r;
      resumed = true;
      break;
    }
    if (!resumed) return unreadable;
  }
}

/** A column list both files have and the INSERT for it. */
function copier(src: Connection, target: Connection, table: string): { columns: string[]; insert: (row: Row) => void } {
  const have = new Set(attempt(() => columnsOf(src, table)) ?? []);
  const columns = columnsOf(target, table).filter((c) => have.has(c));
  const stmt = target.prepare(
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return { columns, insert: (row) => stmt.run(columns.map((c) => row[c] ?? null)) };
}

const isConstraint = (error: unknown): boolean => codeOf(error).startsWith('SQLITE_CONSTRAINT');
const isForeignKey = (error: unknown): boolean => codeOf(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY';

/** Reads a damaged file into `target` (a fresh, migrated database); the source is only read. */
export function salvageInto(source: Connection, target: Connection, options: SalvageOptions): SalvageCounts {
  const counts: SalvageCounts = { owners: 0, conversations: 0, tags: 0, messages: 0, settings: 0, refused: 0, unreadable: 0 };
  const now = epochToStored(options.clock.now());
  const log = options.logger;

  /** Runs an insert; a row the schema refuses is counted, anything else (disk full) propagates. */
  const tryInsert = (insert: () => void, onForeignKey?: () => boolean): boolean => {
    try {
      insert();
      return true;
    } catch (error) {
      if (isForeignKey(error) && onForeignKey?.()) return tryInsert(insert);
      if (!isConstraint(error)) throw error;
      counts.refused++;
      return false;
    }
  };

  const ensureOwner = (ownerId: unknown): boolean => {
    if (typeof ownerId !== 'string') return false;
    const added = unlessRefused(() =>
      target.prepare('INSERT OR IGNORE INTO owners (owner_id, name, added_at, history_imported) VALUES (?, ?, ?, 0)').run(ownerId, `Inbox ${ownerId}`, now),
    );
    return added !== undefined && added.changes > 0;
  };

  const tables = new Set(
    (attempt(() => source.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all()) ?? []).map(String),
  );
  const readTable = (table: string, onRow: (row: Row, insert: (values: Row) => void) => void): void => {
    if (!tables.has(table)) {
      log.warn('salvage: table not found in the damaged file', { table });
      return;
    }
    try {
      const { columns, insert } = copier(source, target, table);
      counts.unreadable += forEachReadableRow(source, table, columns, (row) => onRow(row, insert));
    } catch (error) {
      if (error instanceof TargetFailure) throw error.original;
      log.warn('salvage: the rest of a table is unreadable', { table, error });
    }
  };

  target.transaction(() => {
    // Owners first (conversations refer to them), keeping each inbox's sync state.
    readTable('owners', (row, insert) => {
      if (tryInsert(() => insert(row))) counts.owners++;
    });

    // Conversations with their status and snooze; an owner whose row was lost is recreated.
    const mirror = new Map<number, { tags: unknown; intent: unknown }>();
    readTable('conversations', (row, insert) => {
      const ok = tryInsert(
        () => insert(row),
        () => ensureOwner(row['owner_id']),
      );
      if (ok) {
        counts.conversations++;
        mirror.set(Number(row['id']), { tags: row['tags'], intent: row['intent'] });
      }
    });

    // Tags, looked up per conversation so one bad page costs only the conversations on it; the
    // JSON mirror on the conversation row stands in when the lookup fails.
    if (tables.has('conversation_tags')) {
      const lookup = attempt(() => source.prepare('SELECT tag, source FROM conversation_tags WHERE conversation_id = ?'));
      const insertTag = target.prepare('INSERT OR IGNORE INTO conversation_tags (conversation_id, tag, source) VALUES (?, ?, ?)');
      for (const [id, saved] of mirror) {
        let rows = lookup ? (attempt(() => lookup.all(id)) as Array<{ tag: unknown; source: unknown }> | undefined) : undefined;
        if (rows === undefined) rows = tagsFromMirror(saved.tags, saved.intent);
        for (const t of rows) {
          if (tryInsert(() => insertTag.run(id, t.tag, t.source))) counts.tags++;
        }
      }
    }

    // Messages with their read marks; a message whose conversation row was lost gets one rebuilt
    // from the message (member id or name), so the message is kept in a thread of its own member.
    const moved = new Map<number, number>();
    readTable('messages', (row, insert) => {
      const original = Number(row['conversation_id']);
      const mapped = moved.get(original);
      const values = mapped === undefined ? row : { ...row, conversation_id: mapped };
      const ok = tryInsert(
        () => insert(values),
        () => {
          const rebuilt = rebuildConversation(target, row, now, options.nameKey, ensureOwner);
          if (rebuilt === null) return false;
          if (rebuilt !== original) {
            moved.set(original, rebuilt);
            values['conversation_id'] = rebuilt;
          }
          return true;
        },
      );
      if (ok) counts.messages++;
    });

    // Settings is a small WITHOUT ROWID table (one page or two): read in key order up to any damage.
    if (tables.has('settings')) {
      const { columns, insert } = copier(source, target, 'settings');
      try {
        for (const row of source.prepare(`SELECT ${columns.map(quote).join(', ')} FROM settings`).iterate() as IterableIterator<Row>) {
          let kept: boolean;
          try {
            kept = tryInsert(() => insert(row));
          } catch (error) {
            throw new TargetFailure(error);
          }
          if (kept) counts.settings++;
        }
      } catch (error) {
        if (error instanceof TargetFailure) throw error.original;
        log.warn('salvage: the rest of the settings are unreadable', { error });
      }
    }

    // Derived columns (unread counts, previews, waiting times, the automatic tag and the mirror)
    // from the messages that were kept.
    const ctx = createContext(target, statementCache(target), options.clock, options.logger);
    for (const id of target.prepare('SELECT id FROM conversations').pluck().all()) refreshAllDerived(ctx, Number(id));
  })();
  return counts;
}

function tagsFromMirror(tags: unknown, intent: unknown): Array<{ tag: unknown; source: unknown }> {
  if (typeof tags !== 'string') return [];
  const parsed = attempt(() => JSON.parse(tags) as unknown);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((t): t is string => typeof t === 'string' && t !== intent).map((tag) => ({ tag, source: 'manual' }));
}

/** A conversation for a message whose conversation row was lost; returns its id (or null). */
function rebuildConversation(
  target: Connection,
  message: Row,
  now: string,
  nameKey: (name: string) => string,
  ensureOwner: (ownerId: unknown) => boolean,
): number | null {
  const ownerId = message['owner_id'];
  const id = Number(message['conversation_id']);
  if (typeof ownerId !== 'string' || !Number.isSafeInteger(id)) return null;
  ensureOwner(ownerId);
  const memberId = typeof message['from_member_id'] === 'string' ? message['from_member_id'] : null;
  const fromName = message['from_member_name'];
  const senderName = message['sender_name'];
  const memberName =
    typeof fromName === 'string' && fromName.trim() !== ''
      ? fromName
      : message['direction'] === 'inbound' && typeof senderName === 'string'
        ? senderName
        : 'Unknown member';
  const key = nameKey(memberName);
  const conversationKey = `${ownerId}${memberId === null ? `/n/${key}` : `/m/${memberId}`}`;
  const existing = target.prepare('SELECT id FROM conversations WHERE conversation_id = ?').pluck().get(conversationKey);
  if (typeof existing === 'number') return existing;
  const inserted = unlessRefused(() =>
    target
      .prepare(
        `INSERT INTO conversations (id, conversation_id, owner_id, member_id, member_name, name_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, conversationKey, ownerId, memberId, memberName, key, now, now),
  );
  return inserted ? id : null;
}

/** Whether a readable file holds Frontdesk's tables (its header may be what was damaged). */
export function hasFrontdeskTables(conn: Connection): boolean {
  const names = new Set(
    (attempt(() => conn.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all()) ?? []).map(String),
  );
  return FRONTDESK_TABLES.every((t) => names.has(t));
}

/**
 * Opens a damaged file for reading. When SQLite does not recognise the file at all (its header is
 * garbage), a copy with a rebuilt header is opened instead and removed by `close`.
 */
export function openDamaged(path: string, scratch: string): { conn: Connection; close: () => void } | null {
  const direct = attempt(() => {
    const conn = new Database(path, { readonly: true, fileMustExist: true });
    if (attempt(() => conn.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()) === undefined) {
      conn.close();
      return undefined;
    }
    return conn;
  });
  if (direct) return { conn: direct, close: () => direct.close() };

  const size = statSync(path).size;
  if (size < 2 * 512) return null;
  const drop = (): void => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(scratch + suffix, { force: true });
  };
  drop();
  copyFileSync(path, scratch);
  for (const pageSize of PAGE_SIZES) {
    if (size % pageSize !== 0) continue;
    writeHeader(scratch, pageSize, size / pageSize);
    const conn = attempt(() => new Database(scratch, { readonly: true, fileMustExist: true }));
    if (conn && hasFrontdeskTables(conn)) {
      return {
        conn,
        close: () => {
          conn.close();
          drop();
        },
      };
    }
    conn?.close();
  }
  drop();
  return null;
}

/** A plausible 100-byte header for a Frontdesk file of `pages` pages (rollback journal mode, so no WAL is looked for). */
function writeHeader(file: string, pageSize: number, pages: number): void {
  const h = Buffer.alloc(100);
  h.write('SQLite format 3\0', 0, 'latin1');
  h.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  h[18] = 1; // write version: legacy
  h[19] = 1; // read version: legacy
  h[20] = 0; // reserved bytes per page
  h[21] = 64;
  h[22] = 32;
  h[23] = 32;
  h.writeUInt32BE(1, 24); // change counter
  h.writeUInt32BE(pages, 28); // size in pages (valid: matches the version-valid-for below)
  h.writeUInt32BE(1, 40); // schema cookie
  h.writeUInt32BE(4, 44); // schema format
  h.writeUInt32BE(1, 56); // UTF-8
  h.writeUInt32BE(FRONTDESK_APPLICATION_ID, 68);
  h.writeUInt32BE(1, 92); // version-valid-for
  h.writeUInt32BE(3054001, 96);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, h, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}
