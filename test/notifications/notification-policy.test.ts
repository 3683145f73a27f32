import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesAddedEvent } from '../main/fake-core';
import type { AppEvent, NotificationPrivacy } from '../../common/contract';
import { createEventBus } from '../../common/event-bus';
import { memoryLogger } from '../../common/log/logger';
import { composeNotification, type ConversationSummary, type NotificationContent } from '../../main/notifications/compose-notification';
import { openNotifiedConversation } from '../../main/notifications/notification-click';
import { createNotificationPolicy } from '../../main/notifications/notification-policy';
import { systemTimers } from '../../common/time/timers';

const people: Record<number, ConversationSummary> = {
  1: { id: 1, memberName: 'Ana', preview: 'Can I freeze my membership?', unreadCount: 2 },
  2: { id: 2, memberName: 'Ben', preview: 'Running late', unreadCount: 1 },
  3: { id: 3, memberName: 'Cy', preview: 'Thanks!', unreadCount: 1 },
  4: { id: 4, memberName: 'Dee', preview: 'Is the pool open?', unreadCount: 1 },
  5: { id: 5, memberName: 'Eve', preview: 'ok', unreadCount: 1 },
};

let seq = 0;
// The policy reads ids and counts; the conversations themselves reach it through `describe`.
const added = (conversationIds: number[], count: number, quiet = false): AppEvent => ({
  ...messagesAddedEvent([], { count, quiet, conversationIds }),
  seq: ++seq,
});

function setup(over: { privacy?: NotificationPrivacy; focused?: boolean } = {}) {
  const state = { privacy: over.privacy ?? 'name_and_text', focused: over.focused ?? false, people: { ...people } };
  const shown: NotificationContent[] = [];
  const logger = memoryLogger();
  const describeConversations = vi.fn((ids: readonly number[]) =>
    Promise.resolve(ids.flatMap((id) => (state.people[id] ? [state.people[id]] : []))),
  );
  const policy = createNotificationPolicy({
    privacy: () => Promise.resolve(state.privacy),
    isWindowFocused: () => state.focused,
    describe: describeConversations,
    show: (content) => shown.push(content),
    logger,
    timers: systemTimers,
  });
  return { state, shown, logger, policy, describeConversations };
}

