// The gym's staffed hours as a weekly schedule in the club's zone, with closed dates and a few
// facts messages may merge. Stored in the settings table; defaults: Mon–Fri 6:00–21:00,
// Sat–Sun 8:00–18:00. The assistant's knowledge can replace this behind BusinessHoursPort.
import { businessHoursSchema, type OutreachSettings } from '../../common/contract';
import { addDays, localDate, localParts, parseDate, zonedToEpoch } from '../../common/time/club-time';
import type { BusinessHoursPort, KnowledgeField } from './ports';

export type BusinessHours = OutreachSettings['businessHours'];

export { businessHoursSchema };
export const BUSINESS_HOURS_KEY = 'outreach.businessHours';

const weekday = { open: '06:00', close: '21:00' };
const weekend = { open: '08:00', close: '18:00' };
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  week: [weekend, weekday, weekday, weekday, weekday, weekday, weekend],
  closedDates: [],
  facts: {},
};

/** Business hours are summed over at most this many days: longer spans are capped, never looped over. */
const MAX_DAYS = 400;

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function dayOfWeek(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function at(date: string, minute: number, timeZone: string): number {
  if (minute >= 1440) return zonedToEpoch(parseDate(addDays(date, 1)), timeZone);
  return zonedToEpoch({ ...parseDate(date), hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
}

function label(t: string): string {
  const m = minutes(t) % 1440;
  const h = Math.floor(m / 60);
  const suffix = h < 12 ? 'AM' : 'PM';
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m % 60).padStart(2, '0')} ${suffix}`;
}

export interface BusinessHoursOptions {
  hours: () => BusinessHours;
  timeZone: () => string;
}

export function scheduleBusinessHours(options: BusinessHoursOptions): BusinessHoursPort {
  const openInterval = (date: string, zone: string): [number, number] | null => {
    const hours = options.hours();
    if (hours.closedDates.includes(date)) return null;
    const day = hours.week[dayOfWeek(date)];
    if (!day) return null;
    return [at(date, minutes(day.open), zone), at(date, minutes(day.close), zone)];
  };
  const hoursOn = (date: string): string => {
    const hours = options.hours();
    const day = hours.closedDates.includes(date) ? null : hours.week[dayOfWeek(date)];
    return day ? `${label(day.open)} – ${label(day.close)}` : 'closed';
  };

  return {
    timeZone: options.timeZone,
    isOpenAt(epochMs) {
      const zone = options.timeZone();
      const span = openInterval(localDate(epochMs, zone), zone);
      return span !== null && epochMs >= span[0] && epochMs < span[1];
    },
    businessMsBetween(a, b) {
      if (!(b > a)) return 0;
      const zone = options.timeZone();
      let total = 0;
      let date = localDate(a, zone);
      const last = localDate(b, zone);
      for (let i = 0; i < MAX_DAYS; i++) {
        const span = openInterval(date, zone);
        if (span) total += Math.max(0, Math.min(b, span[1]) - Math.max(a, span[0]));
        if (date >= last) break;
        date = addDays(date, 1);
      }
      return total;
    },
    knowledgeFields() {
      const facts = Object.keys(options.hours().facts).map((name): KnowledgeField => ({ name, label: name }));
      return [{ name: 'todayHours', label: "Today's hours" }, { name: 'tomorrowHours', label: "Tomorrow's hours" }, ...facts];
    },
    knowledgeValue(name, epochMs) {
      const zone = options.timeZone();
      const today = localDate(epochMs, zone);
      if (name === 'todayHours') return hoursOn(today);
      if (name === 'tomorrowHours') return hoursOn(addDays(today, 1));
      const fact = options.hours().facts[name];
      return fact === undefined || fact.trim() === '' ? null : fact.trim();
    },
  };
}

/** Minutes past the club's midnight at `epochMs`. */
export function clubMinuteOfDay(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  return p.hour * 60 + p.minute;
}
