// Refreshing a long, paged list without losing the user's place: the fresh first page replaces the
// top, pages loaded further down stay (minus anything that moved up), and the open conversation
// stays visible even if it no longer matches the filter (reading an unread one must not yank it away).
import type { Conversation } from '../../../common/contract';
import { inView, isRaised, listOrder, type ListSort, type ListView } from '../../../common/conversation-filters';

export interface ListPage {
  items: Conversation[];
  nextCursor: string | null;
}

export function mergeFirstPage(current: ListPage, page: ListPage, keepId: number | null): ListPage {
  const pageIds = new Set(page.items.map((c) => c.id));
  const tail = page.nextCursor === null ? [] : current.items.slice(page.items.length).filter((c) => !pageIds.has(c.id));
  const items = [...page.items, ...tail];
  if (keepId !== null && !pageIds.has(keepId) && !tail.some((c) => c.id === keepId)) {
    const oldIndex = current.items.findIndex((c) => c.id === keepId);
    const kept = current.items[oldIndex];
    if (kept) items.splice(Math.min(oldIndex, items.length), 0, kept);
  }
  return { items, nextCursor: tail.length > 0 ? current.nextCursor : page.nextCursor };
}

/** Replaces the conversation with the same id, keeping its place. */
export function replaceConversation(items: readonly Conversation[], updated: Conversation): Conversation[] | null {
  const index = items.findIndex((c) => c.id === updated.id);
  if (index < 0) return null;
  const next = items.slice();
  next[index] = updated;
  return next;
}

/**
 * Conversations pushed in an event, put where the list's order says, as far as the list is
 * loaded: one that now sorts below the last loaded row comes with the next page instead. One that
 * left the view goes, except the open conversation, which keeps its place.
 */
export function placeConversations(
  current: ListPage,
  changed: readonly Conversation[],
  view: ListView,
  keepId: number | null,
  now: number,
  sort: ListSort = 'newest',
): ListPage {
  const order = listOrder(sort);
  const items = current.items.slice();
  for (const c of changed) {
    const index = items.findIndex((x) => x.id === c.id);
    if (!inView(c, view, now)) {
      if (index >= 0) {
        if (c.id === keepId) items[index] = c;
        else items.splice(index, 1);
      }
      continue;
    }
    if (index >= 0) items.splice(index, 1);
    const at = items.findIndex((x) => order(c, x) < 0);
    if (at >= 0) items.splice(at, 0, c);
    else if (current.nextCursor === null) items.push(c);
    else if (c.id === keepId && index >= 0) items.push(c);
  }
  return { items, nextCursor: current.nextCursor };
}

/** True when a change raised or lowered the conversation (overdue, no reply): it changes place in the list. */
export function raisedChanged(items: readonly Conversation[], updated: Conversation): boolean {
  const before = items.find((c) => c.id === updated.id);
  return before ? isRaised(before) !== isRaised(updated) : isRaised(updated);
}
