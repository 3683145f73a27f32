// An in-memory FrontdeskApi for component and store tests: small, but it filters, pages, marks
// read, sends and pushes events like the core does, and records every call.
import type {
  Account,
  ApiError,
  CampaignView,
  ScheduledItemView,
  AppEvent,
  AppEventInput,
  ArgsInput,
  ChannelName,
  Conversation,
  Counts,
  ListFilter,
  Message,
  Outcome,
  Owner,
  Result,
  SearchHit,
  Settings,
  StartupNotice,
  ReplyTemplateEntry,
  Suggestion,
  SyncStatus,
} from '../../common/contract';
import type { FrontdeskApi } from '../../common/frontdesk-api';
import type { Report } from '../../common/reports';
import { buildReport, reportPeriod } from '../../main/services/reports/build-report';
import type { ActionLogEntry, AssistantDraft, AssistantState, DraftResult, InternalNote, KnowledgeState, StaffMember, TeamStatus } from '../../common/contract';
import { assistantSettingsSchema, DEFAULT_ASSISTANT_SETTINGS } from '../../common/assistant-settings';
import { EMPTY_KNOWLEDGE, knowledgeFileSchema, knowledgeSchema } from '../../common/knowledge';

export function makeDraft(partial: Partial<AssistantDraft> & { id: number; conversationId: number }): AssistantDraft {
  return {
    messageId: partial.id + 500,
    memberName: `Member ${partial.conversationId}`,
    memberText: 'What are the staffed hours tomorrow?',
    memberTextAt: new Date(FAKE_NOW - 600_000).toISOString(),
    optedOut: false,
    intent: 'question_about_schedule',
    confidence: 0.82,
    body: 'Hi! Tomorrow the front desk is staffed 9 AM–7 PM.',
    facts: [{ id: 'staffedHours', text: '2025-10-15: 9 AM–7 PM' }],
    notes: ['Not sent automatically: outside staffed hours.'],
    status: 'pending',
    createdAt: new Date(FAKE_NOW - 590_000).toISOString(),
    decidedAt: null,
    decidedBy: null,
    ...partial,
  };
}
import { plainDataProblem } from '../../main/ipc/plain-data';
import { DEFAULT_OUTREACH_SETTINGS } from '../../main/outreach/outreach-settings';
import { listOrder } from '../../common/conversation-filters';

export const FAKE_NOW = Date.parse('2025-10-14T15:00:00Z');

export interface Call {
  name: ChannelName;
  args: unknown;
}

class Refusal extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

let nextId = 1000;

export function makeConversation(partial: Partial<Conversation> & { id: number }): Conversation {
  return {
    ownerId: '100',
    memberId: null,
    memberName: `Member ${partial.id}`,
    lastMessageAt: new Date(FAKE_NOW - partial.id * 60_000).toISOString(),
    lastMessagePreview: `Preview ${partial.id}`,
    unreadCount: 0,
    requiresResponse: false,
    waitingSince: null,
    status: 'open',
    snoozedUntil: null,
    tags: [],
    intent: null,
    optedOut: false,
    handledAt: null,
    ...partial,
  };
}

export function makeMessage(partial: Partial<Message> & { conversationId: number }): Message {
  const sentAt = partial.sentAt ?? new Date(FAKE_NOW - 3_600_000).toISOString();
  return {
    id: nextId++,
    ownerId: '100',
    direction: 'inbound',
    channel: 'sms',
    senderName: 'Member',
    body: 'Hello',
    sentAt,
    localDate: sentAt.slice(0, 10),
    localTime: sentAt.slice(11, 16),
    readAt: null,
    subject: null,
    intent: null,
    confidence: null,
    ...partial,
  };
}

function matchesFilter(c: Conversation, filter: ListFilter): boolean {
  switch (filter) {
    case 'all':
      return c.status !== 'archived';
    case 'unread':
      return c.unreadCount > 0 && c.status !== 'archived';
    case 'needs_reply':
      return c.requiresResponse && (c.status === 'open' || c.status === 'pending');
    case 'snoozed':
    case 'resolved':
    case 'archived':
      return c.status === filter;
    case 'mine':
      return false;
  }
}

