// Which rows of an owner's first import are history and which arrived while it ran. The moment
// the import began is stored per owner, so an import interrupted and restarted (a crash, a
// network failure between chunks) still knows it: a text whose label can be later than that
// moment is live, however many attempts the import takes. Labels lose their minute at the club's
// midnight, so the first attempt that gets a snapshot stores the rows of the import's first day
// (and later) before any older history; from then on an unmatched row of those days is new.
import type { NewInboxMessage } from './reconcile';
import { localDate, parseDate, zonedToEpoch } from '../../common/time/club-time';

const MINUTE_MS = 60_000;

/**
 * True when the row may have been sent after `importStartedAt` (epoch ms). A timed label
 * (`09:10`) covers its whole minute, so a row of the very minute the import began counts as live:
 * a hidden text costs more than one extra notification. A day-only label is live only for a club
 * date after the import's. On the import's own date it cannot be told from that morning's history
 * and counts as history: that happens only when no attempt got a snapshot before the club's
 * midnight (README, Known limitations).
 */
export function isLiveSinceImport(row: Pick<NewInboxMessage, 'localDate' | 'localTime'>, importStartedAt: number, timeZone: string): boolean {
  if (row.localTime === null) return row.localDate > localDate(importStartedAt, timeZone);
  const [hour, minute] = row.localTime.split(':').map(Number);
  const minuteStart = zonedToEpoch({ ...parseDate(row.localDate), hour: hour ?? 0, minute: minute ?? 0 }, timeZone);
  return minuteStart + MINUTE_MS > importStartedAt;
}

/**
 * The fresh rows of an import poll, each oldest first: live ones, history dated on or after the
 * import's first day (`recent`), and older history. Once an attempt has stored the recent rows,
 * every row of those days that is still unmatched arrived after that attempt's snapshot: live.
 */
export function splitImport(
  rows: readonly NewInboxMessage[],
  start: { startedAt: number; recentStored: boolean },
  timeZone: string,
): { live: NewInboxMessage[]; recent: NewInboxMessage[]; older: NewInboxMessage[] } {
  const firstDay = localDate(start.startedAt, timeZone);
  const live: NewInboxMessage[] = [];
  const recent: NewInboxMessage[] = [];
  const older: NewInboxMessage[] = [];
  for (const row of rows) {
    if (row.localDate < firstDay) older.push(row);
    else if (start.recentStored || isLiveSinceImport(row, start.startedAt, timeZone)) live.push(row);
    else recent.push(row);
  }
  return { live, recent, older };
}
