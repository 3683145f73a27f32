// When a snoozed conversation comes back: later today, tomorrow morning, next week. Computed in
// the user's own zone (their morning is what "tomorrow" means to them).
export interface SnoozeOption {
  id: string;
  label: string;
  /** UTC ISO instant. */
  until: string;
}

const HOUR_MS = 3_600_000;
const MORNING_HOUR = 9;

function morningAfter(nowMs: number, days: number): Date {
  const date = new Date(nowMs);
  date.setDate(date.getDate() + days);
  date.setHours(MORNING_HOUR, 0, 0, 0);
  return date;
}

export function snoozeOptions(nowMs: number, locale: string | undefined): SnoozeOption[] {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  const inHour = new Date(nowMs + HOUR_MS);
  const inThree = new Date(nowMs + 3 * HOUR_MS);
  const tomorrow = morningAfter(nowMs, 1);
  const now = new Date(nowMs);
  // Monday next week; from a Sunday that is tomorrow, so take the Monday after.
  const toMonday = ((8 - now.getDay()) % 7 || 7) + (now.getDay() === 0 ? 7 : 0);
  const nextWeek = morningAfter(nowMs, toMonday);
  return [
    { id: '1h', label: `In 1 hour (${time.format(inHour)})`, until: inHour.toISOString() },
    { id: '3h', label: `In 3 hours (${time.format(inThree)})`, until: inThree.toISOString() },
    { id: 'tomorrow', label: `Tomorrow (${day.format(tomorrow)})`, until: tomorrow.toISOString() },
    { id: 'next-week', label: `Next week (${day.format(nextWeek)})`, until: nextWeek.toISOString() },
  ];
}
