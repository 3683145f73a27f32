// A thread as staff read it: the member's and staff's messages with the team's internal notes
// between them, in time order. Notes are never messages: they are not counted, not unread, never
// sent; the window interleaves the two lists it fetched with this.
import type { InternalNote, Message } from './contract';

export type ThreadItem = { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: InternalNote };

/**
 * Messages and notes in one list, oldest first. Notes older than the oldest message shown are
 * left out while older messages can still be paged in (`complete: false`), so a note never
 * appears above messages that are not loaded yet.
 */
export function threadItems(messages: readonly Message[], notes: readonly InternalNote[], complete: boolean): ThreadItem[] {
  const oldest = messages[0]?.sentAt;
  const items: ThreadItem[] = messages.map((message) => ({ kind: 'message', at: message.sentAt, message }));
  for (const note of notes) {
    if (!complete && oldest !== undefined && Date.parse(note.createdAt) < Date.parse(oldest)) continue;
    items.push({ kind: 'note', at: note.createdAt, note });
  }
  // Stable: a note written in the same millisecond as a message stays after it.
  return items
    .map((item, index) => ({ item, index, t: Date.parse(item.at) }))
    .sort((a, b) => a.t - b.t || a.index - b.index)
    .map(({ item }) => item);
}
