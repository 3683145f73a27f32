// A duration as staff say it: "45 s", "12 min", "1 h 20 min", "2 d 3 h"; "–" for none.
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Minutes with one decimal, the unit the charts' axes use. */
export const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);
