// Where and how the user reads dates. Injected (not read from globals) so tests pin both.
export interface LocaleOptions {
  /** BCP 47 tag; undefined = the system's. */
  locale: string | undefined;
  /** IANA zone for instants; undefined = the system's. */
  timeZone: string | undefined;
}

const DAY_MS = 86_400_000;

/** Days since the epoch of the calendar date an instant falls on in `timeZone`. */
export function zonedDayNumber(ms: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS);
}

/** Days since the epoch of a `YYYY-MM-DD` calendar date. */
export function isoDateDayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round(Date.UTC(y ?? Number.NaN, (m ?? Number.NaN) - 1, d ?? Number.NaN) / DAY_MS);
}

/** Upper-cases the first letter, for words like "yesterday" that start a label. */
export function capitalize(text: string, locale: string | undefined): string {
  const first = text.charAt(0);
  return first.toLocaleUpperCase(locale) + text.slice(1);
}
