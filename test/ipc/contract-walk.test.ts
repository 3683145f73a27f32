import { describe, expect, it } from 'vitest';
import { channelNames, channels, requestChannel, type ArgsInput, type ChannelName } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { registerHandlers, type IpcMainLike, type InvokeListener } from '../../main/ipc/register-handlers';
import { createSenderCheck, type InvokeEventLike } from '../../main/ipc/sender-check';
import { fakeHandlers } from '../main/fake-core';

/** One valid argument object per channel; typed so a new channel fails to compile until added. */
const validArgs: { [K in ChannelName]: ArgsInput<K> } = {
  appInfo: {},
  getStartupNotice: {},
  listConversations: { filter: 'unread', tag: 'vip', limit: 50 },
  getConversation: { conversationId: 1 },
  getCounts: { ownerId: '100000001' },
  listMessages: { conversationId: 1, before: null, limit: 20 },
  markRead: { conversationId: 1 },
  markUnread: { conversationId: 1, messageId: 3 },
  setStatus: { conversationId: 1, status: 'snoozed', snoozedUntil: '2026-03-03T15:00:00Z' },
  markHandled: { conversationId: 1 },
  restoreHandled: { conversationId: 1, handledAt: null },
  setTags: { conversationId: 1, tags: ['vip', 'billing'] },
  fetchHistory: { conversationId: 1 },
  search: { query: 'freeze' },
  searchPeople: { query: 'ana' },
  suggestReplies: { conversationId: 1 },
  sendReply: { conversationId: 1, channel: 'sms', body: 'See you at 6!' },
  listReplyTemplates: {},
  setReplyTemplate: { id: 'billing.look-into', text: 'Hi {firstName}, on it!' },
  syncNow: { ownerId: '100000001' },
  getSyncStatus: {},
  startPolling: {},
  stopPolling: {},
  setPollInterval: { seconds: 30 },
  listOwners: {},
  addOwner: { ownerId: '100000002', name: 'Sam' },
  removeOwner: { ownerId: '100000002' },
  getSettings: {},
  setSettings: { notifications: 'count_only' },
  getAccount: {},
  signIn: { username: 'frontdesk', password: 'correct horse battery' },
  signOut: {},
  getKnowledge: {},
  saveKnowledge: { knowledge: { address: '1 Main St', staffedHours: { mon: [{ from: '09:00', to: '17:00' }] } } },
  exportKnowledge: {},
  importKnowledge: { content: '{"format":"frontdesk-knowledge"}' },
  getAssistant: {},
  setAssistant: {
    settings: {
      policy: { question_about_schedule: 'auto' },
      autoThreshold: 0.9,
      hourlyCap: 10,
      autoAfterHours: false,
      afterHoursAck: { enabled: true, text: 'Closed now; back at {opening}.' },
      model: { enabled: false, baseUrl: '', model: '', timeoutSeconds: 30 },
    },
  },
  setAssistantApiKey: { apiKey: null },
  draftReply: { conversationId: 1, requestId: 'r-1' },
  openDraft: { conversationId: 1 },
  listApprovalQueue: {},
  decideDraft: { draftId: 3, decision: 'approve', body: 'Edited reply' },
  approveDrafts: { draftIds: [3, 4] },
  listActions: { conversationId: 1, limit: 50 },
  exportActionLog: {},
  getReport: { days: 7 },
  exportReportCsv: { days: 30 },
  setClubTimeZone: { timeZone: 'America/Chicago' },
  scheduleSend: { conversationId: 1, channel: 'sms', body: 'See you at 6, {firstName}!', dueAt: '2026-03-03T15:00:00Z' },
  scheduleReminder: { conversationId: 1, dueAt: '2026-03-05T15:00:00Z' },
  listScheduled: { conversationId: 1 },
  cancelScheduled: { id: 4 },
  confirmScheduled: { id: 4, send: true },
  searchMembers: { name: 'Jane Doe' },
  listMergeFields: {},
  createCampaign: { name: 'Holiday hours', body: 'Hi {firstName}, we close at 2 pm on Friday.', source: { kind: 'conversations', tag: 'vip' }, ratePerMinute: 20 },
  updateCampaignText: { campaignId: 1, body: 'Hi {firstName}!' },
  listCampaigns: {},
  getCampaign: { campaignId: 1, state: 'skipped' },
  approveCampaign: { campaignId: 1, approvedBy: 'Alex Morgan' },
  pauseCampaign: { campaignId: 1 },
  resumeCampaign: { campaignId: 1 },
  cancelCampaign: { campaignId: 1 },
  getOutreachSettings: {},
  setOutreachSettings: { lateLimitMinutes: 30 },
  getTeam: {},
  setTeam: { connectionString: 'postgres://desk:secret@127.0.0.1:5432/frontdesk' },
  testTeamConnection: {},
  setStaffName: { name: 'Jordan' },
  listStaff: {},
  addNote: { conversationId: 1, body: 'Called her back, waiting on billing.' },
  listNotes: { conversationId: 1 },
  assignConversation: { conversationId: 1, to: { kind: 'me' } },
  setPresence: { conversationId: 1, state: 'viewing' },
  getConversationTeam: { conversationId: 1 },
  checkCollision: { conversationId: 1 },
  listTeamCampaigns: {},
};

