// The gym bot's times, as the club's calendar. The bot wrote several formats over its life: Unix
// seconds as text (`1743613200.0`), naive ISO in the host's local time (`2025-09-05T09:30:00`),
// SQLite's CURRENT_TIMESTAMP (`2025-09-05 14:30:00`, UTC) and, rarely, ISO with an offset. Inbox
// rows older than the day of the sync only ever had a date (ClubOS labels them `Oct 13`), and the
// bot stored that date as some midnight; such times are dates, not instants.
import { formatDate, localParts, zonedToEpoch } from '../../common/time/club-time';

export interface BotInstant {
  epochMs: number;
  /** `day`: only the date is known (a date label, or a midnight). */
  precision: 'minute' | 'day';
  /** `epoch`: Unix seconds, the format whose date-only values hide as ordinary instants. */
  format: 'epoch' | 'text';
}

const EPOCH = /^-?\d+(?:\.\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// Before 2001 or after 2100: not a time the bot could have written.
const MIN_MS = Date.UTC(2001, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

function offsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** One of the bot's time texts, or null when it is none of its formats. */
export function parseBotTime(value: string | null, timeZone: string): BotInstant | null {
  if (value === null) return null;
  const v = value.trim();
  let result: BotInstant;
  if (EPOCH.test(v)) {
    const n = Number(v);
    // Seconds; a value this large can only be milliseconds.
    const epochMs = Math.round(Math.abs(n) > 1e11 ? n : n * 1000);
    if (!(epochMs >= MIN_MS && epochMs <= MAX_MS)) return null;
    const p = localParts(epochMs, timeZone);
    result = { epochMs, precision: p.hour === 0 && p.minute === 0 && p.second === 0 ? 'day' : 'minute', format: 'epoch' };
  } else {
    const m = ISO.exec(v);
    if (!m) return null;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const hasTime = m[4] !== undefined;
    const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    let epochMs: number;
    if (m[7] !== undefined) epochMs = wall - offsetMs(m[7]);
    // SQLite's CURRENT_TIMESTAMP: UTC with a space and whole seconds.
    else if (hasTime && v.charAt(10) === ' ') epochMs = wall;
    // The bot's own naive ISO: wall-clock time in the club (its host ran at the club).
    else epochMs = zonedToEpoch({ year, month, day, hour, minute, second }, timeZone);
    const midnight = !hasTime || (hour === 0 && minute === 0 && second === 0 && m[7] === undefined);
    result = { epochMs, precision: midnight ? 'day' : 'minute', format: 'text' };
  }
  if (!Number.isFinite(result.epochMs) || result.epochMs < MIN_MS || result.epochMs > MAX_MS) return null;
  return result;
}

/**
 * The club-local date and minute a bot time stands for. A day-precision time is some host's
 * midnight, which may be hours off the club's: it stands for the nearest club midnight's date.
 */
export function clubDateOf(instant: BotInstant, timeZone: string): { localDate: string; localTime: string | null } {
  const p = localParts(instant.epochMs, timeZone);
  if (instant.precision === 'minute') {
    return { localDate: formatDate(p.year, p.month, p.day), localTime: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` };
  }
  if (p.hour < 12) return { localDate: formatDate(p.year, p.month, p.day), localTime: null };
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return { localDate: formatDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()), localTime: null };
}
