// What is in a database file before Frontdesk writes to it: nothing yet, a Frontdesk database of
// some schema version, or something unusable (not SQLite, corrupt, another program's). Opened
// read-only only: a read-write connection would, on closing, checkpoint whatever `-wal` lies
// beside the file into it, and a `-wal` from another database (or from an older copy of this one)
// would then overwrite the intact file. A read-only connection reads a crash's `-wal` without
// ever writing it back.
//
// A `-wal` that makes an intact file look damaged did not belong to it: it is set aside (renamed,
// with its `-shm`, never deleted) and the file is used as it is.
import Database from 'better-sqlite3';
import { existsSync, renameSync, statSync } from 'node:fs';
import { FRONTDESK_APPLICATION_ID } from './migrations/001-initial';
import { hasFrontdeskTables } from './salvage';
import { fileStamp, freePath } from './set-aside';
import type { Connection } from './statements';

export type FileState =
  | { kind: 'missing' }
  | { kind: 'frontdesk'; version: number }
  /** `salvageable`: Frontdesk's tables can still be read from it. */
  | { kind: 'unusable'; reason: string; salvageable: boolean };

export interface Probe {
  state: FileState;
  /** Where a `-wal` that did not belong to the file was moved, or null. */
  journalSetAside: string | null;
}

function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return error.code;
}

/** Damage, as opposed to a file that is busy, locked or not permitted (those are rethrown). */
const isDamage = (code: string): boolean => code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');

function inspect(conn: Connection): FileState {
  const version = Number(conn.pragma('user_version', { simple: true }));
  const applicationId = Number(conn.pragma('application_id', { simple: true }));
  const objects = Number(conn.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
  const check = (conn.pragma('quick_check') as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0]));
  if (check.length !== 1 || check[0] !== 'ok') return { kind: 'unusable', reason: `quick_check: ${check.slice(0, 3).join('; ')}`, salvageable: true };
  if (version === 0 && objects === 0) return { kind: 'missing' };
  // A damaged header can lose the application id while every table is intact.
  if (applicationId !== FRONTDESK_APPLICATION_ID) return { kind: 'unusable', reason: 'not a Frontdesk database', salvageable: hasFrontdeskTables(conn) };
  return { kind: 'frontdesk', version };
}

function inspectFile(path: string): FileState {
  try {
    const conn = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return inspect(conn);
    } finally {
      conn.close();
    }
  } catch (error) {
    const code = sqliteCode(error);
    if (code && isDamage(code)) return { kind: 'unusable', reason: `${code}: ${(error as Error).message}`, salvageable: true };
    throw error;
  }
}

const journalOf = (path: string): string => `${path}-wal`;
const hasJournal = (path: string): boolean => existsSync(journalOf(path)) && statSync(journalOf(path)).size > 0;

function moveJournal(from: string, to: string): void {
  renameSync(`${from}-wal`, `${to}-wal`);
  if (existsSync(`${from}-shm`)) renameSync(`${from}-shm`, `${to}-shm`);
}

export function probeFile(path: string, epochMs: number): Probe {
  if (!existsSync(path)) return { state: { kind: 'missing' }, journalSetAside: null };
  if (statSync(path).size === 0 && !existsSync(journalOf(path))) return { state: { kind: 'missing' }, journalSetAside: null };
  const state = inspectFile(path);
  if (state.kind !== 'unusable' || !hasJournal(path)) return { state, journalSetAside: null };

  // Damaged with a journal beside it: is the file itself intact?
  const aside = freePath(`${path}.journal-set-aside-${fileStamp(epochMs)}`);
  moveJournal(path, aside);
  let alone: FileState;
  try {
    alone = inspectFile(path);
  } catch (error) {
    moveJournal(aside, path);
    throw error;
  }
  if (alone.kind === 'frontdesk') return { state: alone, journalSetAside: `${aside}-wal` };
  // The file is damaged on its own too: put the journal back, so salvage reads everything that
  // was committed (a journal left by a crash holds the last commits).
  moveJournal(aside, path);
  return { state, journalSetAside: null };
}
