// Inputs are typed, but a wrong value should fail with the field's name, not with a bare
// "CHECK constraint failed" from SQLite.
import type { z } from 'zod';
import { DbError } from './errors';

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  throw new DbError('invalid_argument', `${what}${where}: ${issue?.message ?? 'invalid'}`);
}

export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DbError('invalid_argument', 'limit: an integer from 1 to 500');
  return limit;
}
