// The list filters in sidebar order, with their labels and empty-state wording.
import type { ListFilter } from '../../../common/contract';

export const FILTER_ORDER: readonly ListFilter[] = ['all', 'mine', 'unread', 'needs_reply', 'snoozed', 'resolved', 'archived'];

export const FILTER_LABELS: Readonly<Record<ListFilter, string>> = {
  all: 'All',
  unread: 'Unread',
  needs_reply: 'Needs reply',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
  archived: 'Archived',
  mine: 'Mine',
};

export const FILTER_EMPTY: Readonly<Record<ListFilter, string>> = {
  all: 'No conversations yet. Texts members send to the club appear here.',
  unread: 'No unread conversations. You are all caught up.',
  needs_reply: 'Nobody is waiting for an answer.',
  snoozed: 'No snoozed conversations.',
  resolved: 'No resolved conversations.',
  archived: 'No archived conversations.',
  mine: 'Nothing is assigned to you.',
};

export function isListFilter(value: unknown): value is ListFilter {
  return typeof value === 'string' && (FILTER_ORDER as readonly string[]).includes(value);
}
