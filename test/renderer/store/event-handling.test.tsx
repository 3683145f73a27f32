import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../renderer/src/store/app-store';
import { FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
import { testDeps } from '../render-app';

function started(fake: FakeFrontdesk): { store: AppStore; stop: () => void } {
  const store = createAppStore(testDeps(fake));
  const stop = store.getState().start();
  return { store, stop };
}

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

function setup(fake: FakeFrontdesk): AppStore {
  const { store, stop } = started(fake);
  stops.push(stop);
  return store;
}

const ready = (store: AppStore) => waitFor(() => expect(store.getState().list.status).toBe('ready'));

describe('store events', () => {
  it('loads the list, counts, sync status and account on start, subscribed before loading', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 }), makeConversation({ id: 2, unreadCount: 3 })] });
    const store = setup(fake);
    expect(fake.listenerCount).toBe(1);
    await ready(store);
    await waitFor(() => expect(store.getState().list.counts?.filters.unread).toBe(1));
    expect(store.getState().list.items.map((c) => c.id)).toEqual([1, 2]);
    await waitFor(() => expect(store.getState().session.account?.username).toBe('frontdesk'));
    expect(store.getState().sync.status?.polling).toBe(true);
  });

  it('messagesAdded refreshes the list: a conversation that got a text moves to the top', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 }), makeConversation({ id: 2 })] });
    const store = setup(fake);
    await ready(store);
    fake.receive(2, 'Is the pool open?', new Date(Date.parse('2025-10-14T15:00:00Z')).toISOString());
    await waitFor(() => expect(store.getState().list.items.map((c) => c.id)).toEqual([2, 1]));
    expect(store.getState().list.items[0]?.lastMessagePreview).toBe('Is the pool open?');
    expect(store.getState().list.items[0]?.unreadCount).toBe(1);
    expect(store.getState().ui.announcement?.text).toBe('1 new message.');
  });

  it('a conversation raised as overdue moves above the rest from its event, and back into place once lowered', async () => {
    const fake = new FakeFrontdesk({
      conversations: [
        makeConversation({ id: 1, lastMessageAt: '2025-10-14T14:00:00.000Z' }),
        makeConversation({ id: 2, lastMessageAt: '2025-10-14T13:00:00.000Z' }),
        makeConversation({ id: 3, lastMessageAt: '2025-10-14T12:00:00.000Z' }),
      ],
    });
    const store = setup(fake);
    await ready(store);
    expect(store.getState().list.items.map((c) => c.id)).toEqual([1, 2, 3]);
    const before = fake.calls.length;
    const raised = { ...fake.conversations[2]!, attention: { reason: 'waiting' as const, since: '2025-10-14T14:30:00.000Z' } };
    fake.conversations[2] = raised;
    fake.emit({ type: 'conversationUpdated', conversation: raised, counts: fake.counts(), ownerCounts: fake.counts(raised.ownerId) });
    await waitFor(() => expect(store.getState().list.items.map((c) => c.id)).toEqual([3, 1, 2]));
    // The event carried it: nothing was asked again, and the database lists it the same way.
    expect(fake.calls.length).toBe(before);
    const listed = await fake.api.listConversations({});
    expect(listed.ok && listed.value.items.map((c) => c.id)).toEqual([3, 1, 2]);
    const lowered = { ...raised, attention: null };
    fake.conversations[2] = lowered;
    fake.emit({ type: 'conversationUpdated', conversation: lowered, counts: fake.counts(), ownerCounts: fake.counts(lowered.ownerId) });
    await waitFor(() => expect(store.getState().list.items.map((c) => c.id)).toEqual([1, 2, 3]));
  });

  it('a quiet history import updates the list from the event, without announcing or asking again', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 })] });
    const store = setup(fake);
    await ready(store);
    const before = fake.calls.length;
    fake.conversations[0] = { ...fake.conversations[0]!, lastMessagePreview: 'Imported from ClubOS' };
    fake.emit(fake.addedEvent([1], null, { count: 40, quiet: true }));
    await waitFor(() => expect(store.getState().list.items[0]?.lastMessagePreview).toBe('Imported from ClubOS'));
    expect(fake.calls.length).toBe(before);
    expect(store.getState().ui.announcement).toBeNull();
  });

  it('a gap in sequence numbers refetches everything on screen, the open thread included', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1 }), makeConversation({ id: 2 })],
      messages: [makeMessage({ conversationId: 1, body: 'first' })],
    });
    const store = setup(fake);
    await ready(store);
    store.getState().selectConversation(1);
    await waitFor(() => expect(store.getState().thread.status).toBe('ready'));
    fake.emit({ type: 'syncStatusChanged', status: fake.syncStatus });
    await waitFor(() => expect(fake.callsOf('getCounts').length).toBeGreaterThan(0));

    // The core changed things while this window missed the events that said so.
    fake.conversation(2).memberName = 'Renamed while away';
    fake.messages.push(makeMessage({ conversationId: 1, body: 'missed message' }));
    fake.skipEvents(3);
    const counted = { list: fake.callsOf('listConversations').length, counts: fake.callsOf('getCounts').length, sync: fake.callsOf('getSyncStatus').length };
    fake.emit({ type: 'syncStatusChanged', status: fake.syncStatus });

    await waitFor(() => expect(store.getState().thread.messages.map((m) => m.body)).toEqual(['first', 'missed message']));
    await waitFor(() => expect(store.getState().list.items.find((c) => c.id === 2)?.memberName).toBe('Renamed while away'));
    expect(fake.callsOf('listConversations').length).toBeGreaterThan(counted.list);
    expect(fake.callsOf('getCounts').length).toBeGreaterThan(counted.counts);
    expect(fake.callsOf('getSyncStatus').length).toBeGreaterThan(counted.sync);
  });

  it('events in sequence do not trigger a full refetch', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 })] });
    const store = setup(fake);
    await ready(store);
    fake.emit({ type: 'syncStatusChanged', status: fake.syncStatus });
    fake.emit({ type: 'syncStatusChanged', status: { ...fake.syncStatus, polling: false } });
    await Promise.resolve();
    expect(fake.callsOf('getSyncStatus')).toHaveLength(1);
    expect(store.getState().sync.status?.polling).toBe(false);
  });

  it('a sequence number going backwards (the core restarted) also refetches', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 })] });
    const store = setup(fake);
    await ready(store);
    fake.seq = 50;
    fake.emit({ type: 'syncStatusChanged', status: fake.syncStatus });
    fake.seq = 0;
    const before = fake.callsOf('getSyncStatus').length;
    fake.emit({ type: 'syncStatusChanged', status: fake.syncStatus });
    await waitFor(() => expect(fake.callsOf('getSyncStatus').length).toBe(before + 1));
  });

  it('opening a conversation loads its messages and marks it read', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 7, unreadCount: 2 })],
      messages: [makeMessage({ conversationId: 7, body: 'a' }), makeMessage({ conversationId: 7, body: 'b' })],
    });
    const store = setup(fake);
    await ready(store);
    store.getState().selectConversation(7);
    await waitFor(() => expect(store.getState().list.items[0]?.unreadCount).toBe(0));
    expect(fake.callsOf('markRead')).toEqual([{ conversationId: 7 }]);
    expect(store.getState().thread.messages.map((m) => m.body)).toEqual(['a', 'b']);
    expect(store.getState().thread.conversation?.unreadCount).toBe(0);
  });

  it('does not call markRead for a conversation that has nothing unread', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 7 })], messages: [makeMessage({ conversationId: 7 })] });
    const store = setup(fake);
    await ready(store);
    store.getState().selectConversation(7);
    await waitFor(() => expect(store.getState().thread.status).toBe('ready'));
    expect(fake.callsOf('markRead')).toEqual([]);
  });

  it('new messages in the open thread are fetched and counted as arrivals', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 7 })], messages: [makeMessage({ conversationId: 7, body: 'old' })] });
    const store = setup(fake);
    await ready(store);
    store.getState().selectConversation(7);
    await waitFor(() => expect(store.getState().thread.status).toBe('ready'));
    fake.receive(7, 'new one');
    await waitFor(() => expect(store.getState().thread.messages.map((m) => m.body)).toEqual(['old', 'new one']));
    expect(store.getState().thread.arrivals).toBe(1);
  });

  it('refetches a thread that got messages while it was still loading', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 7 })], messages: [makeMessage({ conversationId: 7, body: 'old' })] });
    const store = setup(fake);
    await ready(store);
    const release = fake.hold('listMessages');
    store.getState().selectConversation(7);
    // Arrives after the load read the thread but before it answered.
    const raced = makeMessage({ conversationId: 7, body: 'raced' });
    fake.messages.push(raced);
    fake.emit(fake.addedEvent([7], [raced]));
    release();
    await waitFor(() => expect(store.getState().thread.messages.map((m) => m.body)).toEqual(['old', 'raced']));
  });

  it('drops the answer for a conversation the user already left', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1 }), makeConversation({ id: 2 })],
      messages: [makeMessage({ conversationId: 1, body: 'one' }), makeMessage({ conversationId: 2, body: 'two' })],
    });
    const store = setup(fake);
    await ready(store);
    const release = fake.hold('listMessages');
    store.getState().selectConversation(1);
    store.getState().selectConversation(2);
    release();
    await waitFor(() => expect(store.getState().thread.status).toBe('ready'));
    expect(store.getState().thread.conversationId).toBe(2);
    expect(store.getState().thread.messages.map((m) => m.body)).toEqual(['two']);
  });

  it('uiCommand events open a conversation, settings, help and focus search', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 9 })] });
    const store = setup(fake);
    await ready(store);
    fake.emit({ type: 'uiCommand', command: 'openSettings' });
    expect(store.getState().ui.dialog).toBe('settings');
    fake.emit({ type: 'uiCommand', command: 'showHelp' });
    expect(store.getState().ui.dialog).toBe('help');
    fake.emit({ type: 'uiCommand', command: 'focusSearch' });
    expect(store.getState().ui.dialog).toBeNull();
    expect(store.getState().ui.focus?.target).toBe('search');
    fake.emit({ type: 'uiCommand', command: 'openConversation', conversationId: 9 });
    expect(store.getState().list.selectedId).toBe(9);
    await waitFor(() => expect(store.getState().thread.conversation?.id).toBe(9));
  });

  it('a different account clears the open conversation and reloads the list', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1 })], messages: [makeMessage({ conversationId: 1 })] });
    const store = setup(fake);
    await ready(store);
    await waitFor(() => expect(store.getState().session.account).not.toBeNull());
    store.getState().selectConversation(1);
    await waitFor(() => expect(store.getState().thread.status).toBe('ready'));
    const loads = fake.callsOf('listConversations').length;
    fake.emit({ type: 'accountChanged', account: { ...fake.account, mode: 'demo', username: null } });
    expect(store.getState().thread.conversationId).toBeNull();
    expect(store.getState().list.selectedId).toBeNull();
    await waitFor(() => expect(fake.callsOf('listConversations').length).toBeGreaterThan(loads));
  });

  it('ignores malformed events', async () => {
    const fake = new FakeFrontdesk();
    const store = setup(fake);
    await ready(store);
    const before = store.getState();
    store.getState().receiveEvent({ type: 'nonsense', seq: 1 } as never);
    store.getState().receiveEvent(null as never);
    expect(store.getState().list).toBe(before.list);
  });

  it('unsubscribes when stopped', () => {
    const fake = new FakeFrontdesk();
    const { stop } = started(fake);
    expect(fake.listenerCount).toBe(1);
    stop();
    expect(fake.listenerCount).toBe(0);
  });
});
