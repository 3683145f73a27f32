// The after-hours acknowledgement: "we're closed, we'll answer from 6 AM", with the next staffed
// opening told on the club's clock.
import { addDays, localDate, localTime } from '../../../common/time/club-time';
import { weekdayOf } from './business-hours';
import { formatClock } from './clock-format';
import { dayName } from './facts';
import { OPENING_PLACEHOLDER } from '../../../common/assistant-settings';

export function describeOpening(openingMs: number, nowMs: number, timeZone: string): string {
  const date = localDate(openingMs, timeZone);
  const clock = formatClock(localTime(openingMs, timeZone), 'en');
  const today = localDate(nowMs, timeZone);
  if (date === today) return clock;
  if (date === addDays(today, 1)) return `tomorrow at ${clock}`;
  return `${dayName(weekdayOf(date), 'en')} at ${clock}`;
}

export function afterHoursText(template: string, openingMs: number, nowMs: number, timeZone: string): string {
  return template.replaceAll(OPENING_PLACEHOLDER, describeOpening(openingMs, nowMs, timeZone));
}
