// Which list filter a conversation belongs to, as a predicate over the contract's Conversation.
// db/queries/conversation-list.ts answers the same question in SQL over its indexes;
// test/db/conversation-filters.test.ts holds the two to the same answers. The window uses this to
// place a conversation pushed in an event without asking for the list again.
import type { Conversation, ListFilter } from './contract';

const ACTIVE: ReadonlySet<Conversation['status']> = new Set(['open', 'pending', 'snoozed']);

const snoozedPast = (c: Conversation, now: number): boolean => c.snoozedUntil === null || Date.parse(c.snoozedUntil) <= now;

/** In the inbox: open, pending, or snoozed until a time that has passed. */
export function inInbox(c: Conversation, now: number): boolean {
  return ACTIVE.has(c.status) && snoozedPast(c, now);
}

/**
 * `me` is the staff id signed in at this desk (team status `me.id`): the `mine` filter holds the
 * inbox's conversations assigned to them, and nothing when `me` is unknown.
 */
export function matchesFilter(c: Conversation, filter: ListFilter, now: number, me: string | null = null): boolean {
  if (c.lastMessageAt === null) return false;
  switch (filter) {
    case 'all':
      return inInbox(c, now);
    case 'unread':
      return inInbox(c, now) && c.unreadCount > 0;
    case 'needs_reply':
      return inInbox(c, now) && c.requiresResponse;
    case 'snoozed':
      return c.status === 'snoozed' && !snoozedPast(c, now);
    case 'resolved':
    case 'archived':
      return c.status === filter;
    case 'mine':
      return me !== null && inInbox(c, now) && c.assignee?.id === me;
  }
}

export interface ListView {
  filter: ListFilter;
  ownerId: string | null;
  tag: string | null;
  /** Who "mine" is (team status `me.id`); needed only by the `mine` filter. */
  me?: string | null;
}

export function inView(c: Conversation, view: ListView, now: number): boolean {
  return (
    (view.ownerId === null || c.ownerId === view.ownerId) &&
    (view.tag === null || c.tags.includes(view.tag)) &&
    matchesFilter(c, view.filter, now, view.me ?? null)
  );
}

/** Newest activity first, then the higher id (the SQL's ORDER BY within a run of the list; see listOrder). */
export function newestFirst(a: Conversation, b: Conversation): number {
  return (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '') || b.id - a.id;
}

/** Raised by a waiting-too-long rule or a due no-reply reminder: listed before the rest. */
export const isRaised = (c: Conversation): boolean => c.attention != null;

export type ListSort = 'newest' | 'longest_waiting';

/**
 * The list's order for a sort, as the SQL orders it: raised conversations first; then, for
 * "longest waiting", members waiting (the longest wait on top); then newest activity first.
 */
export function listOrder(sort: ListSort): (a: Conversation, b: Conversation) => number {
  return (a, b) => {
    const raised = Number(isRaised(b)) - Number(isRaised(a));
    if (raised !== 0) return raised;
    if (sort === 'longest_waiting') {
      const waiting = Number(b.requiresResponse) - Number(a.requiresResponse);
      if (waiting !== 0) return waiting;
      const since = (a.waitingSince ?? '').localeCompare(b.waitingSince ?? '');
      if (since !== 0) return since;
    }
    return newestFirst(a, b);
  };
}
