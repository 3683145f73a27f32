import { monthFromAbbreviation } from '../../../common/time/club-time';

/** An inbox time label: `9:30 AM` (today) or `Oct 13` (an older day, no year). */
export type InboxLabel = { kind: 'time'; hour: number; minute: number } | { kind: 'date'; month: number; day: number };

const TIME_LABEL = /^(\d{1,2}):(\d{2})\s*([AP]M)$/i;
const DATE_LABEL = /^([A-Za-z]{3})\s+(\d{1,2})$/;

/** The label's meaning, or null when it is neither form (the caller treats that as an unparseable page). */
export function parseInboxLabel(label: string): InboxLabel | null {
  const text = label.trim();
  const time = TIME_LABEL.exec(text);
  if (time) {
    const hour12 = Number(time[1]);
    const minute = Number(time[2]);
    if (hour12 < 1 || hour12 > 12 || minute > 59) return null;
    const pm = (time[3] ?? '').toUpperCase() === 'PM';
    return { kind: 'time', hour: (hour12 % 12) + (pm ? 12 : 0), minute };
  }
  const date = DATE_LABEL.exec(text);
  if (date) {
    const month = monthFromAbbreviation(date[1] ?? '');
    const day = Number(date[2]);
    if (month === null || day < 1 || day > 31) return null;
    return { kind: 'date', month, day };
  }
  return null;
}
