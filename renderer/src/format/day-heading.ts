// Day headings in a thread. Messages carry the club-local calendar date ClubOS gave; the headings
// compare it with the user's today (the front desk sits in the club, so the two zones agree).
import { capitalize, isoDateDayNumber, zonedDayNumber, type LocaleOptions } from './locale';

export function formatDayHeading(localDate: string, nowMs: number, { locale, timeZone }: LocaleOptions): string {
  const day = isoDateDayNumber(localDate);
  if (Number.isNaN(day)) return localDate;
  const daysAgo = zonedDayNumber(nowMs, timeZone) - day;
  if (daysAgo === 0 || daysAgo === 1) {
    return capitalize(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day'), locale);
  }
  const ms = day * 86_400_000;
  const thisYear = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(nowMs);
  const sameYear = localDate.startsWith(`${thisYear}-`);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(ms);
}
