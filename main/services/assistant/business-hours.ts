// Opening and staffed hours from the knowledge, in the club's zone. Other features (scheduled
// sends, after-hours answers) ask `isStaffedAt` and `nextStaffedOpening`; nothing here reads the
// host's zone.
import { addDays, localDate, localParts, parseDate, zonedToEpoch } from '../../../common/time/club-time';
import { WEEKDAYS, type Knowledge, type TimeSpan, type Weekday } from '../../../common/knowledge';

export type HoursKind = 'open' | 'staffed';

/** Monday-first weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): Weekday {
  const { year, month, day } = parseDate(date);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7]!;
}

/**
 * The spans of one club-local date: the holiday's when one is listed, else the weekday's.
 * Null when the knowledge does not say (a draft must then not claim anything).
 */
export function spansOn(knowledge: Knowledge, kind: HoursKind, date: string): readonly TimeSpan[] | null {
  const holiday = knowledge.holidays.find((h) => h.date === date);
  const special = holiday ? (kind === 'open' ? holiday.open : holiday.staffed) : null;
  if (special) return special;
  const week = kind === 'open' ? knowledge.openingHours : knowledge.staffedHours;
  return week[weekdayOf(date)] ?? null;
}

export function holidayOn(knowledge: Knowledge, date: string): Knowledge['holidays'][number] | null {
  return knowledge.holidays.find((h) => h.date === date) ?? null;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function instantOf(date: string, hhmm: string, timeZone: string): number {
  if (hhmm === '24:00') return zonedToEpoch(parseDate(addDays(date, 1)), timeZone);
  return zonedToEpoch({ ...parseDate(date), hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }, timeZone);
}

/** True inside a span; null when the knowledge has no hours for that day. */
export function isWithin(knowledge: Knowledge, kind: HoursKind, epochMs: number, timeZone: string): boolean | null {
  const date = localDate(epochMs, timeZone);
  const spans = spansOn(knowledge, kind, date);
  if (spans === null) return null;
  const p = localParts(epochMs, timeZone);
  const now = p.hour * 60 + p.minute;
  return spans.some((s) => now >= minutesOf(s.from) && now < minutesOf(s.to));
}

/** Staffed right now? Unknown hours count as not staffed: nothing automatic then. */
export function isStaffedAt(knowledge: Knowledge, epochMs: number, timeZone: string): boolean {
  return isWithin(knowledge, 'staffed', epochMs, timeZone) === true;
}

/** The next instant (after `epochMs`) a staffed span starts, within two weeks; null if none is known. */
export function nextStaffedOpening(knowledge: Knowledge, epochMs: number, timeZone: string): number | null {
  const today = localDate(epochMs, timeZone);
  for (let i = 0; i <= 14; i++) {
    const date = addDays(today, i);
    for (const span of spansOn(knowledge, 'staffed', date) ?? []) {
      const start = instantOf(date, span.from, timeZone);
      // A span that began before midnight and runs on does not "open" again.
      if (start > epochMs) return start;
    }
  }
  return null;
}

/** The start of the current closed period (the end of the last staffed span), for "once per closed period". */
export function closedPeriodStart(knowledge: Knowledge, epochMs: number, timeZone: string): number | null {
  const today = localDate(epochMs, timeZone);
  for (let i = 0; i <= 14; i++) {
    const date = addDays(today, -i);
    const spans = [...(spansOn(knowledge, 'staffed', date) ?? [])].reverse();
    for (const span of spans) {
      const end = instantOf(date, span.to, timeZone);
      if (end <= epochMs) return end;
    }
  }
  return null;
}