const OWN_CONTENTS = 7;
const APP_URL = 'file:///opt/Frontdesk/resources/app.asar/out/renderer/index.html';
const appFrame = { url: APP_URL, parent: null };
const trusted: InvokeEventLike = { sender: { id: OWN_CONTENTS }, senderFrame: appFrame };

const foreignSenders: Record<string, InvokeEventLike> = {
  'a file:// iframe inside the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'file:///tmp/x.html', parent: appFrame } },
  'a file:// page in a window the app did not create': { sender: { id: 99 }, senderFrame: { url: APP_URL, parent: null } },
  'https://evil in the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'https://evil.example/', parent: null } },
  'an https iframe in the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'https://evil.example/', parent: appFrame } },
  'the devtools window': { sender: { id: 12 }, senderFrame: { url: 'devtools://devtools/bundled/devtools_app.html', parent: null } },
  'a devtools frame in the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'devtools://devtools/bundled/devtools_app.html', parent: null } },
  'about:blank in the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'about:blank', parent: null } },
  'an about:blank iframe': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'about:blank', parent: appFrame } },
  'a frame that is gone': { sender: { id: OWN_CONTENTS }, senderFrame: null },
  'the dev server origin when not in development': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'http://localhost:5173/', parent: null } },
  'another file:// page, top level in the app window': { sender: { id: OWN_CONTENTS }, senderFrame: { url: 'file:///tmp/evil.html', parent: null } },
  'a file:// page beside the app page': {
    sender: { id: OWN_CONTENTS },
    senderFrame: { url: 'file:///opt/Frontdesk/resources/app.asar/out/renderer/other.html', parent: null },
  },
  'the app page with a query': { sender: { id: OWN_CONTENTS }, senderFrame: { url: `${APP_URL}?inject=1`, parent: null } },
  'the app path on a file:// host': {
    sender: { id: OWN_CONTENTS },
    senderFrame: { url: 'file://attacker/opt/Frontdesk/resources/app.asar/out/renderer/index.html', parent: null },
  },
};

class Instance {
  constructor(readonly conversationId = 1) {}
}

/** Values that zod's object schemas would otherwise take as `{}`, or that are not plain data. */
const notPlainObjects: Record<string, () => unknown> = {
  null: () => null,
  'no argument at all': () => undefined,
  'a Date': () => new Date(0),
  'a Map': () => new Map([['conversationId', 1]]),
  'a Set': () => new Set(),
  'a RegExp': () => /x/,
  'an object without a prototype': () => Object.create(null) as unknown,
  'a class instance': () => new Instance(),
  'an object whose prototype carries the fields': () => Object.create({ conversationId: 1, ownerId: '1' }) as unknown,
  'a boxed string': () => Object('x') as unknown,
  'a function': () => () => 1,
};

function fakeIpcMain(): IpcMainLike & { listeners: Map<string, InvokeListener> } {
  const listeners = new Map<string, InvokeListener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler(channel) {
      listeners.delete(channel);
    },
  };
}

function setup(appPageUrl = APP_URL) {
  const ipc = fakeIpcMain();
  const handlers = fakeHandlers();
  const logger = memoryLogger();
  const isTrustedSender = createSenderCheck({ isOwnContents: (id) => id === OWN_CONTENTS, appPageUrl });
  const unregister = registerHandlers(ipc, handlers, { isTrustedSender, logger });
  const invoke = (name: ChannelName, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = ipc.listeners.get(requestChannel(name));
    if (!listener) throw new Error(`${name} is not registered`);
    return listener(event, ...args);
  };
  return { ipc, handlers, logger, unregister, invoke };
}

const calls = (handlers: ReturnType<typeof fakeHandlers>, name: ChannelName) => handlers[name].mock.calls.length;

