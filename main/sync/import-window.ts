// Which rows of an owner's first import are history and which arrived while it ran. The moment
// the import began is stored per owner, so an import interrupted and restarted (a crash, a
// network failure between chunks) still knows it: a text whose label can be later than that
// moment is live, however many attempts the import takes.
import type { NewInboxMessage } from './reconcile';
import { localDate, parseDate, zonedToEpoch } from '../time/club-time';

const MINUTE_MS = 60_000;

/**
 * True when the row may have been sent after `importStartedAt` (epoch ms). A timed label
 * (`09:10`) covers its whole minute, so a row of the very minute the import began counts as live:
 * a hidden text costs more than one extra notification. A day-only label is live only for a club
 * date after the import's; on the import's own date it cannot be told from that morning's
 * history and is counted as history.
 */
export function isLiveSinceImport(row: Pick<NewInboxMessage, 'localDate' | 'localTime'>, importStartedAt: number, timeZone: string): boolean {
  if (row.localTime === null) return row.localDate > localDate(importStartedAt, timeZone);
  const [hour, minute] = row.localTime.split(':').map(Number);
  const minuteStart = zonedToEpoch({ ...parseDate(row.localDate), hour: hour ?? 0, minute: minute ?? 0 }, timeZone);
  return minuteStart + MINUTE_MS > importStartedAt;
}

/** The fresh rows of an import poll split into history and live, each oldest first. */
export function splitImport(rows: readonly NewInboxMessage[], importStartedAt: number, timeZone: string): { history: NewInboxMessage[]; live: NewInboxMessage[] } {
  const history: NewInboxMessage[] = [];
  const live: NewInboxMessage[] = [];
  for (const row of rows) (isLiveSinceImport(row, importStartedAt, timeZone) ? live : history).push(row);
  return { history, live };
}
