// What is in a database file before Frontdesk writes to it: nothing yet, a Frontdesk database of
// some schema version, or something unusable (not SQLite, corrupt, another program's). Opened
// read-only, so a file that is then refused (a newer version) has not been written.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { FRONTDESK_APPLICATION_ID } from './migrations/001-initial';
import type { Connection } from './statements';

export type FileState =
  | { kind: 'missing' }
  | { kind: 'frontdesk'; version: number }
  | { kind: 'unusable'; reason: string };

interface SqliteFailure {
  code: string;
  message: string;
}

function sqliteFailure(error: unknown): SqliteFailure | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return { code: error.code, message: error.message };
}

/** Damage, as opposed to a file that is busy, locked or not permitted (those are rethrown). */
const isDamage = (code: string): boolean => code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');

function inspect(conn: Connection): FileState {
  const version = Number(conn.pragma('user_version', { simple: true }));
  const applicationId = Number(conn.pragma('application_id', { simple: true }));
  const objects = Number(conn.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
  const check = (conn.pragma('quick_check') as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0]));
  if (check.length !== 1 || check[0] !== 'ok') return { kind: 'unusable', reason: `quick_check: ${check.slice(0, 3).join('; ')}` };
  if (version === 0 && objects === 0) return { kind: 'missing' };
  if (applicationId !== FRONTDESK_APPLICATION_ID) return { kind: 'unusable', reason: 'not a Frontdesk database' };
  return { kind: 'frontdesk', version };
}

export function probeFile(path: string): FileState {
  if (!existsSync(path)) return { kind: 'missing' };
  if (statSync(path).size === 0 && !existsSync(`${path}-wal`)) return { kind: 'missing' };
  const attempt = (readonly: boolean): FileState => {
    const conn = new Database(path, { readonly, fileMustExist: true });
    try {
      return inspect(conn);
    } finally {
      conn.close();
    }
  };
  try {
    try {
      return attempt(true);
    } catch (error) {
      // A WAL left by a crash needs recovery, which a read-only connection cannot do.
      if (sqliteFailure(error)?.code.startsWith('SQLITE_READONLY')) return attempt(false);
      throw error;
    }
  } catch (error) {
    const failure = sqliteFailure(error);
    if (failure && isDamage(failure.code)) return { kind: 'unusable', reason: `${failure.code}: ${failure.message}` };
    throw error;
  }
}
