// A thread's messages in runs of the same club-local date, in the order the core gave them (rows
// with only a date keep ClubOS's order, which sorting by time would lose).
import type { InternalNote, Message } from '../../../common/contract';
import { threadItems } from '../../../common/thread-items';

export interface DayGroup {
  localDate: string;
  messages: Message[];
}

export function groupByDay(messages: readonly Message[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const message of messages) {
    const last = groups.at(-1);
    if (last && last.localDate === message.localDate) last.messages.push(message);
    else groups.push({ localDate: message.localDate, messages: [message] });
  }
  return groups;
}

export type ThreadEntry = { kind: 'message'; message: Message } | { kind: 'note'; note: InternalNote };

export interface ThreadDayGroup {
  localDate: string;
  entries: ThreadEntry[];
}

/**
 * Messages by day as groupByDay does, with the team's notes placed among them in time order
 * (common/thread-items.ts); a note joins the day of the message before it, or, before any message,
 * its own date in `timeZone`.
 */
export function groupThreadByDay(messages: readonly Message[], notes: readonly InternalNote[], complete: boolean, timeZone: string | undefined): ThreadDayGroup[] {
  const groups: ThreadDayGroup[] = [];
  for (const item of threadItems(messages, notes, complete)) {
    const last = groups.at(-1);
    if (item.kind === 'message') {
      if (last && last.localDate === item.message.localDate) last.entries.push({ kind: 'message', message: item.message });
      else groups.push({ localDate: item.message.localDate, entries: [{ kind: 'message', message: item.message }] });
    } else if (last) {
      last.entries.push({ kind: 'note', note: item.note });
    } else {
      const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(item.note.createdAt));
      groups.push({ localDate: date, entries: [{ kind: 'note', note: item.note }] });
    }
  }
  return groups;
}
