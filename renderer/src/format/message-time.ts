// A message's club-local `HH:MM` in the user's clock style. It is already club time, so it is
// formatted as a wall-clock value in UTC, never converted between zones.
export function formatClubClock(localTime: string, locale: string | undefined): string {
  const match = /^(\d{2}):(\d{2})$/.exec(localTime);
  if (!match) return localTime;
  const ms = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(ms);
}
