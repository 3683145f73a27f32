// The contract walk, second half: ids must name something that exists. Runs the real core (demo
// mode against the built-in simulator) through the same IPC registration as the app, so a
// well-formed id that names nothing is refused with `not_found` and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannel, type ChannelName, type Outcome } from '../../common/contract';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { registerHandlers, type InvokeListener } from '../../main/ipc/register-handlers';
import { createSenderCheck, type InvokeEventLike } from '../../main/ipc/sender-check';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { chicago, tempDir, type TempDir } from '../sync/sync-rig';

const APP_URL = 'file:///opt/Frontdesk/resources/app.asar/out/renderer/index.html';
const trusted: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: APP_URL, parent: null } };
const MISSING_ID = 999_999;
const UNKNOWN_OWNER = '987654321';

let dir: TempDir;
let core: Core;
const listeners = new Map<string, InvokeListener>();
const invoke = async (name: ChannelName, args: unknown): Promise<Outcome<unknown>> =>
  (await listeners.get(requestChannel(name))!(trusted, args)) as Outcome<unknown>;
const value = async <T,>(name: ChannelName, args: unknown): Promise<T> => {
  const outcome = await invoke(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value as T;
};

beforeAll(async () => {
  dir = tempDir('frontdesk-ids-');
  core = await createCore({
    syncIn: 'main', // the manual clock drives sync too
    dataDir: dir.dir,
    clock: manualClock(chicago(2026, 12, 7, 11, 0)),
    logger: memoryLogger(),
    credentials: memoryCredentialStore(),
    demo: { seed: 5, historyDays: 3 },
  });
  registerHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener), removeHandler: (channel) => listeners.delete(channel) },
    core.handlers,
    { isTrustedSender: createSenderCheck({ isOwnContents: (id) => id === 1, appPageUrl: APP_URL }), logger: memoryLogger() },
  );
  await value('syncNow', {});
});

afterAll(async () => {
  await core.close();
  dir.remove();
});

/** Every channel that takes a conversation id, with otherwise valid arguments. */
const conversationChannels: Array<[ChannelName, (conversationId: number) => unknown]> = [
  ['getConversation', (conversationId) => ({ conversationId })],
  ['listMessages', (conversationId) => ({ conversationId })],
  ['markRead', (conversationId) => ({ conversationId })],
  ['markUnread', (conversationId) => ({ conversationId })],
  ['setStatus', (conversationId) => ({ conversationId, status: 'resolved' })],
  ['setTags', (conversationId) => ({ conversationId, tags: ['vip'] })],
  ['fetchHistory', (conversationId) => ({ conversationId })],
  ['suggestReplies', (conversationId) => ({ conversationId })],
  ['sendReply', (conversationId) => ({ conversationId, channel: 'sms', body: 'Hi!' })],
  ['addNote', (conversationId) => ({ conversationId, body: 'A note' })],
  ['listNotes', (conversationId) => ({ conversationId })],
  ['assignConversation', (conversationId) => ({ conversationId, to: { kind: 'me' } })],
  ['setPresence', (conversationId) => ({ conversationId, state: 'viewing' })],
  ['getConversationTeam', (conversationId) => ({ conversationId })],
  ['checkCollision', (conversationId) => ({ conversationId })],
];

/** Every channel that takes an inbox (owner) id. */
const ownerChannels: Array<[ChannelName, (ownerId: string) => unknown]> = [
  ['listConversations', (ownerId) => ({ ownerId })],
  ['getCounts', (ownerId) => ({ ownerId })],
  ['search', (ownerId) => ({ query: 'class', ownerId })],
  ['syncNow', (ownerId) => ({ ownerId })],
  ['removeOwner', (ownerId) => ({ ownerId })],
  ['addOwner', (ownerId) => ({ ownerId })],
  ['addOwner', (ownerId) => ({ ownerId, name: 'Someone' })],
];

describe('ids that do not exist are refused', () => {
  it('the demo club has conversations to compare with', async () => {
    const { items } = await value<{ items: Array<{ id: number }> }>('listConversations', { filter: 'all' });
    expect(items.length).toBeGreaterThan(1);
  });

  it.each(conversationChannels)('%s with a conversation id that names nothing', async (name, args) => {
    expect(await invoke(name, args(MISSING_ID))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.each(ownerChannels)('%s with an inbox id that names nothing', async (name, args) => {
    const before = await value<{ owners: unknown[] }>('listOwners', {});
    expect(await invoke(name, args(UNKNOWN_OWNER))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await value('listOwners', {})).toEqual(before);
  });

  it("addOwner refuses id '0', with or without a name (it used to be stored)", async () => {
    for (const args of [{ ownerId: '0' }, { ownerId: '0', name: 'Zero' }]) {
      expect(await invoke('addOwner', args)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const { owners } = await value<{ owners: Array<{ id: string }> }>('listOwners', {});
    expect(owners.map((o) => o.id)).not.toContain('0');
  });

  it("markUnread refuses a message of another conversation, and a message id that names nothing", async () => {
    const { items } = await value<{ items: Array<{ id: number }> }>('listConversations', { filter: 'all' });
    const [a, b] = items;
    const { items: messagesOfB } = await value<{ items: Array<{ id: number }> }>('listMessages', { conversationId: b!.id });
    expect(await invoke('markUnread', { conversationId: a!.id, messageId: messagesOfB[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invoke('markUnread', { conversationId: a!.id, messageId: MISSING_ID })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('setReplyTemplate refuses a template id that names nothing', async () => {
    expect(await invoke('setReplyTemplate', { id: 'no.such-template', text: 'Hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the same channels accept ids that exist', async () => {
    const { owners } = await value<{ owners: Array<{ id: string }> }>('listOwners', {});
    const ownerId = owners[0]!.id;
    expect(await invoke('listConversations', { ownerId })).toMatchObject({ ok: true });
    expect(await invoke('getCounts', { ownerId })).toMatchObject({ ok: true });
    expect(await invoke('search', { query: 'class', ownerId })).toMatchObject({ ok: true });
    const { items } = await value<{ items: Array<{ id: number }> }>('listConversations', { filter: 'all' });
    expect(await invoke('getConversation', { conversationId: items[0]!.id })).toMatchObject({ ok: true });
  });

  it('setSettings with a field explicitly undefined is an invalid argument, not an internal error, and changes nothing', async () => {
    const before = await value('getSettings', {});
    for (const field of ['pollIntervalSeconds', 'notifications', 'launchAtLogin', 'historyAsRead']) {
      const outcome = await invoke('setSettings', { [field]: undefined });
      expect(outcome, field).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining(field) as string } });
    }
    expect(await value('getSettings', {})).toEqual(before);
  });
});