function snippetOf(body: string, query: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  const lower = body.toLowerCase();
  const needle = query.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); found >= 0; found = lower.indexOf(needle, at)) {
    if (found > at) parts.push({ text: body.slice(at, found), match: false });
    parts.push({ text: body.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < body.length) parts.push({ text: body.slice(at), match: false });
  return parts;
}

export interface FakeSetup {
  conversations?: Conversation[];
  messages?: Message[];
  account?: Partial<Account>;
  settings?: Partial<Settings>;
  owners?: Owner[];
  available?: { id: string; name: string }[];
  syncStatus?: Partial<SyncStatus>;
  suggestions?: Suggestion[];
  templates?: ReplyTemplateEntry[];
  /** Messages fetchHistory adds, per conversation. */
  history?: Message[];
  /** Emit conversationUpdated after actions, as the core does. */
  emitOnActions?: boolean;
  /** Drafts in the approval queue. */
  queue?: AssistantDraft[];
  actions?: ActionLogEntry[];
  /** What getStartupNotice answers (a repaired database, a start-up failure). */
  startupNotice?: StartupNotice | null;
}

/** A report with no requests: the shape the core answers for a quiet week. */
export function emptyReport(days = 7, now = Date.parse('2026-03-10T15:00:00Z'), timeZone = 'America/New_York'): Report {
  const period = reportPeriod(days, now, timeZone);
  return buildReport({ data: { requests: [], resolutions: [] }, waiting: [], period, timeZone, now, resolvesRecordedSince: null });
}

type Gate = { promise: Promise<void>; release: () => void };

export class FakeFrontdesk {
  queue: AssistantDraft[];
  actions: ActionLogEntry[];
  /** What getReport answers (any period); exportReportCsv answers `reportCsv`. */
  report: Report = emptyReport();
  reportCsv = 'kind,conversation_id\r\n';
  knowledge: KnowledgeState = { knowledge: EMPTY_KNOWLEDGE, version: null, savedAt: null };
  assistant: AssistantState = { settings: DEFAULT_ASSISTANT_SETTINGS, apiKeyStored: false, secretStorage: 'os' };
  /** What draftReply answers, and the texts it streams first. */
  draftResult: DraftResult = { text: 'Hi! Tomorrow the front desk is staffed 9 AM–7 PM.', source: 'rules', notes: [], facts: [], draftId: null };
  draftStream: string[] = [];
  conversations: Conversation[];
  messages: Message[];
  account: Account;
  settings: Settings;
  owners: Owner[];
  available: { id: string; name: string }[];
  syncStatus: SyncStatus;
  suggestions: Suggestion[];
  templates: ReplyTemplateEntry[];
  history: Message[];
  emitOnActions: boolean;
  startupNotice: StartupNotice | null;
  scheduled: ScheduledItemView[] = [];
  campaigns: CampaignView[] = [];
  readonly calls: Call[] = [];
  seq = 0;
  private readonly listeners = new Set<(event: AppEvent) => void>();
  private readonly failures = new Map<ChannelName, ApiError[]>();
  private readonly gates = new Map<ChannelName, Gate>();
  readonly api: FrontdeskApi;

  constructor(setup: FakeSetup = {}) {
    this.conversations = setup.conversations ?? [];
    this.messages = setup.messages ?? [];
    this.account = { mode: 'signed_in', username: 'frontdesk', baseUrl: 'https://anytime.club-os.com', secretStorage: 'os', clubTimeZone: null, clubTimeZoneSource: null, ...setup.account };
    this.settings = { pollIntervalSeconds: 30, notifications: 'name_and_text', launchAtLogin: false, historyAsRead: true, waitingIgnoresImportedAfterDays: 3, markRead: 'immediately', ...setup.settings };
    this.owners = setup.owners ?? [{ id: '100', name: 'My Messages', enabled: true }];
    this.available = setup.available ?? [];
    this.syncStatus = {
      polling: true,
      intervalSeconds: 30,
      owners: this.owners.map((o) => ({
        ownerId: o.id,
        ownerName: o.name,
        state: 'idle',
        lastSuccessAt: new Date(FAKE_NOW - 12_000).toISOString(),
        lastError: null,
        nextRunAt: null,
        consecutiveFailures: 0,
        addedLastPoll: 0,
        historyImported: true,
      })),
      ...setup.syncStatus,
    };
    this.suggestions = setup.suggestions ?? [];
    this.templates = setup.templates ?? [];
    this.history = setup.history ?? [];
    this.emitOnActions = setup.emitOnActions ?? true;
    this.queue = setup.queue ?? [];
    this.actions = setup.actions ?? [];
    this.startupNotice = setup.startupNotice ?? null;
    this.api = this.buildApi();
  }

  // --- test controls -------------------------------------------------------------------------

  private addScheduled(item: Pick<ScheduledItemView, 'kind' | 'conversationId' | 'channel' | 'body' | 'dueAt'>): ScheduledItemView {
    const full: ScheduledItemView = { ...item, id: this.scheduled.length + 1, createdAt: new Date(FAKE_NOW).toISOString(), state: 'pending', outcome: null, lateByMs: null };
    this.scheduled.push(full);
    this.announceScheduled(full.conversationId);
    return structuredClone(full);
  }

  /** As the core does: the conversation's scheduled items as they now are. */
  announceScheduled(conversationId: number): void {
    this.emit({ type: 'scheduledChanged', conversationId, items: structuredClone(this.scheduled.filter((i) => i.conversationId === conversationId)) });
  }

  private moveScheduled(id: number, state: ScheduledItemView['state']): ScheduledItemView {
    const item = this.scheduled.find((i) => i.id === id);
    if (!item) throw new Refusal({ code: 'not_found', message: `Scheduled item ${id} does not exist.` });
    item.state = state;
    this.announceScheduled(item.conversationId);
    return structuredClone(item);
  }

  private moveCampaign(id: number, change: (c: CampaignView) => CampaignView): CampaignView {
    const at = this.campaigns.findIndex((c) => c.id === id);
    if (at < 0) throw new Refusal({ code: 'not_found', message: `Campaign ${id} does not exist.` });
    const next = change(this.campaigns[at]!);
    this.campaigns[at] = next;
    return structuredClone(next);
  }

  /** Pushes an event with the next sequence number. */
  emit(input: AppEventInput): AppEvent {
    const event = { ...input, seq: ++this.seq };
    for (const listener of [...this.listeners]) listener(event);
    return event;
  }

  /** Pretends `count` events were emitted while this window was not listening. */
  skipEvents(count: number): void {
    this.seq += count;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The next call of `name` is refused with this error. */
  failNext(name: ChannelName, error: ApiError): void {
    this.failures.set(name, [...(this.failures.get(name) ?? []), error]);
  }

  /** Answers to calls of `name` wait until the returned function is called. */
  hold(name: ChannelName): () => void {
    let release = (): void => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.gates.set(name, { promise, release });
    return () => {
      this.gates.delete(name);
      release();
    };
  }

  callsOf(name: ChannelName): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }

  conversation(id: number): Conversation {
    const c = this.conversations.find((x) => x.id === id);
    if (!c) throw new Error(`fake: no conversation ${id}`);
    return c;
  }

  /** A member texts in: the message is stored, the conversation updated and messagesAdded pushed. */
  receive(conversationId: number, body: string, sentAt = new Date(FAKE_NOW).toISOString()): Message {
    const message = makeMessage({ conversationId, body, sentAt, senderName: this.conversation(conversationId).memberName });
    this.messages.push(message);
    this.update(conversationId, (c) => ({
      ...c,
      lastMessageAt: sentAt,
      lastMessagePreview: body,
      unreadCount: c.unreadCount + 1,
      requiresResponse: true,
      waitingSince: c.waitingSince ?? sentAt,
    }));
    this.emit(this.addedEvent([conversationId], [message]));
    return message;
  }

  // --- the API -------------------------------------------------------------------------------

  private update(id: number, change: (c: Conversation) => Conversation): Conversation {
    const index = this.conversations.findIndex((c) => c.id === id);
    const current = this.conversations[index];
    if (!current) throw new Refusal({ code: 'not_found', message: 'That conversation no longer exists.' });
    const next = change(current);
    this.conversations[index] = next;
    return next;
  }

  private changed(c: Conversation): Conversation {
    if (this.emitOnActions) this.emit({ type: 'conversationUpdated', conversation: c, counts: this.counts(), ownerCounts: this.counts(c.ownerId) });
    return c;
  }

  /** Counts as getCounts answers them. */
  counts(ownerId?: string): Counts {
    const mine = this.conversations.filter((c) => ownerId === undefined || c.ownerId === ownerId);
    const filters = { all: 0, unread: 0, needs_reply: 0, snoozed: 0, resolved: 0, archived: 0, mine: 0 } satisfies Record<ListFilter, number>;
    for (const f of Object.keys(filters) as ListFilter[]) filters[f] = mine.filter((c) => matchesFilter(c, f)).length;
    const tagCounts = new Map<string, number>();
    for (const c of mine) for (const t of new Set([...c.tags, ...(c.intent ? [c.intent] : [])])) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    return {
      filters,
      tags: [...tagCounts].map(([tag, count]) => ({ tag, count })),
      unreadTotal: mine.reduce((n, c) => n + c.unreadCount, 0),
    };
  }

  /** A messagesAdded event as the core sends it: the conversations as they now are, the counts, the messages. */
  addedEvent(conversationIds: number[], messages: Message[] | null, { count = messages?.length ?? 0, quiet = false, ownerId = '100' } = {}): AppEventInput {
    return {
      type: 'messagesAdded',
      ownerId,
      conversationIds,
      count,
      quiet,
      messages,
      conversations: this.conversations.filter((c) => conversationIds.includes(c.id)),
      counts: this.counts(),
      ownerCounts: this.counts(ownerId),
    };
  }

  private threadOf(conversationId: number): Message[] {
    return this.messages.filter((m) => m.conversationId === conversationId);
  }

  private async run<K extends ChannelName>(name: K, args: ArgsInput<K> | undefined, work: () => Result<K>): Promise<Outcome<Result<K>>> {
    this.calls.push({ name, args: args ?? {} });
    // What Electron IPC delivers, the main process checks: a field set to undefined, a Date or a
    // Map is refused there, so it is refused here too.
    const notData = plainDataProblem(args ?? {});
    if (notData) {
      await Promise.resolve();
      return { ok: false, error: { code: 'invalid_argument', message: `${name}: ${notData}` } };
    }
    // The core does the work when asked; a held call only delays the answer, as a slow bridge would.
    const outcome = this.answer(name, work);
    const gate = this.gates.get(name);
    if (gate) await gate.promise;
    // A real bridge always answers asynchronously.
    await Promise.resolve();
    return outcome;
  }

  private answer<K extends ChannelName>(name: K, work: () => Result<K>): Outcome<Result<K>> {
    const failure = this.failures.get(name)?.shift();
    if (failure) return { ok: false, error: failure };
    try {
      return { ok: true, value: work() };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.apiError };
      throw error;
    }
  }

  /** Team mode, as a desk alone. */
  me: StaffMember = { id: 'frontdesk', name: 'Frontdesk' };
  notes: InternalNote[] = [];
  teamStatus(): TeamStatus {
    return { state: 'off', server: null, lastError: null, pendingOutbox: 0, lastSyncAt: null, me: this.me, deskId: 'desk-1', pollers: [], secretStorage: 'os' };
  }

  private buildApi(): FrontdeskApi {
    const page = <T>(items: T[], cursor: string | null | undefined, limit: number | undefined): { items: T[]; next: string | null } => {
      const start = cursor ? Number(cursor) : 0;
      const size = limit ?? 50;
      const slice = items.slice(start, start + size);
      return { items: slice, next: start + size < items.length ? String(start + size) : null };
    };
    const counts = (ownerId?: string): Counts => this.counts(ownerId);
    const status = (): SyncStatus => structuredClone(this.syncStatus);

    return {
      appInfo: (a) => this.run('appInfo', a, () => ({ name: 'Frontdesk', version: '0.1.0', platform: 'linux' })),
      getStartupNotice: (a) => this.run('getStartupNotice', a, () => ({ notice: this.startupNotice })),
      listConversations: (a) =>
        this.run('listConversations', a, () => {
          const filter = a?.filter ?? 'all';
          const all = this.conversations
            .filter((c) => matchesFilter(c, filter))
            .filter((c) => a?.ownerId === undefined || c.ownerId === a.ownerId)
            .filter((c) => a?.tag === undefined || c.tags.includes(a.tag) || c.intent === a.tag)
            .filter((c) => !a?.query || c.memberName.toLowerCase().includes(a.query.toLowerCase()))
            .sort(listOrder(a?.sort ?? 'newest'));
          const { items, next } = page(all, a?.cursor, a?.limit);
          return { items: structuredClone(items), nextCursor: next };
        }),
      getConversation: (a) => this.run('getConversation', a, () => structuredClone(this.update(a!.conversationId, (c) => c))),
      getCounts: (a) => this.run('getCounts', a, () => counts(a?.ownerId)),
      listMessages: (a) =>
        this.run('listMessages', a, () => {
          const thread = this.threadOf(a!.conversationId);
          const end = a?.before ? thread.findIndex((m) => String(m.id) === a.before) : thread.length;
          const limit = a?.limit ?? 50;
          const start = Math.max(0, end - limit);
          const items = thread.slice(start, end);
          return { items: structuredClone(items), prevCursor: start > 0 && items[0] ? String(items[0].id) : null };
        }),
      markRead: (a) =>
        this.run('markRead', a, () => {
          for (const m of this.threadOf(a!.conversationId)) m.readAt ??= new Date(FAKE_NOW).toISOString();
          return this.changed(this.update(a!.conversationId, (c) => ({ ...c, unreadCount: 0 })));
        }),
      markUnread: (a) =>
        this.run('markUnread', a, () => this.changed(this.update(a!.conversationId, (c) => ({ ...c, unreadCount: Math.max(1, c.unreadCount) })))),
      setStatus: (a) =>
        this.run('setStatus', a, () =>
          this.changed(this.update(a!.conversationId, (c) => ({ ...c, status: a!.status, snoozedUntil: a!.snoozedUntil ?? null }))),
        ),
      markHandled: (a) =>
        this.run('markHandled', a, () =>
          this.changed(this.update(a!.conversationId, (c) => ({ ...c, requiresResponse: false, waitingSince: null, handledAt: new Date(FAKE_NOW).toISOString() }))),
        ),
      restoreHandled: (a) =>
        this.run('restoreHandled', a, () => this.changed(this.update(a!.conversationId, (c) => ({ ...c, handledAt: a!.handledAt })))),
      setTags: (a) => this.run('setTags', a, () => this.changed(this.update(a!.conversationId, (c) => ({ ...c, tags: [...a!.tags] })))),
      fetchHistory: (a) =>
        this.run('fetchHistory', a, () => {
          const found = this.history.filter((m) => m.conversationId === a!.conversationId);
          this.history = this.history.filter((m) => m.conversationId !== a!.conversationId);
          this.messages = [...found, ...this.messages];
          return { added: found.length };
        }),
      search: (a) =>
        this.run('search', a, () => {
          const query = a!.query.trim().toLowerCase();
          const hits: SearchHit[] = this.messages
            .filter((m) => query !== '' && m.body.toLowerCase().includes(query))
            .filter((m) => a?.ownerId === undefined || m.ownerId === a.ownerId)
            .map((m) => ({
              messageId: m.id,
              conversationId: m.conversationId,
              memberName: this.conversations.find((c) => c.id === m.conversationId)?.memberName ?? '',
              sentAt: m.sentAt,
              direction: m.direction,
              snippet: snippetOf(m.body, a!.query.trim()),
            }));
          const { items, next } = page(hits, a?.cursor, a?.limit);
          return { hits: items, nextCursor: next, ...(a?.withTotal && !a.cursor ? { total: hits.length } : {}) };
        }),
      searchPeople: (a) =>
        this.run('searchPeople', a, () => {
          const words = a!.query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
          const people = words.length === 0 ? [] : this.conversations.filter((c) => words.every((w) => c.memberName.toLowerCase().includes(w)));
          return { people: people.slice(0, a?.limit ?? 10) };
        }),
      listReplyTemplates: (a) => this.run('listReplyTemplates', a, () => ({ templates: this.templates.map((t) => ({ ...t })) })),
      setReplyTemplate: (a) =>
        this.run('setReplyTemplate', a, () => {
          const t = this.templates.find((x) => x.id === a!.id);
          if (!t) throw new Refusal({ code: 'not_found', message: `There is no reply template ${a!.id}.` });
          t.text = a!.text ?? t.defaultText;
          t.edited = a!.text !== null;
          return { templates: this.templates.map((x) => ({ ...x })) };
        }),
      suggestReplies: (a) =>
        this.run('suggestReplies', a, () => {
          const intent = this.update(a!.conversationId, (c) => c).intent;
          return { suggestions: this.suggestions.filter((s) => s.intent === intent) };
        }),
      sendReply: (a) =>
        this.run('sendReply', a, () => {
          const conversation = this.update(a!.conversationId, (c) => c);
          if (a!.channel === 'sms' && conversation.optedOut) {
            throw new Refusal({ code: 'opted_out', message: 'This member opted out of texts.' });
          }
          const message = makeMessage({
            conversationId: a!.conversationId,
            direction: 'outbound',
            channel: a!.channel,
            senderName: 'Front Desk',
            body: a!.body.trim(),
            sentAt: new Date(FAKE_NOW).toISOString(),
            readAt: new Date(FAKE_NOW).toISOString(),
          });
          this.messages.push(message);
          this.changed(
            this.update(a!.conversationId, (c) => ({
              ...c,
              lastMessageAt: message.sentAt,
              lastMessagePreview: message.body,
              requiresResponse: false,
              waitingSince: null,
            })),
          );
          return structuredClone(message);
        }),
      syncNow: (a) => this.run('syncNow', a, status),
      getSyncStatus: (a) => this.run('getSyncStatus', a, status),
      startPolling: (a) =>
        this.run('startPolling', a, () => {
          this.syncStatus.polling = true;
          return status();
        }),
      stopPolling: (a) =>
        this.run('stopPolling', a, () => {
          this.syncStatus.polling = false;
          return status();
        }),
      setPollInterval: (a) =>
        this.run('setPollInterval', a, () => {
          this.syncStatus.intervalSeconds = a!.seconds;
          return status();
        }),
      listOwners: (a) => this.run('listOwners', a, () => ({ owners: structuredClone(this.owners), available: structuredClone(this.available) })),
      addOwner: (a) =>
        this.run('addOwner', a, () => {
          const owner = { id: a!.ownerId, name: a!.name ?? a!.ownerId, enabled: true };
          this.owners.push(owner);
          return owner;
        }),
      removeOwner: (a) =>
        this.run('removeOwner', a, () => {
          this.owners = this.owners.filter((o) => o.id !== a!.ownerId);
          return { ok: true as const };
        }),
      getSettings: (a) => this.run('getSettings', a, () => ({ ...this.settings })),
      setSettings: (a) =>
        this.run('setSettings', a, () => {
          this.settings = { ...this.settings, ...a };
          return { ...this.settings };
        }),
      getAccount: (a) => this.run('getAccount', a, () => ({ ...this.account })),
      signIn: (a) =>
        this.run('signIn', a, () => {
          if (a!.password !== 'correct horse') throw new Refusal({ code: 'clubos_credentials', message: 'ClubOS did not accept that username and password.' });
          this.account = { ...this.account, mode: 'signed_in', username: a!.username, baseUrl: a!.baseUrl ?? 'https://anytime.club-os.com' };
          return { ...this.account };
        }),
      signOut: (a) =>
        this.run('signOut', a, () => {
          this.account = { ...this.account, mode: 'demo', username: null };
          return { ...this.account };
        }),
      getKnowledge: (a) => this.run('getKnowledge', a, () => structuredClone(this.knowledge)),
      saveKnowledge: (a) =>
        this.run('saveKnowledge', a, () => {
          this.knowledge = { knowledge: knowledgeSchema.parse(a!.knowledge), version: (this.knowledge.version ?? 0) + 1, savedAt: new Date(FAKE_NOW).toISOString() };
          return structuredClone(this.knowledge);
        }),
      exportKnowledge: (a) => this.run('exportKnowledge', a, () => ({ fileName: 'frontdesk-knowledge.json', content: JSON.stringify(this.knowledge.knowledge) })),
      importKnowledge: (a) =>
        this.run('importKnowledge', a, () => {
          let json: unknown;
          try {
            json = JSON.parse(a!.content);
          } catch {
            throw new Refusal({ code: 'invalid_argument', message: 'That file is not JSON.' });
          }
          const parsed = knowledgeFileSchema.safeParse(json);
          if (!parsed.success) throw new Refusal({ code: 'invalid_argument', message: 'That file is not a Frontdesk knowledge export. Nothing was changed.' });
          this.knowledge = { knowledge: parsed.data.knowledge, version: (this.knowledge.version ?? 0) + 1, savedAt: new Date(FAKE_NOW).toISOString() };
          return structuredClone(this.knowledge);
        }),
      getAssistant: (a) => this.run('getAssistant', a, () => structuredClone(this.assistant)),
      setAssistant: (a) =>
        this.run('setAssistant', a, () => {
          this.assistant = { ...this.assistant, settings: assistantSettingsSchema.parse(a!.settings) };
          return structuredClone(this.assistant);
        }),
      setAssistantApiKey: (a) =>
        this.run('setAssistantApiKey', a, () => {
          this.assistant = { ...this.assistant, apiKeyStored: a!.apiKey !== null };
          return structuredClone(this.assistant);
        }),
      draftReply: (a) =>
        this.run('draftReply', a, () => {
          // A model streams its answer first, as the core does.
          for (const text of this.draftStream) this.emit({ type: 'draftProgress', requestId: a!.requestId, conversationId: a!.conversationId, text });
          return structuredClone(this.draftResult);
        }),
      openDraft: (a) =>
        this.run('openDraft', a, () => ({
          draft: structuredClone(this.queue.find((d) => d.conversationId === a!.conversationId && (d.status === 'pending' || d.status === 'suggested')) ?? null),
        })),
      listApprovalQueue: (a) => this.run('listApprovalQueue', a, () => ({ items: structuredClone(this.queue.filter((d) => d.status === 'pending')) })),
      decideDraft: (a) =>
        this.run('decideDraft', a, () => {
          const d = this.queue.find((x) => x.id === a!.draftId);
          if (!d) throw new Refusal({ code: 'not_found', message: `Draft ${a!.draftId} does not exist.` });
          if (d.status !== 'pending') throw new Refusal({ code: 'conflict', message: `This draft was already ${d.status}.` });
          d.status = a!.decision === 'approve' ? 'sent' : 'rejected';
          if (a!.body !== undefined) d.body = a!.body;
          this.emit({ type: 'approvalQueueChanged', pending: this.queue.filter((x) => x.status === 'pending').length });
          return structuredClone(d);
        }),
      approveDrafts: (a) =>
        this.run('approveDrafts', a, () => {
          const results = a!.draftIds.map((draftId) => {
            const d = this.queue.find((x) => x.id === draftId);
            if (!d || d.status !== 'pending') return { draftId, ok: false, error: { code: 'conflict' as const, message: 'Already decided.' } };
            d.status = 'sent';
            return { draftId, ok: true, error: null };
          });
          this.emit({ type: 'approvalQueueChanged', pending: this.queue.filter((x) => x.status === 'pending').length });
          return { results };
        }),
      listActions: (a) =>
        this.run('listActions', a, () => ({
          items: structuredClone(
            this.actions
              .filter((x) => a?.conversationId === undefined || x.conversationId === a.conversationId)
              .filter((x) => a?.kinds === undefined || a.kinds.includes(x.kind))
              .filter((x) => a?.beforeId === undefined || x.id < a.beforeId)
              .slice(0, a?.limit ?? 100),
          ),
        })),
      exportActionLog: (a) => this.run('exportActionLog', a, () => ({ fileName: 'frontdesk-action-log.csv', content: 'id,at,kind\r\n' })),
      getReport: (a) => this.run('getReport', a, () => structuredClone(this.report)),
      exportReportCsv: (a) => this.run('exportReportCsv', a, () => ({ fileName: 'frontdesk-response-times.csv', content: this.reportCsv })),
      setClubTimeZone: (a) =>
        this.run('setClubTimeZone', a, () => {
          this.account = { ...this.account, clubTimeZone: a!.timeZone, clubTimeZoneSource: 'confirmed' };
          return { ...this.account };
        }),
      scheduleSend: (a) =>
        this.run('scheduleSend', a, () => this.addScheduled({ kind: 'send', conversationId: a!.conversationId, channel: a!.channel, body: a!.body, dueAt: a!.dueAt })),
      scheduleReminder: (a) => this.run('scheduleReminder', a, () => this.addScheduled({ kind: 'remind', conversationId: a!.conversationId, channel: null, body: null, dueAt: a!.dueAt })),
      listScheduled: (a) => this.run('listScheduled', a, () => ({ items: structuredClone(this.scheduled.filter((i) => i.conversationId === a!.conversationId)) })),
      cancelScheduled: (a) => this.run('cancelScheduled', a, () => this.moveScheduled(a!.id, 'cancelled')),
      confirmScheduled: (a) => this.run('confirmScheduled', a, () => this.moveScheduled(a!.id, a!.send ? 'pending' : 'cancelled')),
      searchMembers: (a) => this.run('searchMembers', a, () => ({ member: null })),
      listMergeFields: (a) => this.run('listMergeFields', a, () => ({ fields: [{ name: 'firstName', label: 'First name' }] })),
      createCampaign: (a) =>
        this.run('createCampaign', a, () => {
          const campaign: CampaignView = {
            id: this.campaigns.length + 1,
            name: a!.name,
            body: a!.body,
            source: a!.source.kind,
            state: 'draft',
            ratePerMinute: a!.ratePerMinute,
            sendingHours: a!.sendingHours === undefined ? { from: '08:00', to: '21:00' } : a!.sendingHours,
            approvedBy: null,
            approvedAt: null,
            createdAt: new Date(FAKE_NOW).toISOString(),
            finishedAt: null,
            counts: { total: 0, queued: 0, sending: 0, sent: 0, skipped: 0, failed: 0 },
          };
          this.campaigns.push(campaign);
          return structuredClone(campaign);
        }),
      updateCampaignText: (a) => this.run('updateCampaignText', a, () => this.moveCampaign(a!.campaignId, (c) => ({ ...c, body: a!.body }))),
      listCampaigns: (a) => this.run('listCampaigns', a, () => ({ campaigns: structuredClone(this.campaigns) })),
      getCampaign: (a) => this.run('getCampaign', a, () => ({ campaign: this.moveCampaign(a!.campaignId, (c) => c), recipients: [] })),
      approveCampaign: (a) =>
        this.run('approveCampaign', a, () => this.moveCampaign(a!.campaignId, (c) => ({ ...c, state: 'running', approvedBy: a!.approvedBy, approvedAt: new Date(FAKE_NOW).toISOString() }))),
      pauseCampaign: (a) => this.run('pauseCampaign', a, () => this.moveCampaign(a!.campaignId, (c) => ({ ...c, state: 'paused' }))),
      resumeCampaign: (a) => this.run('resumeCampaign', a, () => this.moveCampaign(a!.campaignId, (c) => ({ ...c, state: 'running' }))),
      cancelCampaign: (a) => this.run('cancelCampaign', a, () => this.moveCampaign(a!.campaignId, (c) => ({ ...c, state: 'cancelled' }))),
      getOutreachSettings: (a) => this.run('getOutreachSettings', a, () => structuredClone(DEFAULT_OUTREACH_SETTINGS)),
      setOutreachSettings: (a) => this.run('setOutreachSettings', a, () => ({ ...structuredClone(DEFAULT_OUTREACH_SETTINGS), ...a })),
      // Team mode: a desk alone (the UI's own tests extend these).
      getTeam: (a) => this.run('getTeam', a, () => this.teamStatus()),
      setTeam: (a) => this.run('setTeam', a, () => this.teamStatus()),
      testTeamConnection: (a) => this.run('testTeamConnection', a, () => ({ ok: true, message: 'Connected.', serverVersion: '15.0' })),
      setStaffName: (a) =>
        this.run('setStaffName', a, () => {
          this.me = { ...this.me, name: a?.name ?? this.me.name };
          return this.teamStatus();
        }),
      listStaff: (a) => this.run('listStaff', a, () => ({ staff: [{ ...this.me, lastSeenAt: null, online: true, isMe: true }] })),
      addNote: (a) =>
        this.run('addNote', a, () => {
          const note = { id: this.notes.length + 1, uid: `note-${this.notes.length + 1}-0000`, conversationId: a!.conversationId, author: this.me, body: a!.body, createdAt: new Date().toISOString() };
          this.notes.push(note);
          return note;
        }),
      listNotes: (a) => this.run('listNotes', a, () => ({ items: this.notes.filter((n) => n.conversationId === a?.conversationId) })),
      assignConversation: (a) =>
        this.run('assignConversation', a, () => {
          const c = this.conversations.find((x) => x.id === a?.conversationId);
          if (!c) throw new Error('no such conversation');
          c.assignee = a?.to.kind === 'me' ? this.me : null;
          return this.changed(structuredClone(c));
        }),
      setPresence: (a) => this.run('setPresence', a, () => ({ ok: true as const })),
      getConversationTeam: (a) =>
        this.run('getConversationTeam', a, () => ({ conversationId: a!.conversationId, assignee: null, assignedAt: null, readers: [], presence: [], authors: [] })),
      checkCollision: (a) => this.run('checkCollision', a, () => ({ collision: null })),
      listTeamCampaigns: (a) => this.run('listTeamCampaigns', a, () => ({ items: [] })),
      onEvent: (listener) => {
        this.listeners.add(listener);
        return () => {
          this.listeners.delete(listener);
        };
      },
    };
  }
}