describe('notification policy', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a quiet second, then shows one grouped notification, most recent first', async () => {
    const { policy, shown } = setup();
    policy.handle(added([1], 2));
    await vi.advanceTimersByTimeAsync(600);
    policy.handle(added([2], 1));
    await vi.advanceTimersByTimeAsync(999);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual([
      { title: '3 new messages from Ben, Ana', body: 'Ben: Running late\nAna: Can I freeze my membership?', conversationId: 2 },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown).toHaveLength(1);
  });

  it('shows a steady trickle after five seconds at most', async () => {
    const { policy, shown, state } = setup();
    state.people[1] = { ...people[1]!, unreadCount: 50 };
    // One message every 0.7 s: the quiet second never comes.
    for (let i = 0; i < 8; i++) {
      policy.handle(added([1], 1));
      await vi.advanceTimersByTimeAsync(700);
    }
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('8 new messages from Ana');
  });

  it('stays quiet for an owner’s first import and notifies what comes after', async () => {
    const { policy, shown } = setup();
    policy.handle(added([1, 2, 3, 4, 5], 480, true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown).toEqual([]);
    policy.handle(added([3], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([{ title: 'New message from Cy', body: 'Thanks!', conversationId: 3 }]);
  });

  it('ignores every other event type', async () => {
    const { policy, shown, describeConversations } = setup();
    policy.handle({ type: 'uiCommand', seq: 1, command: 'showHelp' });
    policy.handle({ type: 'syncStatusChanged', seq: 2, status: { polling: true, intervalSeconds: 30, owners: [] } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown).toEqual([]);
    expect(describeConversations).not.toHaveBeenCalled();
  });

  it('shows nothing while the window is focused, and notifies again once it is not', async () => {
    const { policy, shown, state, describeConversations } = setup({ focused: true });
    policy.handle(added([1], 1));
    await vi.advanceTimersByTimeAsync(2000);
    expect(shown).toEqual([]);
    expect(describeConversations).not.toHaveBeenCalled();
    state.focused = false;
    policy.handle(added([2], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown.map((n) => n.title)).toEqual(['New message from Ben']);
  });

  it('shows nothing when the window gains focus while names are looked up', async () => {
    const { policy, shown, state, describeConversations } = setup();
    describeConversations.mockImplementationOnce((ids) => {
      state.focused = true;
      return Promise.resolve(ids.map((id) => people[id]!));
    });
    policy.handle(added([1], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(describeConversations).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([]);
  });

  it('drops conversations read before the notification would show', async () => {
    const { policy, shown, state } = setup();
    policy.handle(added([1, 2], 3));
    state.people[1] = { ...people[1]!, unreadCount: 0 };
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([{ title: 'New message from Ben', body: 'Running late', conversationId: 2 }]);
    state.people[2] = { ...people[2]!, unreadCount: 0 };
    policy.handle(added([2], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toHaveLength(1);
  });

  it.each([
    ['name_and_text', { title: '3 new messages from Ben, Ana', body: 'Ben: Running late\nAna: Can I freeze my membership?', conversationId: 2 }],
    ['name_only', { title: '3 new messages from Ben, Ana', body: '', conversationId: 2 }],
    ['count_only', { title: '3 new messages', body: '', conversationId: 2 }],
  ] as const)('words a burst for privacy %s', async (privacy, expected) => {
    const { policy, shown } = setup({ privacy });
    policy.handle(added([1, 2], 3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([expected]);
    expect(JSON.stringify(shown).includes('Running late')).toBe(privacy === 'name_and_text');
    expect(JSON.stringify(shown).includes('Ben')).toBe(privacy !== 'count_only');
  });

  it('shows nothing at privacy off and does not even look up names', async () => {
    const { policy, shown, describeConversations } = setup({ privacy: 'off' });
    policy.handle(added([1], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([]);
    expect(describeConversations).not.toHaveBeenCalled();
  });

  it('logs a failed lookup instead of throwing, and keeps working', async () => {
    const { policy, shown, logger, describeConversations } = setup();
    describeConversations.mockRejectedValueOnce(new Error('database closed'));
    policy.handle(added([1], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([]);
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
    policy.handle(added([1], 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toHaveLength(1);
  });

  it('drops the pending burst when disposed', async () => {
    const { policy, shown } = setup();
    policy.handle(added([1], 1));
    policy.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown).toEqual([]);
  });
});

describe('composeNotification', () => {
  const all = [5, 4, 3, 2, 1].map((id) => people[id]!) as [ConversationSummary, ...ConversationSummary[]];

  it('names at most three people, then says how many more', () => {
    expect(composeNotification('name_only', 6, all)?.title).toBe('6 new messages from Eve, Dee, Cy and 2 more');
  });

  it('lists a name once even when two conversations share it', () => {
    const twins = [people[1]!, { ...people[2]!, memberName: 'Ana' }] as [ConversationSummary, ConversationSummary];
    expect(composeNotification('name_only', 2, twins)?.title).toBe('2 new messages from Ana');
  });

  it('flattens and clips a long preview', () => {
    const long = { ...people[1]!, preview: `Hello\n\n${'x'.repeat(400)}` };
    const body = composeNotification('name_and_text', 1, [long])!.body;
    expect(body.startsWith('Hello x')).toBe(true);
    expect(body.length).toBeLessThanOrEqual(140);
    expect(body.endsWith('…')).toBe(true);
  });

  it('says "New message" for one', () => {
    expect(composeNotification('count_only', 1, [people[1]!])?.title).toBe('New message');
  });
});

describe('openNotifiedConversation', () => {
  it('focuses the window, then tells the renderer to open the conversation', () => {
    const bus = createEventBus();
    const order: string[] = [];
    bus.subscribe((e) => order.push(`${e.type}:${e.type === 'uiCommand' ? `${e.command}:${e.conversationId}` : ''}`));
    openNotifiedConversation({ conversationId: 4 }, { focusWindow: () => order.push('focus'), events: bus });
    expect(order).toEqual(['focus', 'uiCommand:openConversation:4']);
  });
});
