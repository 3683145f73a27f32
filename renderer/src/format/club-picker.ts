// The send-later picker reads and shows times on the club's clock, not this computer's: a
// `datetime-local` value ("2026-11-01T09:30") is a wall-clock reading, so it is turned into an
// instant in the club's zone (common/time/club-time.ts), and the default is read there too.
import { localParts, zonedToEpoch } from '../../../common/time/club-time';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The picker's value for the club's wall clock at `epochMs`, to the minute. */
export function pickerValueAt(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

export type PickedTime =
  | { ok: true; epochMs: number; /** Said to the user when the wall-clock time is not a plain one that day. */ note: string | null }
  | { ok: false; message: string };

/** The instant a picked club wall-clock time names; a time skipped or repeated by a clock change says how it was read. */
export function instantOfPicker(value: string, timeZone: string): PickedTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return { ok: false, message: 'Pick a date and time.' };
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const epochMs = zonedToEpoch({ year, month, day, hour, minute }, timeZone);
  if (pickerValueAt(epochMs, timeZone) !== value) {
    return { ok: true, epochMs, note: `The clocks go forward then, so ${value.slice(11)} does not happen that day; it goes at ${pickerValueAt(epochMs, timeZone).slice(11)}.` };
  }
  // A time that happens twice (the clocks go back): the first one.
  if (pickerValueAt(epochMs + 3_600_000, timeZone) === value || pickerValueAt(epochMs + 1_800_000, timeZone) === value) {
    return { ok: true, epochMs, note: `The clocks go back then, so ${value.slice(11)} happens twice that day; it goes the first time.` };
  }
  return { ok: true, epochMs, note: null };
}

/** "PST", "GMT+9": the zone's short name at `epochMs`, for the picker's label. */
export function zoneAbbreviation(epochMs: number, timeZone: string, locale: string | undefined): string {
  const part = new Intl.DateTimeFormat(locale ?? 'en-US', { timeZone, timeZoneName: 'short' }).formatToParts(epochMs).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
