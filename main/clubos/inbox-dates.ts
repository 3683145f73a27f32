// Labels → club-local dates (design §3). ClubOS renders `h:mm AM` for today and `Mon D` (no year)
// for older days, always in the club's zone, so "today" is the club's today per the client's
// clock, never the host's.
import { addDays, formatDate, isValidDate, localDate, parseDate, zonedToEpoch } from '../../common/time/club-time';
import { ClubOSError } from '../../common/errors/clubos-error';
import type { InboxLabel } from './parse/inbox-label';

/** A time label more than this far in the club's future was rendered before midnight: it is yesterday's. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface LabelDate {
  /** Club-local `YYYY-MM-DD`. */
  localDate: string;
  /** Club-local `HH:MM` when the label has a minute, else null. */
  localTime: string | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

// Feb 29 recurs at most 8 years apart (2096 → 2104), so 8 years back always finds a valid year.
const MAX_YEARS_BACK = 8;

/**
 * Resolves the labels of one page, given newest first. A `Mon D` label takes the latest year that
 * keeps the dates non-increasing down the page (starting from today), so a history longer than a
 * year gets the right years and Feb 29 lands only in leap years.
 */
export function resolveInboxDates(labels: readonly InboxLabel[], nowMs: number, timeZone: string): LabelDate[] {
  const next = inboxDateWalker(nowMs, timeZone);
  return labels.map((label) => next(label));
}

/** The same walk one label at a time: call it for each row of a page, newest first. */
export function inboxDateWalker(nowMs: number, timeZone: string): (label: InboxLabel) => LabelDate {
  const today = localDate(nowMs, timeZone);
  let bound = today;
  let index = 0;
  return (label) => {
    const row = index++;
    if (label.kind === 'time') {
      // Rows go newest first, so no row is later than the one above it: a page rendered just
      // before midnight and read just after lists `11:58 PM` (yesterday) above `12:04 AM`, which
      // is yesterday's too, even though 12:04 AM today is within the future tolerance.
      const candidate = timeLabelDate(label, today, nowMs, timeZone);
      const date = candidate < bound ? candidate : bound;
      bound = date;
      return { localDate: date, localTime: `${pad2(label.hour)}:${pad2(label.minute)}` };
    }
    const date = latestDateNotAfter(label.month, label.day, bound);
    if (date === null) throw new ClubOSError('parse', `inbox row ${row} has a date that does not exist`);
    bound = date;
    return { localDate: date, localTime: null };
  };
}

function timeLabelDate(label: { hour: number; minute: number }, today: string, nowMs: number, timeZone: string): string {
  const { year, month, day } = parseDate(today);
  const instant = zonedToEpoch({ year, month, day, hour: label.hour, minute: label.minute }, timeZone);
  return instant > nowMs + FUTURE_TOLERANCE_MS ? addDays(today, -1) : today;
}

function latestDateNotAfter(month: number, day: number, bound: string): string | null {
  const boundYear = parseDate(bound).year;
  for (let year = boundYear; year >= boundYear - MAX_YEARS_BACK; year--) {
    if (!isValidDate(year, month, day)) continue;
    const date = formatDate(year, month, day);
    if (date <= bound) return date;
  }
  return null;
}
