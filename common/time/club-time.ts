// Calendar arithmetic in the club's IANA time zone. ClubOS renders every time in the club's
// zone, never the host's, so nothing here reads the process's TZ.

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone name the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock reading in `timeZone` at the instant `epochMs`. */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const offset = steadyOffset(epochMs, timeZone);
  if (offset === null) return formattedParts(epochMs, timeZone);
  const d = new Date(epochMs + offset);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The runtime's own reading: exact, and a few microseconds a call (an inbox has thousands of rows). */
function formattedParts(epochMs: number, timeZone: string): LocalParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: (parts.hour ?? NaN) % 24,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

const DAY_MS = 86_400_000;
/** Days whose offset is cached: years 1900–2199, where the formatter's years are plain numbers. */
const FIRST_CACHED_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_CACHED_DAY = Date.UTC(2200, 0, 1) / DAY_MS - 1;
/** Per zone, entries kept before the cache starts over (a long history touches a few thousand days). */
const MAX_CACHED_DAYS = 20_000;

/** Per zone: UTC day number → the zone's offset (ms) all through that day, or null when it changes within it. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** Local wall time minus UTC at `epochMs`, whole seconds, as the formatter reads it. */
function formattedOffset(epochMs: number, timeZone: string): number {
  const p = formattedParts(epochMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The zone's offset at `epochMs` when it is the same all through that UTC day, from a cache of
 * days; null on a day whose offset changes (a DST switch), which is read exactly instead. A day
 * whose first and last second share an offset is taken to keep it in between: no zone changes
 * its offset and back within a day (in the runtime's 418 zones, 1970–2040, no two transitions
 * come within 30 hours of each other).
 */
function steadyOffset(epochMs: number, timeZone: string): number | null {
  const day = Math.floor(epochMs / DAY_MS);
  if (!(day >= FIRST_CACHED_DAY && day <= LAST_CACHED_DAY)) return null;
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map<number, number | null>()));
  let offset = days.get(day);
  if (offset === undefined) {
    const start = day * DAY_MS;
    const first = formattedOffset(start, timeZone);
    offset = first === formattedOffset(start + DAY_MS - 1000, timeZone) ? first : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return offset;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` for a calendar date. */
export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The club-local calendar date (`YYYY-MM-DD`) at `epochMs`. */
export function localDate(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** Club-local `HH:MM` at `epochMs`. */
export function localTime(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** True when the calendar date exists (rejects Feb 30, month 13…). */
export function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The instant at which the club's wall clock reads the given local time. In a DST gap (a time
 * that never happens) the result is the instant just after the gap; in an overlap (a time that
 * happens twice) it is the earlier one.
 */
export function zonedToEpoch(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  const offsetAt = (epoch: number): number => {
    const p = localParts(epoch, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epoch / 1000) * 1000;
  };
  // Two candidate offsets: the one a day before and a day after cover both sides of a transition.
  const candidates = new Set([offsetAt(wanted - 86_400_000), offsetAt(wanted), offsetAt(wanted + 86_400_000)]);
  const exact = [...candidates].map((off) => wanted - off).filter((epoch) => epoch - wanted + offsetAt(epoch) === 0);
  if (exact.length > 0) return Math.min(...exact);
  // A DST gap: take the earlier offset, which lands just after the jump.
  return wanted - Math.min(...candidates);
}

/** The UTC instant of the club's midnight starting `date`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  return zonedToEpoch(parseDate(date), timeZone);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const MONTH_ABBREVIATIONS: readonly string[] = MONTHS;

/** Month number (1–12) for a three-letter English abbreviation, case-insensitive; else null. */
export function monthFromAbbreviation(abbr: string): number | null {
  const i = MONTHS.findIndex((m) => m.toLowerCase() === abbr.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}
