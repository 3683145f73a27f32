// A thread's messages in runs of the same club-local date, in the order the core gave them (rows
// with only a date keep ClubOS's order, which sorting by time would lose).
import type { Message } from '../../../common/contract';

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
