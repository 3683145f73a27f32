// How long a member has been waiting for an answer, with an urgency the list colours by.
export type WaitingLevel = 'fresh' | 'warning' | 'late';

export interface WaitingTime {
  /** Compact, for the row: "12m", "2h", "3d". */
  short: string;
  /** Spelled out, for screen readers: "12 minutes". */
  long: string;
  level: WaitingLevel;
}

const WARNING_AFTER_MINUTES = 15;
const LATE_AFTER_MINUTES = 60;

export function waitingTime(sinceIso: string, nowMs: number, locale: string | undefined): WaitingTime | null {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return null;
  const minutes = Math.max(0, Math.floor((nowMs - since) / 60_000));
  const [value, unit]: [number, 'minute' | 'hour' | 'day'] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 24 * 60 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  const format = (unitDisplay: 'narrow' | 'long'): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).format(value);
  const level: WaitingLevel =
    minutes >= LATE_AFTER_MINUTES ? 'late' : minutes >= WARNING_AFTER_MINUTES ? 'warning' : 'fresh';
  return { short: format('narrow'), long: format('long'), level };
}
