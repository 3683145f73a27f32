// The time column of the conversation list: a clock time today, then "Yesterday", a weekday within
// the week, a date this year, a full date before that.
import { capitalize, zonedDayNumber, type LocaleOptions } from './locale';

export function formatListTime(iso: string, nowMs: number, { locale, timeZone }: LocaleOptions): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const daysAgo = zonedDayNumber(nowMs, timeZone) - zonedDayNumber(ms, timeZone);
  if (daysAgo <= 0) {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
  }
  if (daysAgo === 1) {
    return capitalize(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day'), locale);
  }
  if (daysAgo < 7) return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(ms);
  const sameYear =
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(ms) ===
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(nowMs);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(ms);
}

/** The full date and time, for a tooltip or an accessible label. */
export function formatFullTime(iso: string, { locale, timeZone }: LocaleOptions): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
