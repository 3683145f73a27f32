// Errors db/ raises on purpose. They extend the core's AppError so a refused request crosses the
// IPC bridge as `{ code, message }` without a mapping table of its own; `reason` tells callers
// (and logs) which of db's failures it was.
import { AppError } from '../common/errors/app-error';
import type { StorageProblem } from './storage-failure';

export type DbErrorReason =
  | 'not_found' // no conversation, message or owner with that id
  | 'invalid_argument' // input that breaks a rule of the schema (bad cursor, foreign owner…)
  | 'newer_schema' // the file was written by a newer Frontdesk: refused, left untouched
  | 'migration_failed' // a migration threw; its transaction rolled back
  | 'storage'; // the file cannot be opened or written (read-only, a folder in its place, disk full…)

export class DbError extends AppError {
  /** For `storage`: which problem, so the window can say what to do. */
  readonly problem: StorageProblem | null;
  constructor(
    readonly reason: DbErrorReason,
    message: string,
    options?: { cause?: unknown; problem?: StorageProblem },
  ) {
    super(reason === 'not_found' || reason === 'invalid_argument' ? reason : 'internal', message, options);
    this.problem = options?.problem ?? null;
  }
}

export function notFound(what: string, id: number | string): DbError {
  return new DbError('not_found', `${what} ${String(id)} does not exist`);
}
