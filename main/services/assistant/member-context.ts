// What the thread tells a draft about the member: first name, opted-out state and the last
// appointment ClubOS confirmed for them ("CONFIRM - Personal Training at 6:00 PM on Feb 11, 2025
// has been confirmed.").
import { firstNameOf, UNKNOWN_FIRST_NAME } from '../../intents/first-name';
import { formatDate, isValidDate, monthFromAbbreviation } from '../../../common/time/club-time';

export interface ThreadMessage {
  direction: 'inbound' | 'outbound' | 'system';
  body: string;
  /** UTC instant. */
  sentAt: string;
}

export interface Appointment {
  what: string;
  /** As ClubOS wrote it: "6:00 PM". */
  time: string;
  /** Club-local `YYYY-MM-DD`. */
  date: string;
  /** As ClubOS wrote it: "Feb 11". */
  dateText: string;
}

export interface MemberContext {
  /** Null when the name says nothing usable ("Unknown", a number). */
  firstName: string | null;
  optedOut: boolean;
  lastAppointment: Appointment | null;
}

const CONFIRMED = /^CONFIRM - (.+?) at (\d{1,2}:\d{2} ?[AP]M) on ([A-Z][a-z]{2})[a-z]* (\d{1,2}), (\d{4}) has been confirmed\.?$/iu;

export function parseConfirmation(body: string): Appointment | null {
  const m = CONFIRMED.exec(body.replace(/\s+/gu, ' ').trim());
  if (!m) return null;
  const month = monthFromAbbreviation(m[3]!);
  const day = Number(m[4]);
  const year = Number(m[5]);
  if (month === null || !isValidDate(year, month, day)) return null;
  return { what: m[1]!.trim(), time: m[2]!.toUpperCase().replace(/(\d)([AP]M)/u, '$1 $2'), date: formatDate(year, month, day), dateText: `${m[3]!} ${day}` };
}

export function memberContext(memberName: string, optedOut: boolean, thread: readonly ThreadMessage[]): MemberContext {
  const first = firstNameOf(memberName);
  let lastAppointment: Appointment | null = null;
  for (const m of thread) {
    const appointment = parseConfirmation(m.body);
    if (appointment && (lastAppointment === null || appointment.date >= lastAppointment.date)) lastAppointment = appointment;
  }
  return { firstName: first === UNKNOWN_FIRST_NAME ? null : first, optedOut, lastAppointment };
}
