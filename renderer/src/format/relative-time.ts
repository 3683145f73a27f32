// "12s ago", "5m ago": how long ago something happened, in the user's language.
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** A short "time ago" for `thenMs`, seen at `nowMs`; under five seconds (or in the future) is "now". */
export function formatAgo(thenMs: number, nowMs: number, locale: string | undefined): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'narrow' });
  const seconds = Math.floor((nowMs - thenMs) / 1000);
  if (seconds < 5) return rtf.format(0, 'second');
  if (seconds < MINUTE) return rtf.format(-seconds, 'second');
  if (seconds < HOUR) return rtf.format(-Math.floor(seconds / MINUTE), 'minute');
  if (seconds < DAY) return rtf.format(-Math.floor(seconds / HOUR), 'hour');
  return rtf.format(-Math.floor(seconds / DAY), 'day');
}
