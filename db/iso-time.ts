// Every instant is stored as `YYYY-MM-DDTHH:MM:SS.sssZ` (the schema CHECKs it), so comparing the
// strings compares the instants: indexes and ORDER BY on them need no conversion.
import { z } from 'zod';
import { DbError } from './errors';

const isoInstant = z.iso.datetime({ offset: true });

/** The stored form of an ISO-8601 instant given with `Z` or an offset. */
export function toStoredInstant(value: string, field = 'time'): string {
  const parsed = isoInstant.safeParse(value);
  const ms = parsed.success ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new DbError('invalid_argument', `${field}: not an ISO-8601 instant`);
  return new Date(ms).toISOString();
}

export function epochToStored(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
