// Opening the database: check the file; salvage a damaged one into a fresh file and keep the
// damaged one beside it; set aside a `-wal` that does not belong to an intact file; refuse one from
// a newer Frontdesk untouched; back up and migrate an older one; then hand out the query groups.
// A file that cannot be opened or written (read-only, a folder in its place, a full disk) is
// reported in plain words and left alone. Synchronous: the app opens it once at start.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { configureConnection } from './connection';
import { DbError } from './errors';
import { createFrontdeskDb, type FrontdeskDb } from './frontdesk-db';
import { assertNotNewer, migrate, schemaVersion, type MigrationOutcome } from './migrate';
import { LATEST_VERSION } from './migrations/list';
import { probeFile } from './probe-file';
import { openDamaged, salvageInto, type SalvageCounts } from './salvage';
import { fileStamp, freePath, moveAside } from './set-aside';
import type { Connection } from './statements';
import { storageError, storageProblemBefore, storageProblemOf } from './storage-failure';

export interface OpenOptions {
  logger: Logger;
  clock: Clock;
  /** How a member's name becomes a conversation's name key, for conversations salvage rebuilds. */
  nameKey?: (name: string) => string;
  /**
   * Runs on every connection opened for writing, after the standard setup. Tests use it to inject
   * faults the machine cannot produce (a page cap that makes SQLite report SQLITE_FULL).
   */
  configure?: (conn: Connection) => void;
}

export interface Recovery {
  /** Where the damaged file now is (with its -wal and -shm, if any). */
  movedTo: string;
  reason: string;
  /** What was copied from it into the fresh database; all zero when nothing could be read. */
  kept: SalvageCounts;
}

export interface OpenedDatabase {
  db: FrontdeskDb;
  /** Not null when the file was damaged: what was salvaged, and where the damaged file is. */
  recovered: Recovery | null;
  /** Not null when a `-wal` that did not belong to the intact file was set aside (its new path). */
  journalSetAside: string | null;
  migration: MigrationOutcome;
}

const NO_ROWS: SalvageCounts = { owners: 0, conversations: 0, tags: 0, messages: 0, settings: 0, other: 0, refused: 0, unreadable: 0 };
const defaultNameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

function openWritable(path: string, logger: Logger, options: OpenOptions, backupTo: string | null): { conn: Connection; migration: MigrationOutcome } {
  const conn = new Database(path);
  try {
    configureConnection(conn, logger);
    options.configure?.(conn);
    const migration = migrate(conn, { logger, backupTo });
    return { conn, migration };
  } catch (error) {
    conn.close();
    throw error;
  }
}

function removeWithJournal(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Builds a fresh database beside the damaged one from what can be read of it, then swaps them:
 * the damaged file is kept as `<name>.corrupt-<stamp>`. Until the swap the damaged file is not
 * touched, so a failure here (a full disk) leaves everything as it was.
 */
function salvage(path: string, reason: string, logger: Logger, options: OpenOptions): Recovery {
  const fresh = `${path}.salvaging`;
  removeWithJournal(fresh); // a salvage interrupted earlier is started over
  let kept = NO_ROWS;
  const source = openDamaged(path, `${path}.salvage-source`);
  try {
    if (source) {
      const { conn } = openWritable(fresh, logger, options, null);
      try {
        kept = salvageInto(source.conn, conn, { clock: options.clock, logger, nameKey: options.nameKey ?? defaultNameKey });
      } finally {
        conn.close();
      }
    }
  } catch (error) {
    removeWithJournal(fresh);
    throw error;
  } finally {
    source?.close();
  }
  const movedTo = moveAside(path, options.clock.now());
  if (existsSync(fresh)) renameSync(fresh, path);
  return { movedTo, reason, kept };
}

const causeCode = (error: unknown): unknown => (error instanceof DbError && error.reason === 'migration_failed' ? error.cause : error);

export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  const logger = options.logger.scope('db');
  if (path === ':memory:') {
    const { conn, migration } = openWritable(':memory:', logger, options, null);
    return { db: createFrontdeskDb(conn, { path: '', clock: options.clock, logger }), recovered: null, journalSetAside: null, migration };
  }

  let recovered: Recovery | null = null;
  let journalSetAside: string | null;
  let version = 0;
  let conn: Connection;
  let migration: MigrationOutcome;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const problem = storageProblemBefore(path);
    if (problem) throw storageError(problem, path);

    const probe = probeFile(path, options.clock.now());
    journalSetAside = probe.journalSetAside;
    if (journalSetAside) logger.warn('a -wal that did not belong to the database was set aside; the database is intact', { path, journalSetAside });
    const state = probe.state;
    if (state.kind === 'unusable') {
      if (state.salvageable) {
        recovered = salvage(path, state.reason, logger, options);
      } else {
        recovered = { movedTo: moveAside(path, options.clock.now()), reason: state.reason, kept: NO_ROWS };
      }
      logger.error('database damaged: kept what could be read in a fresh database, moved the damaged file aside', {
        path,
        movedTo: recovered.movedTo,
        reason: recovered.reason,
        ...recovered.kept,
      });
    } else if (state.kind === 'frontdesk') {
      assertNotNewer(state.version);
      version = state.version;
    }
    const backupTo = version === 0 ? null : freePath(`${path}.backup-v${version}-${fileStamp(options.clock.now())}`);
    ({ conn, migration } = openWritable(path, logger, options, backupTo));
  } catch (error) {
    if (error instanceof DbError && (error.reason === 'newer_schema' || error.reason === 'storage')) throw error;
    const problem = storageProblemOf(causeCode(error), path);
    // A migration that failed for a reason of its own keeps its own error.
    if (problem === 'unavailable' && error instanceof DbError) throw error;
    logger.error('the database could not be opened', { path, problem, error });
    throw storageError(problem, path, error);
  }
  try {
    // Bounded statistics refresh, as SQLite recommends for long-lived connections.
    conn.pragma('analysis_limit = 400');
    conn.pragma('optimize = 0x10002');
  } catch (error) {
    logger.warn('PRAGMA optimize failed at open', { error });
  }
  return { db: createFrontdeskDb(conn, { path, clock: options.clock, logger }), recovered, journalSetAside, migration };
}

/**
 * One more connection to a database that `openDatabase` already checked and migrated in this
 * process (the sync worker's writer): no probe, no salvage, no migration. A file that is missing
 * or at another schema version is refused rather than changed, since the connection that owns
 * the file's repair and migrations is the other one.
 */
export function openConnection(path: string, options: Pick<OpenOptions, 'logger' | 'clock' | 'configure'>): FrontdeskDb {
  const conn = new Database(path, { fileMustExist: true });
  try {
    configureConnection(conn, options.logger);
    options.configure?.(conn);
    const version = schemaVersion(conn);
    if (version !== LATEST_VERSION) throw new DbError('migration_failed', `the database is at schema version ${version}, not ${LATEST_VERSION}`);
    return createFrontdeskDb(conn, { path, clock: options.clock, logger: options.logger });
  } catch (error) {
    conn.close();
    throw error;
  }
}
