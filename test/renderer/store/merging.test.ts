import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../common/contract';
import { mergeFirstPage, replaceConversation } from '../../../renderer/src/store/list-merge';
import { appendMessage, mergeLatest, prependOlder } from '../../../renderer/src/store/message-merge';
import { makeConversation, makeMessage } from '../fake-api';

const c = (id: number, change: Partial<Conversation> = {}) => makeConversation({ id, ...change });
const ids = (items: { id: number }[]) => items.map((x) => x.id);

describe('mergeFirstPage', () => {
  it('replaces a list that fits in one page', () => {
    const merged = mergeFirstPage({ items: [c(1), c(2)], nextCursor: null }, { items: [c(3), c(1)], nextCursor: null }, null);
    expect(ids(merged.items)).toEqual([3, 1]);
    expect(merged.nextCursor).toBeNull();
  });

  it('keeps pages loaded further down, minus rows that moved into the first page', () => {
    const current = { items: [c(1), c(2), c(3), c(4), c(5)], nextCursor: 'after-5' };
    const merged = mergeFirstPage(current, { items: [c(4), c(1)], nextCursor: 'after-1' }, null);
    expect(ids(merged.items)).toEqual([4, 1, 3, 5]);
    expect(merged.nextCursor).toBe('after-5');
  });

  it('keeps the open conversation where it was even when it no longer matches', () => {
    const current = { items: [c(1), c(2), c(3)], nextCursor: null };
    const merged = mergeFirstPage(current, { items: [c(1), c(3)], nextCursor: null }, 2);
    expect(ids(merged.items)).toEqual([1, 2, 3]);
    expect(ids(mergeFirstPage(current, { items: [c(1), c(3)], nextCursor: null }, null).items)).toEqual([1, 3]);
  });

  it('replaces one conversation in place, or says it is not listed', () => {
    const updated = c(2, { unreadCount: 4 });
    expect(replaceConversation([c(1), c(2)], updated)?.[1]).toBe(updated);
    expect(replaceConversation([c(1)], updated)).toBeNull();
  });
});

describe('message merging', () => {
  const m = (id: number) => ({ ...makeMessage({ conversationId: 1 }), id });

  it('puts an older page in front, once', () => {
    expect(ids(prependOlder([m(3), m(4)], [m(1), m(2), m(3)]))).toEqual([1, 2, 3, 4]);
  });

  it('appends new messages from the newest page and keeps older ones loaded', () => {
    const merged = mergeLatest([m(1), m(2), m(3)], 'before-1', [m(2), m(3), m(4)], 'before-2');
    expect(ids(merged.messages)).toEqual([1, 2, 3, 4]);
    expect(merged.prevCursor).toBe('before-1');
  });

  it('starts over from the newest page when it does not overlap what is loaded', () => {
    const merged = mergeLatest([m(1), m(2)], null, [m(8), m(9)], 'before-8');
    expect(ids(merged.messages)).toEqual([8, 9]);
    expect(merged.prevCursor).toBe('before-8');
  });

  it('adds a sent message once', () => {
    expect(ids(appendMessage([m(1)], m(2)))).toEqual([1, 2]);
    expect(ids(appendMessage([m(1), m(2)], m(2)))).toEqual([1, 2]);
  });
});
