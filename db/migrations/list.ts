// Every migration, in order. Append only: a released migration never changes.
import { initial } from './001-initial';
import { queryIndexes } from './002-query-indexes';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initial, queryIndexes];

export const LATEST_VERSION = MIGRATIONS.length;
