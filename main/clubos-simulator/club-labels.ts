// How ClubOS writes times: always on the club's wall clock, never the host's.
import { localParts, MONTH_ABBREVIATIONS } from '../../common/time/club-time';

function monthName(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? '???';
}

/** `h:mm AM` (no leading zero) on the club's wall clock. */
export function clockLabel(hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * Labels for one rendering of the inbox: `9:30 AM` when `at` is on the club's today at `now`,
 * else `Oct 13` (no year). "Today" is worked out once, since an inbox can hold thousands of rows.
 */
export function inboxLabeler(now: number, timeZone: string): (at: number) => string {
  const today = localParts(now, timeZone);
  return (at) => {
    const p = localParts(at, timeZone);
    if (p.year === today.year && p.month === today.month && p.day === today.day) return clockLabel(p.hour, p.minute);
    return `${monthName(p.month)} ${p.day}`;
  };
}

export function inboxLabel(at: number, now: number, timeZone: string): string {
  return inboxLabeler(now, timeZone)(at);
}

/** The FollowUp log date: `9/21/25 @ 08:15 PM` (M/D/YY, two-digit 12-hour clock). */
export function followUpDateLabel(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const yy = String(p.year % 100).padStart(2, '0');
  return `${p.month}/${p.day}/${yy} @ ${String(h12).padStart(2, '0')}:${String(p.minute).padStart(2, '0')} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** `Dec 9, 2026`, as the CONFIRM auto-texts write appointment dates. */
export function longDateLabel(year: number, month: number, day: number): string {
  return `${monthName(month)} ${day}, ${year}`;
}
