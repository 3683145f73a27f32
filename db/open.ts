// Opening the database: check the file, move a damaged one aside (the caller resyncs), refuse
// one from a newer Frontdesk untouched, back up and migrate an older one, then hand out the
// query groups. Synchronous: the app opens it once at start.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { configureConnection } from './connection';
import { createFrontdeskDb, type FrontdeskDb } from './frontdesk-db';
import { assertNotNewer, migrate, type MigrationOutcome } from './migrate';
import { probeFile } from './probe-file';
import { fileStamp, freePath, moveAside } from './set-aside';

export interface OpenOptions {
  logger: Logger;
  clock: Clock;
}

export interface Recovery {
  /** Where the damaged file now is. */
  movedTo: string;
  reason: string;
}

export interface OpenedDatabase {
  db: FrontdeskDb;
  /** Not null when the file was unusable and a fresh database replaced it: resync everything. */
  recovered: Recovery | null;
  migration: MigrationOutcome;
}

export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  const logger = options.logger.scope('db');
  const memory = path === ':memory:';
  let recovered: Recovery | null = null;
  let version = 0;
  if (!memory) {
    mkdirSync(dirname(path), { recursive: true });
    const state = probeFile(path);
    if (state.kind === 'unusable') {
      const movedTo = moveAside(path, options.clock.now());
      recovered = { movedTo, reason: state.reason };
      logger.error('database unusable: moved aside, starting a fresh one (a full sync follows)', { path, movedTo, reason: state.reason });
    } else if (state.kind === 'frontdesk') {
      assertNotNewer(state.version);
      version = state.version;
    }
  }

  const conn = new Database(memory ? ':memory:' : path);
  try {
    configureConnection(conn, logger);
    const backupTo = memory || version === 0 ? null : freePath(`${path}.backup-v${version}-${fileStamp(options.clock.now())}`);
    const migration = migrate(conn, { logger, backupTo });
    // Bounded statistics refresh, as SQLite recommends for long-lived connections.
    conn.pragma('analysis_limit = 400');
    conn.pragma('optimize = 0x10002');
    return { db: createFrontdeskDb(conn, { path: memory ? '' : path, clock: options.clock, logger }), recovered, migration };
  } catch (error) {
    conn.close();
    throw error;
  }
}
