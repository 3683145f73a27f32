// "9:41 AM" for a sync today, "Mar 3, 9:41 AM" for an older one, in the user's locale and zone
// (both injectable so tests are stable).
export function syncTimeFormatter(now: () => number, locale?: string, timeZone?: string): (iso: string) => string {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  return (iso) => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return 'unknown';
    return day.format(at) === day.format(new Date(now())) ? time.format(at) : dateTime.format(at);
  };
}
