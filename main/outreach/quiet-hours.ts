// Quiet hours in the club's zone: no campaign text goes out between `startMinute` and `endMinute`
// (wrapping past midnight: 21:00 → 08:00 by default). Default 8 AM – 9 PM is the sending window.
import type { QuietHours } from '../../db';
import { addDays, localDate, localParts, parseDate, zonedToEpoch } from '../../common/time/club-time';

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };

/** Minutes past the club's midnight at `epochMs`. */
function clubMinuteOfDay(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  return p.hour * 60 + p.minute;
}

export function isQuiet(epochMs: number, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false;
  const m = clubMinuteOfDay(epochMs, timeZone);
  return quiet.startMinute < quiet.endMinute ? m >= quiet.startMinute && m < quiet.endMinute : m >= quiet.startMinute || m < quiet.endMinute;
}

/** The first instant at or after `epochMs` outside quiet hours. */
export function nextSendable(epochMs: number, quiet: QuietHours | null, timeZone: string): number {
  if (!isQuiet(epochMs, quiet, timeZone) || !quiet) return epochMs;
  const today = localDate(epochMs, timeZone);
  const endToday = zonedToEpoch({ ...parseDate(today), hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60 }, timeZone);
  if (endToday > epochMs) return endToday;
  const tomorrow = addDays(today, 1);
  return zonedToEpoch({ ...parseDate(tomorrow), hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60 }, timeZone);
}
