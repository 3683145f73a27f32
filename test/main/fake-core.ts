// A Core for shell tests: every service method and every handler a vi.fn with plausible results,
// a real event bus, and an unread total the test sets.
import { vi, type Mock } from 'vitest';
import type { Account, AppEventInput, Conversation, Counts, Handlers, Settings, SyncStatus } from '../../common/contract';
import type { Core } from '../../main/core/core';
import type { Services } from '../../main/services/services';
import { createEventBus } from '../../common/event-bus';

export const sampleConversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 1,
  ownerId: '100000001',
  memberId: '200000001',
  memberName: 'Ana Souza',
  lastMessagePreview: 'Can I freeze my membership?',
  lastMessageAt: '2026-03-02T15:04:00.000Z',
  unreadCount: 1,
  requiresResponse: true,
  waitingSince: '2026-03-02T15:04:00.000Z',
  status: 'open',
  snoozedUntil: null,
  handledAt: null,
  tags: [],
  intent: null,
  optedOut: false,
  ...over,
});

export const sampleSyncStatus = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  polling: true,
  intervalSeconds: 30,
  owners: [
    {
      ownerId: '100000001',
      ownerName: 'Front Desk',
      state: 'idle',
      lastSuccessAt: '2026-03-02T15:41:00.000Z',
      lastError: null,
      nextRunAt: '2026-03-02T15:41:30.000Z',
      consecutiveFailures: 0,
      addedLastPoll: 0,
      historyImported: true,
    },
  ],
  ...over,
});

export const sampleSettings = (over: Partial<Settings> = {}): Settings => ({
  pollIntervalSeconds: 30,
  notifications: 'name_and_text',
  launchAtLogin: false,
  historyAsRead: true,
  waitingIgnoresImportedAfterDays: 3,
  markRead: 'after_delay',
  ...over,
});

export const sampleAccount = (over: Partial<Account> = {}): Account => ({
  mode: 'demo',
  username: null,
  baseUrl: 'http://127.0.0.1:0',
  secretStorage: 'os',
  clubTimeZone: null,
  clubTimeZoneSource: null,
  ...over,
});

export const sampleCounts = (over: Partial<Counts> = {}): Counts => ({
  filters: { all: 1, unread: 1, needs_reply: 1, snoozed: 0, resolved: 0, archived: 0 },
  tags: [],
  unreadTotal: 1,
  ...over,
});

/** A `messagesAdded` event as the core sends it, carrying the given conversations. */
export function messagesAddedEvent(
  conversations: Conversation[],
  { count, quiet = false, conversationIds = conversations.map((c) => c.id), ownerId = '100000001' }: {
    count: number;
    quiet?: boolean;
    conversationIds?: number[];
    ownerId?: string;
  },
): AppEventInput {
  return { type: 'messagesAdded', ownerId, conversationIds, count, quiet, conversations, counts: sampleCounts(), ownerCounts: sampleCounts(), messages: [] };
}

/** A `conversationUpdated` event as the core sends it. */
export function conversationUpdatedEvent(conversation: Conversation): AppEventInput {
  return { type: 'conversationUpdated', conversation, counts: sampleCounts(), ownerCounts: sampleCounts() };
}

type Mocked<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : T[K] };
export type MockServices = { [K in keyof Services]: Mocked<Services[K]> };

export function fakeServices(): MockServices {
  const status = sampleSyncStatus();
  const conversation = sampleConversation();
  return {
    account: {
      current: vi.fn(() => {
        throw new Error('shell tests have no session');
      }),
      account: vi.fn(() => sampleAccount()),
      signIn: vi.fn(() => Promise.resolve(sampleAccount({ mode: 'signed_in', username: 'frontdesk' }))),
      signOut: vi.fn(() => Promise.resolve(sampleAccount())),
      setClubTimeZone: vi.fn((timeZone: string) => Promise.resolve(sampleAccount({ clubTimeZone: timeZone, clubTimeZoneSource: 'confirmed' }))),
      wantPolling: vi.fn(),
      start: vi.fn(() => Promise.resolve()),
      close: vi.fn(() => Promise.resolve()),
    },
    conversations: {
      list: vi.fn(() => ({ items: [conversation], nextCursor: null })),
      get: vi.fn(() => conversation),
      counts: vi.fn(() => sampleCounts()),
      messages: vi.fn(() => ({ items: [], prevCursor: null })),
      markRead: vi.fn(() => conversation),
      markUnread: vi.fn(() => conversation),
      setStatus: vi.fn(() => conversation),
      setTags: vi.fn(() => conversation),
      fetchHistory: vi.fn(() => Promise.resolve({ added: 0 })),
      markHandled: vi.fn(() => conversation),
      restoreHandled: vi.fn(() => conversation),
      unreadTotal: vi.fn(() => 0),
      watchSnoozes: vi.fn(() => () => {}),
    },
    replies: {
      suggest: vi.fn(() => []),
      templates: vi.fn(() => []),
      setTemplate: vi.fn(() => []),
      send: vi.fn(() => Promise.reject(new Error('shell tests send nothing'))),
    },
    search: { search: vi.fn(() => ({ hits: [], nextCursor: null })), searchPeople: vi.fn(() => ({ people: [] })) },
    settings: {
      get: vi.fn(() => sampleSettings()),
      update: vi.fn((change: Partial<Settings>) => ({ ...sampleSettings(), ...change })),
      onSaved: vi.fn(() => () => {}),
    },
    sync: {
      syncNow: vi.fn(() => Promise.resolve(status)),
      status: vi.fn(() => status),
      startPolling: vi.fn(() => ({ ...status, polling: true })),
      stopPolling: vi.fn(() => Promise.resolve({ ...status, polling: false })),
      setPollInterval: vi.fn(() => status),
      owners: vi.fn(() => ({ owners: [], available: [] })),
      addOwner: vi.fn(() => Promise.resolve({ id: '100000002', name: 'Sam', enabled: true })),
      removeOwner: vi.fn(),
    },
  };
}