describe('IPC registration walks the contract', () => {
  it('registers exactly one handler per channel and unregisters them all', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.listeners.keys()].sort()).toEqual(channelNames.map(requestChannel).sort());
    unregister();
    expect(ipc.listeners.size).toBe(0);
  });

  describe.each(channelNames)('%s', (name) => {
    it('passes valid arguments, parsed, to the handler and returns its value', async () => {
      const { handlers, invoke } = setup();
      const outcome = await invoke(name, trusted, validArgs[name]);
      expect(outcome).toMatchObject({ ok: true });
      expect(calls(handlers, name)).toBe(1);
      expect(handlers[name].mock.calls[0]![0]).toEqual(channels[name].args.parse(validArgs[name]));
      expect(outcome).toEqual({ ok: true, value: await (handlers[name].mock.results[0]!.value as Promise<unknown>) });
    });

    it.each(Object.entries(foreignSenders))('refuses %s', async (_label, event) => {
      const { handlers, invoke, logger } = setup();
      const outcome = await invoke(name, event, validArgs[name]);
      expect(outcome).toEqual({ ok: false, error: { code: 'forbidden_sender', message: expect.any(String) as string } });
      expect(calls(handlers, name)).toBe(0);
      expect(logger.lines.some((l) => l.level === 'warn' && l.fields['channel'] === name)).toBe(true);
    });

    it('refuses an extra key', async () => {
      const { handlers, invoke } = setup();
      const outcome = await invoke(name, trusted, { ...validArgs[name], injected: true });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(calls(handlers, name)).toBe(0);
    });

    it('refuses arguments that are not an object', async () => {
      const { handlers, invoke } = setup();
      for (const bad of [42, 'x', true, [validArgs[name]]]) {
        const outcome = await invoke(name, trusted, bad);
        expect(outcome, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      }
      expect(calls(handlers, name)).toBe(0);
    });

    it('refuses each field with a wrong type', async () => {
      const { handlers, invoke } = setup();
      for (const key of Object.keys(validArgs[name])) {
        const outcome = await invoke(name, trusted, { ...validArgs[name], [key]: { wrong: true } });
        expect(outcome, key).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining(key) as string } });
      }
      expect(calls(handlers, name)).toBe(0);
    });

    it.each(Object.entries(notPlainObjects))('refuses %s as the argument', async (_label, make) => {
      const { handlers, invoke } = setup();
      const outcome = await invoke(name, trusted, make());
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(calls(handlers, name)).toBe(0);
    });

    it('refuses each field explicitly set to undefined, given or optional', async () => {
      const { handlers, invoke } = setup();
      const shape = (channels[name].args as unknown as { shape?: Record<string, unknown> }).shape;
      const keys = new Set([...Object.keys(validArgs[name]), ...Object.keys(shape ?? {})]);
      for (const key of keys) {
        const outcome = await invoke(name, trusted, { ...validArgs[name], [key]: undefined });
        expect(outcome, key).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining(key) as string } });
      }
      expect(calls(handlers, name)).toBe(0);
    });

    it('refuses fields that are not plain data (a Date, a Map, an accessor, a symbol key)', async () => {
      const { handlers, invoke } = setup();
      const bad: unknown[] = [
        { ...validArgs[name], extra: new Date(0) },
        { ...validArgs[name], extra: new Map() },
        Object.defineProperty({ ...validArgs[name] }, 'conversationId', { get: () => 1, enumerable: true }),
        { ...validArgs[name], [Symbol('x')]: 1 },
      ];
      for (const args of bad) expect(await invoke(name, trusted, args)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(calls(handlers, name)).toBe(0);
    });

    it('refuses a second positional argument', async () => {
      const { handlers, invoke } = setup();
      const outcome = await invoke(name, trusted, validArgs[name], { more: 1 });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(calls(handlers, name)).toBe(0);
    });
  });

  it('refuses undefined and holes inside arrays and nested objects', async () => {
    const { handlers, invoke } = setup();
    // eslint-disable-next-line no-sparse-arrays
    for (const tags of [['vip', undefined], ['vip', , 'x'], [new Date(0)], [{}]]) {
      expect(await invoke('setTags', trusted, { conversationId: 1, tags }), JSON.stringify(tags)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    }
    expect(await invoke('setSettings', trusted, { pollIntervalSeconds: undefined })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('pollIntervalSeconds') as string },
    });
    expect(calls(handlers, 'setTags') + calls(handlers, 'setSettings')).toBe(0);
    expect(await invoke('setSettings', trusted, {})).toMatchObject({ ok: true });
  });

  it('accepts the dev server page in development, and nothing else on localhost', async () => {
    const { handlers, invoke } = setup('http://localhost:5173');
    const dev = (url: string): InvokeEventLike => ({ sender: { id: OWN_CONTENTS }, senderFrame: { url, parent: null } });
    expect(await invoke('getSettings', dev('http://localhost:5173/#/inbox'), {})).toMatchObject({ ok: true });
    expect(await invoke('getSettings', dev('http://localhost:5174/'), {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(calls(handlers, 'getSettings')).toBe(1);
  });

  it('turns a handler crash into an internal error without the raw message', async () => {
    const { handlers, invoke, logger } = setup();
    handlers.markRead.mockRejectedValueOnce(new Error('SQLITE_CORRUPT: database disk image is malformed'));
    const outcome = await invoke('markRead', trusted, { conversationId: 1 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('SQLITE');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('never logs the arguments of a refused sign-in', async () => {
    const { invoke, logger } = setup();
    await invoke('signIn', foreignSenders['https://evil in the app window']!, validArgs.signIn);
    await invoke('signIn', trusted, { ...validArgs.signIn, extra: 1 });
    await invoke('signIn', trusted, validArgs.signIn);
    expect(JSON.stringify(logger.lines)).not.toContain('correct horse battery');
  });
});
