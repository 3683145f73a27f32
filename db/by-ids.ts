// Reading many rows by id in one statement: the ids travel as one JSON array parameter (no limit
// on how many), and the rows come back in the order the caller gave.
import type { DbContext } from './db-context';

export function selectByIds<T extends { id: number }>(
  ctx: DbContext,
  select: string,
  ids: readonly number[],
  read: (row: unknown) => T,
): T[] {
  if (ids.length === 0) return [];
  const rows = ctx.prepare(`${select} IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)).map(read);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
