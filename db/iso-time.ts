// Every instant is stored as `YYYY-MM-DDTHH:MM:SS.sssZ` (the schema CHECKs it), so comparing the
// strings compares the instants: indexes and ORDER BY on them need no conversion.
import { z } from 'zod';
import { DbError } from './errors';

const isoInstant = z.iso.datetime({ offset: true });

/** Exactly the stored form; such a value is returned as it is once it reads back the same. */
const STORED_FORM = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** The stored form of an ISO-8601 instant given with `Z` or an offset. */
export function toStoredInstant(value: string, field = 'time'): string {
  // The common case (every instant the app makes itself) without the general ISO parse.
  if (STORED_FORM.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms) && new Date(ms).toISOString() === value) return value;
  }
  const parsed = isoInstant.safeParse(value);
  const ms = parsed.success ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new DbError('invalid_argument', `${field}: not an ISO-8601 instant`);
  return new Date(ms).toISOString();
}

export function epochToStored(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
