// `9/21/25 @ 08:15 PM by Alex M.`; ClubOS sometimes writes the date with backslashes (`9\21\25`).
const HEADER = /^(\d{1,2})[/\\](\d{1,2})[/\\](\d{2}|\d{4})\s*@\s*(\d{1,2}):(\d{2})\s*([AP]M)\s+by\s+(\S.*)$/i;

export interface FollowUpEntryHeader {
  year: number;
  month: number;
  day: number;
  hour: number; // 0–23
  minute: number;
  author: string;
}

/** The header's parts, or null when it does not have that shape. */
export function parseFollowUpEntryHeader(text: string): FollowUpEntryHeader | null {
  const m = HEADER.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const rawYear = Number(m[3]);
  const hour12 = Number(m[4]);
  const minute = Number(m[5]);
  if (hour12 < 1 || hour12 > 12 || minute > 59) return null;
  const pm = (m[6] ?? '').toUpperCase() === 'PM';
  return {
    year: rawYear < 100 ? 2000 + rawYear : rawYear,
    month: Number(m[1]),
    day: Number(m[2]),
    hour: (hour12 % 12) + (pm ? 12 : 0),
    minute,
    author: (m[7] ?? '').trim(),
  };
}
