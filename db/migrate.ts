// Forward-only migrations recorded in PRAGMA user_version, each in its own transaction. A file
// that already holds data is copied (VACUUM INTO: a consistent snapshot, WAL included) before the
// first step runs; a file from a newer Frontdesk is refused before anything is written.
import type { Logger } from '../common/log/logger';
import { DbError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/list';
import type { Migration } from './migrations/migration';
import type { Connection } from './statements';

export interface MigrateOptions {
  logger: Logger;
  /** Where to copy a non-empty database before migrating it; null skips the copy (`:memory:`). */
  backupTo: string | null;
  /** Defaults to every migration; tests pass a prefix to build older files. */
  migrations?: readonly Migration[];
}

export interface MigrationOutcome {
  from: number;
  to: number;
  /** The copy taken before migrating, or null when nothing needed copying. */
  backupPath: string | null;
}

export function schemaVersion(conn: Connection): number {
  return Number(conn.pragma('user_version', { simple: true }));
}

export function assertNotNewer(version: number, latest = LATEST_VERSION): void {
  if (version > latest) {
    throw new DbError(
      'newer_schema',
      `The database was written by a newer version of Frontdesk (schema ${version}; this version knows ${latest}). ` +
        'It was left untouched: update Frontdesk to open it.',
    );
  }
}

export function migrate(conn: Connection, options: MigrateOptions): MigrationOutcome {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(conn);
  assertNotNewer(from, latest);
  if (from === latest) return { from, to: latest, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && options.backupTo !== null) {
    conn.prepare('VACUUM INTO ?').run(options.backupTo);
    backupPath = options.backupTo;
    options.logger.info('database backed up before migrating', { from, to: latest, backupPath });
  }

  for (const migration of migrations.slice(from)) {
    try {
      conn
        .transaction(() => {
          migration.up(conn);
          const violations = conn.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) throw new Error(`${violations.length} foreign key violations`);
          conn.pragma(`user_version = ${migration.version}`);
        })
        .immediate();
    } catch (error) {
      throw new DbError('migration_failed', `migration ${migration.version} (${migration.name}) failed`, { cause: error });
    }
    options.logger.info('database migrated', { version: migration.version, name: migration.name });
  }
  return { from, to: latest, backupPath };
}