export type MockHandlers = { [K in keyof Handlers]: Mock<Handlers[K]> };

export function fakeHandlers(): MockHandlers {
  const status = sampleSyncStatus();
  const conversation = sampleConversation();
  return {
    appInfo: vi.fn(() => Promise.resolve({ name: 'Frontdesk', version: '0.1.0', platform: 'linux' })),
    getStartupNotice: vi.fn(() => Promise.resolve({ notice: null })),
    listConversations: vi.fn(() => Promise.resolve({ items: [conversation], nextCursor: null })),
    getConversation: vi.fn(() => Promise.resolve(conversation)),
    getCounts: vi.fn(() =>
      Promise.resolve({ filters: { all: 1, unread: 1, needs_reply: 1, snoozed: 0, resolved: 0, archived: 0 }, tags: [], unreadTotal: 1 }),
    ),
    listMessages: vi.fn(() => Promise.resolve({ items: [], prevCursor: null })),
    markRead: vi.fn(() => Promise.resolve(conversation)),
    markUnread: vi.fn(() => Promise.resolve(conversation)),
    setStatus: vi.fn(() => Promise.resolve(conversation)),
    setTags: vi.fn(() => Promise.resolve(conversation)),
    markHandled: vi.fn(() => Promise.resolve(conversation)),
    restoreHandled: vi.fn(() => Promise.resolve(conversation)),
    fetchHistory: vi.fn(() => Promise.resolve({ added: 0 })),
    search: vi.fn(() => Promise.resolve({ hits: [], nextCursor: null })),
    searchPeople: vi.fn(() => Promise.resolve({ people: [] })),
    suggestReplies: vi.fn(() => Promise.resolve({ suggestions: [] })),
    listReplyTemplates: vi.fn(() => Promise.resolve({ templates: [] })),
    setReplyTemplate: vi.fn(() => Promise.resolve({ templates: [] })),
    sendReply: vi.fn((args) =>
      Promise.resolve({
        id: 9,
        conversationId: args.conversationId,
        ownerId: '100000001',
        direction: 'outbound' as const,
        channel: args.channel,
        senderName: 'Front Desk',
        body: args.body,
        sentAt: '2026-03-02T15:05:00.000Z',
        localDate: '2026-03-02',
        localTime: '09:05',
        readAt: '2026-03-02T15:05:00.000Z',
        intent: null,
        confidence: null,
        subject: args.subject ?? null,
      }),
    ),
    syncNow: vi.fn(() => Promise.resolve(status)),
    getSyncStatus: vi.fn(() => Promise.resolve(status)),
    startPolling: vi.fn(() => Promise.resolve({ ...status, polling: true })),
    stopPolling: vi.fn(() => Promise.resolve({ ...status, polling: false })),
    setPollInterval: vi.fn(() => Promise.resolve(status)),
    listOwners: vi.fn(() => Promise.resolve({ owners: [], available: [] })),
    addOwner: vi.fn(() => Promise.resolve({ id: '100000002', name: 'Sam', enabled: true })),
    removeOwner: vi.fn(() => Promise.resolve({ ok: true as const })),
    getSettings: vi.fn(() => Promise.resolve(sampleSettings())),
    setSettings: vi.fn((args) => Promise.resolve({ ...sampleSettings(), ...args })),
    getAccount: vi.fn(() => Promise.resolve(sampleAccount())),
    signIn: vi.fn(() => Promise.resolve(sampleAccount({ mode: 'signed_in', username: 'frontdesk' }))),
    signOut: vi.fn(() => Promise.resolve(sampleAccount())),
    setClubTimeZone: vi.fn(() => Promise.resolve(sampleAccount())),
  };
}

export interface FakeCore extends Core {
  services: MockServices;
  handlers: MockHandlers;
  gymBot: { preview: Mock<Core['gymBot']['preview']>; run: Mock<Core['gymBot']['run']> };
  setUnread(n: number): void;
}

export function fakeCore(): FakeCore {
  let unread = 0;
  return {
    services: fakeServices(),
    handlers: fakeHandlers(),
    events: createEventBus(),
    gymBot: {
      preview: vi.fn(() => Promise.reject(new Error('no gym bot file in this test'))),
      run: vi.fn(() => Promise.resolve({ added: 0, touched: new Map<string, { insertedIds: number[]; conversationIds: number[] }>() })),
    },
    unreadTotal: () => unread,
    setUnread: (n) => {
      unread = n;
    },
    start: vi.fn(() => Promise.resolve()),
    close: vi.fn(() => Promise.resolve()),
  };
}
