// Errors db/ raises on purpose. They extend the core's AppError so a refused request crosses the
// IPC bridge as `{ code, message }` without a mapping table of its own; `reason` tells callers
// (and logs) which of db's failures it was.
import { AppError } from '../common/errors/app-error';

export type DbErrorReason =
  | 'not_found' // no conversation, message or owner with that id
  | 'invalid_argument' // input that breaks a rule of the schema (bad cursor, foreign owner…)
  | 'newer_schema' // the file was written by a newer Frontdesk: refused, left untouched
  | 'migration_failed'; // a migration threw; its transaction rolled back

export class DbError extends AppError {
  constructor(
    readonly reason: DbErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(reason === 'not_found' || reason === 'invalid_argument' ? reason : 'internal', message, options);
  }
}

export function notFound(what: string, id: number | string): DbError {
  return new DbError('not_found', `${what} ${String(id)} does not exist`);
}
