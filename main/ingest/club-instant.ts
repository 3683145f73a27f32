// Club-local date and minute → the UTC instant stored as `sent_at`. Day-only rows get the
// club's midnight, so they sort before that day's timed rows.
import { addDays, parseDate, startOfLocalDay, zonedToEpoch } from '../../common/time/club-time';

const DAY_MS = 86_400_000;

/**
 * Club midnights by zone and date. Converting through Intl costs several calls per row, and an
 * import stores tens of thousands of rows over a few hundred dates. A day whose length is not 24 h
 * (a DST change) is left out, so its rows take the exact path.
 */
const midnights = new Map<string, number | null>();

function plainDayStart(localDate: string, timeZone: string): number | null {
  const key = `${timeZone}|${localDate}`;
  let start = midnights.get(key);
  if (start === undefined) {
    if (midnights.size > 5_000) midnights.clear();
    const begin = startOfLocalDay(localDate, timeZone);
    const end = startOfLocalDay(addDays(localDate, 1), timeZone);
    start = end - begin === DAY_MS ? begin : null;
    midnights.set(key, start);
  }
  return start;
}

export function clubInstantIso(localDate: string, localTime: string | null, timeZone: string): string {
  const [hour, minute] = localTime ? localTime.split(':').map(Number) : [0, 0];
  const start = plainDayStart(localDate, timeZone);
  if (start !== null) return new Date(start + ((hour ?? 0) * 60 + (minute ?? 0)) * 60_000).toISOString();
  const { year, month, day } = parseDate(localDate);
  return new Date(zonedToEpoch({ year, month, day, hour: hour ?? 0, minute: minute ?? 0 }, timeZone)).toISOString();
}
