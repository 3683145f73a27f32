// Club-local date and minute → the UTC instant stored as `sent_at`. Day-only rows get the
// club's midnight, so they sort before that day's timed rows.
import { parseDate, zonedToEpoch } from '../time/club-time';

export function clubInstantIso(localDate: string, localTime: string | null, timeZone: string): string {
  const { year, month, day } = parseDate(localDate);
  const [hour, minute] = localTime ? localTime.split(':').map(Number) : [0, 0];
  return new Date(zonedToEpoch({ year, month, day, hour: hour ?? 0, minute: minute ?? 0 }, timeZone)).toISOString();
}
