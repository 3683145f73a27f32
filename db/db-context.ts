// What every query module is built from: the connection, its statement cache, time and a log.
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { epochToStored } from './iso-time';
import { DEFAULT_STALE_IMPORT_MS } from './queries/waiting';
import type { Connection, Prepare, Statement } from './statements';
import type { WriteTurn } from './write-turn';

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
  /** Shares writes with another process's connection (write-turn.ts); null: this connection writes alone. */
  setWriteTurn(turn: WriteTurn | null): void;
  /** Another connection waits for this one's write transaction to end. */
  writeWaiting(): boolean;
  /** The shared write turn, when writes are shared. */
  writeTurn(): WriteTurn | null;
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

const WRITING_CALLS = new Set<PropertyKey>(['run', 'get', 'all']);

/**
 * The statement as callers use it, except that executing a writing statement outside a
 * transaction takes the write turn first. Mode switches (`pluck`, `raw`) return the wrapper.
 */
function guarded(stmt: Statement, inTurn: <T>(write: () => T) => T): Statement {
  const wrapper: Statement = new Proxy(stmt, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (WRITING_CALLS.has(prop)) return (...args: unknown[]) => inTurn(() => method.apply(target, args));
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        return result === target ? wrapper : result;
      };
    },
  });
  return wrapper;
}

export function createContext(conn: Connection, rawPrepare: Prepare, clock: Clock, logger: Logger): DbContext {
  let turn: WriteTurn | null = null;
  const inTurn = <T>(write: () => T): T => (turn === null || conn.inTransaction ? write() : turn.hold(write));
  const wrapped = new Map<Statement, Statement>();
  const prepare: Prepare = (sql) => {
    const stmt = rawPrepare(sql);
    if (stmt.readonly) return stmt;
    let w = wrapped.get(stmt);
    if (!w) {
      w = guarded(stmt, inTurn);
      wrapped.set(stmt, w);
    }
    return w;
  };
  return {
    conn,
    prepare,
    clock,
    logger,
    nowIso: () => epochToStored(clock.now()),
    // IMMEDIATE takes the write lock up front, so a writer never fails to upgrade a read lock
    // while another connection writes; nested calls become savepoints.
    transaction: <T>(fn: () => T): T => inTurn(() => conn.transaction(fn).immediate()),
    waiting: { staleImportMs: DEFAULT_STALE_IMPORT_MS },
    setWriteTurn(next) {
      turn = next;
    },
    writeWaiting: () => turn?.peerWaiting() ?? false,
    writeTurn: () => turn,
    team: { me: undefined },
  };
}
