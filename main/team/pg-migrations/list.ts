// Every team store migration, in order. Append only: a released migration never changes.
import { team } from './001-team';
import type { PgMigration } from './pg-migration';

export const PG_MIGRATIONS: readonly PgMigration[] = [team];

export const PG_LATEST_VERSION = PG_MIGRATIONS.length;
