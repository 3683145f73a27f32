// Every team store migration, in order. Append only: a released migration never changes.
import { team } from './001-team';
import { pushFunction } from './002-push-function';
import type { PgMigration } from './pg-migration';

export const PG_MIGRATIONS: readonly PgMigration[] = [team, pushFunction];

export const PG_LATEST_VERSION = PG_MIGRATIONS.length;
