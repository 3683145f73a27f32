// Every migration, in order. Append only: a released migration never changes.
import { initial } from './001-initial';
import { queryIndexes } from './002-query-indexes';
import { importStartedAt } from './003-import-started-at';
import { outreach } from './004-outreach';
import { assistant } from './005-assistant';
import { triage } from './006-triage';
import { outreachIntoActionLog } from './007-outreach-into-action-log';
import { team } from './008-team';
import { statusChanges } from './009-status-changes';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initial, queryIndexes, importStartedAt, outreach, assistant, triage, outreachIntoActionLog, team, statusChanges];

export const LATEST_VERSION = MIGRATIONS.length;
