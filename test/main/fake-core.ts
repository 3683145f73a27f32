// A Core for shell tests: every service method and every handler a vi.fn with plausible results,
// a real event bus, and an unread total the test sets.
import { emptyReport } from '../renderer/fake-api';
import { vi, type Mock } from 'vitest';
import type { Account, AppEventInput, CampaignView, Conversation, Counts, Handlers, ScheduledItemView, Settings, SyncStatus, TeamStatus } from '../../common/contract';
import { DEFAULT_OUTREACH_SETTINGS } from '../../main/outreach/outreach-settings';
import type { Core } from '../../main/core/core';
import type { Services } from '../../main/services/services';
import type { OutreachService } from '../../main/outreach/outreach-service';
import { createEventBus } from '../../common/event-bus';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../common/assistant-settings';
import { EMPTY_KNOWLEDGE } from '../../common/knowledge';

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

export const sampleTeamStatus = (over: Partial<TeamStatus> = {}): TeamStatus => ({
  state: 'off',
  server: null,
  lastError: null,
  pendingOutbox: 0,
  lastSyncAt: null,
  me: { id: 'frontdesk', name: 'Frontdesk' },
  deskId: 'desk-1',
  pollers: [],
  secretStorage: 'os',
  ...over,
});

export const sampleCounts = (over: Partial<Counts> = {}): Counts => ({
  filters: { all: 1, unread: 1, needs_reply: 1, snoozed: 0, resolved: 0, archived: 0, mine: 0 },
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

/** A part shell tests never reach: any use fails the test loudly. */
function unused<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => {
      throw new Error(`shell tests do not use the ${what}`);
    },
  });
}

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
      attach: vi.fn(),
    },
    reports: {
      report: vi.fn(() => Promise.resolve(emptyReport())),
      exportCsv: vi.fn(() => Promise.resolve({ fileName: 'frontdesk-response-times.csv', content: 'kind\r\n' })),
    },
    outreach: {
      handlers: fakeHandlers(),
      outbox: unused<OutreachService['outbox']>('outbox'),
      actionLog: unused<OutreachService['actionLog']>('action log'),
      engine: unused<OutreachService['engine']>('outreach engine'),
      clearAttention: vi.fn(),
      start: vi.fn(),
      stop: vi.fn(() => Promise.resolve()),
    },
    assistant: {
      onMessagesAdded: vi.fn(() => Promise.resolve()),
      idle: vi.fn(() => Promise.resolve()),
      knowledge: vi.fn(() => EMPTY_KNOWLEDGE),
      getKnowledge: vi.fn(() => ({ knowledge: EMPTY_KNOWLEDGE, version: null, savedAt: null })),
      saveKnowledge: vi.fn(() => ({ knowledge: EMPTY_KNOWLEDGE, version: 1, savedAt: '2026-03-02T15:05:00.000Z' })),
      exportKnowledge: vi.fn(() => ({ fileName: 'frontdesk-knowledge.json', content: '{}' })),
      importKnowledge: vi.fn(() => ({ knowledge: EMPTY_KNOWLEDGE, version: 2, savedAt: '2026-03-02T15:05:00.000Z' })),
      settings: vi.fn(() => DEFAULT_ASSISTANT_SETTINGS),
      getState: vi.fn(() => Promise.resolve({ settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: false, secretStorage: 'os' as const })),
      setSettings: vi.fn(() => Promise.resolve({ settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: false, secretStorage: 'os' as const })),
      setApiKey: vi.fn(() => Promise.resolve({ settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: false, secretStorage: 'os' as const })),
      draftForComposer: vi.fn(() => Promise.resolve({ text: 'Hi there!', source: 'rules' as const, notes: [], facts: [], draftId: null })),
      openDraft: vi.fn(() => null),
      listQueue: vi.fn(() => []),
      pendingCount: vi.fn(() => 0),
      decideDraft: vi.fn(() => Promise.reject(new Error('shell tests decide no drafts'))),
      approveMany: vi.fn(() => Promise.resolve({ results: [] })),
      recordStaffSend: vi.fn(() => Promise.resolve()),
      listActions: vi.fn(() => []),
      exportActionLog: vi.fn(() => ({ fileName: 'frontdesk-action-log.csv', content: 'id\r\n' })),
      isStaffedAt: vi.fn(() => true),
      nextStaffedOpening: vi.fn(() => null),
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
    team: unused<Services['team']>('team service') as MockServices['team'],
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
      Promise.resolve({ filters: { all: 1, unread: 1, needs_reply: 1, snoozed: 0, resolved: 0, archived: 0, mine: 0 }, tags: [], unreadTotal: 1 }),
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
    getKnowledge: vi.fn(() => Promise.resolve({ knowledge: EMPTY_KNOWLEDGE, version: null, savedAt: null })),
    saveKnowledge: vi.fn((args) => Promise.resolve({ knowledge: args.knowledge, version: 1, savedAt: '2026-03-02T15:05:00.000Z' })),
    exportKnowledge: vi.fn(() => Promise.resolve({ fileName: 'frontdesk-knowledge.json', content: '{}' })),
    importKnowledge: vi.fn(() => Promise.resolve({ knowledge: EMPTY_KNOWLEDGE, version: 2, savedAt: '2026-03-02T15:05:00.000Z' })),
    getAssistant: vi.fn(() => Promise.resolve({ settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: false, secretStorage: 'os' as const })),
    setAssistant: vi.fn((args) => Promise.resolve({ settings: args.settings, apiKeyStored: false, secretStorage: 'os' as const })),
    setAssistantApiKey: vi.fn((args) => Promise.resolve({ settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: args.apiKey !== null, secretStorage: 'os' as const })),
    draftReply: vi.fn(() => Promise.resolve({ text: 'Hi there!', source: 'rules' as const, notes: [], facts: [], draftId: null })),
    openDraft: vi.fn(() => Promise.resolve({ draft: null })),
    listApprovalQueue: vi.fn(() => Promise.resolve({ items: [] })),
    decideDraft: vi.fn((args) =>
      Promise.resolve({
        id: args.draftId,
        conversationId: 1,
        messageId: 5,
        memberName: 'Ana Souza',
        memberText: 'What are your hours?',
        memberTextAt: '2026-03-02T15:00:00.000Z',
        optedOut: false,
        intent: 'question_about_schedule' as const,
        confidence: 0.8,
        body: args.body ?? 'Hi Ana! We are staffed 9 AM–7 PM.',
        facts: [],
        notes: [],
        status: args.decision === 'approve' ? ('sent' as const) : ('rejected' as const),
        createdAt: '2026-03-02T15:00:00.000Z',
        decidedAt: '2026-03-02T15:05:00.000Z',
        decidedBy: 'staff:Front Desk',
      }),
    ),
    approveDrafts: vi.fn((args) => Promise.resolve({ results: args.draftIds.map((draftId) => ({ draftId, ok: true, error: null })) })),
    listActions: vi.fn(() => Promise.resolve({ items: [] })),
    exportActionLog: vi.fn(() => Promise.resolve({ fileName: 'frontdesk-action-log.csv', content: 'id\r\n' })),
    setClubTimeZone: vi.fn(() => Promise.resolve(sampleAccount())),
    scheduleSend: vi.fn((args) => Promise.resolve(sampleScheduled({ kind: 'send', conversationId: args.conversationId, channel: args.channel, body: args.body, dueAt: args.dueAt }))),
    scheduleReminder: vi.fn((args) => Promise.resolve(sampleScheduled({ conversationId: args.conversationId, dueAt: args.dueAt }))),
    listScheduled: vi.fn(() => Promise.resolve({ items: [] })),
    cancelScheduled: vi.fn(() => Promise.resolve(sampleScheduled({ state: 'cancelled' }))),
    confirmScheduled: vi.fn(() => Promise.resolve(sampleScheduled({ state: 'pending' }))),
    searchMembers: vi.fn(() => Promise.resolve({ member: null })),
    listMergeFields: vi.fn(() => Promise.resolve({ fields: [{ name: 'firstName', label: 'First name' }] })),
    createCampaign: vi.fn(() => Promise.resolve(sampleCampaign())),
    updateCampaignText: vi.fn(() => Promise.resolve(sampleCampaign())),
    listCampaigns: vi.fn(() => Promise.resolve({ campaigns: [] })),
    getCampaign: vi.fn(() => Promise.resolve({ campaign: sampleCampaign(), recipients: [] })),
    approveCampaign: vi.fn(() => Promise.resolve(sampleCampaign({ state: 'running' }))),
    pauseCampaign: vi.fn(() => Promise.resolve(sampleCampaign({ state: 'paused' }))),
    resumeCampaign: vi.fn(() => Promise.resolve(sampleCampaign({ state: 'running' }))),
    cancelCampaign: vi.fn(() => Promise.resolve(sampleCampaign({ state: 'cancelled' }))),
    getOutreachSettings: vi.fn(() => Promise.resolve(DEFAULT_OUTREACH_SETTINGS)),
    setOutreachSettings: vi.fn((args) => Promise.resolve({ ...DEFAULT_OUTREACH_SETTINGS, ...args })),
    getReport: vi.fn(() => Promise.resolve(emptyReport())),
    exportReportCsv: vi.fn(() => Promise.resolve({ fileName: 'frontdesk-response-times.csv', content: 'kind\r\n' })),
    getTeam: vi.fn(() => Promise.resolve(sampleTeamStatus())),
    setTeam: vi.fn(() => Promise.resolve(sampleTeamStatus())),
    testTeamConnection: vi.fn(() => Promise.resolve({ ok: true, message: 'Connected.', serverVersion: '15' })),
    setStaffName: vi.fn(() => Promise.resolve(sampleTeamStatus())),
    listStaff: vi.fn(() => Promise.resolve({ staff: [] })),
    addNote: vi.fn(() =>
      Promise.resolve({ id: 1, uid: 'note-0001', conversationId: 1, author: { id: 'frontdesk', name: 'Frontdesk' }, body: 'A note', createdAt: '2026-03-02T15:00:00.000Z' }),
    ),
    listNotes: vi.fn(() => Promise.resolve({ items: [] })),
    assignConversation: vi.fn(() => Promise.resolve(conversation)),
    setPresence: vi.fn(() => Promise.resolve({ ok: true as const })),
    getConversationTeam: vi.fn(() => Promise.resolve({ conversationId: 1, assignee: null, assignedAt: null, readers: [], presence: [], authors: [] })),
    checkCollision: vi.fn(() => Promise.resolve({ collision: null })),
    listTeamCampaigns: vi.fn(() => Promise.resolve({ items: [] })),
  };
}

export const sampleScheduled = (over: Partial<ScheduledItemView> = {}): ScheduledItemView => ({
  id: 4,
  kind: 'remind',
  conversationId: 1,
  channel: null,
  body: null,
  dueAt: '2026-03-05T15:00:00.000Z',
  createdAt: '2026-03-02T15:00:00.000Z',
  state: 'pending',
  outcome: null,
  lateByMs: null,
  ...over,
});

export const sampleCampaign = (over: Partial<CampaignView> = {}): CampaignView => ({
  id: 1,
  name: 'Holiday hours',
  body: 'Hi {firstName}!',
  source: 'Conversations with tag "vip"',
  state: 'draft',
  ratePerMinute: 20,
  sendingHours: { from: '08:00', to: '21:00' },
  approvedBy: null,
  approvedAt: null,
  createdAt: '2026-03-02T15:00:00.000Z',
  finishedAt: null,
  counts: { total: 0, queued: 0, sending: 0, sent: 0, skipped: 0, failed: 0 },
  ...over,
});

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
