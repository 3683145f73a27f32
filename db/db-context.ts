// What every query module is built from: the connection, its statement cache, time and a log.
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { epochToStored } from './iso-time';
import { DEFAULT_STALE_IMPORT_MS } from './queries/waiting';
import type { Connection, Prepare } from './statements';

export interface DbContext {
  conn: Connection;
  prepare: Prepare;
  clock: Clock;
  logger: Logger;
  /** The clock's now in the stored instant form. */
  nowIso: () => string;
  /** Runs `fn` in a transaction (a savepoint when one is already open). */
  transaction: <T>(fn: () => T) => T;
  /** How waiting is judged (db/queries/waiting.ts); changed through conversations.setStaleImportThreshold. */
  waiting: { staleImportMs: number };
  /** Who "me" is for the `mine` list (team_identity, cached; undefined until first read). */
  team: { me: string | null | undefined };
}

/** The staff id of this desk's user ('' when unknown, which no assignee has). */
export function myStaffId(ctx: DbContext): string {
  if (ctx.team.me === undefined) {
    const id: unknown = ctx.prepare('SELECT staff_id FROM team_identity').pluck().get();
    ctx.team.me = typeof id === 'string' ? id : null;
  }
  return ctx.team.me ?? '';
}

export function createContext(conn: Connection, prepare: Prepare, clock: Clock, logger: Logger): DbContext {
  return {
    conn,
    prepare,
    clock,
    logger,
    nowIso: () => epochToStored(clock.now()),
    // IMMEDIATE takes the write lock up front, so a writer never fails to upgrade a read lock
    // while another connection writes; nested calls become savepoints.
    transaction: <T>(fn: () => T): T => conn.transaction(fn).immediate(),
    waiting: { staleImportMs: DEFAULT_STALE_IMPORT_MS },
    team: { me: undefined },
  };
}
