// Every migration, in order. Append only: a released migration never changes.
import { initial } from './001-initial';
import { queryIndexes } from './002-query-indexes';
import { triage } from './003-triage';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initial, queryIndexes, triage];

export const LATEST_VERSION = MIGRATIONS.length;
