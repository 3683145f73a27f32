// How many requests the window makes because a poll brought new messages. The window's real store
// runs against the real core (signed in to a simulated ClubOS), over an in-process bridge that
// counts every request: a member texts while their conversation is open, Sync now polls, and the
// list, the counts and the open thread must show the text with no request at all, because the
// pushed event carries what changed. A gap in the event sequence still refetches.
import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, type AppEvent, type ChannelName } from '../../common/contract';
import type { FrontdeskApi } from '../../common/frontdesk-api';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { startSimulator } from '../../main/clubos-simulator';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { dispatch } from '../../main/ipc/dispatch';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { createAppStore, type AppStore } from '../../renderer/src/store/app-store';
import { chicago, tempDir } from '../sync/sync-rig';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface CountingApi {
  api: FrontdeskApi;
  calls: ChannelName[];
  /** Lets the bridge deliver an event with a sequence number the core did not send (a lost event). */
  inject(event: AppEvent): void;
}

/** window.frontdesk over `dispatch`, the way the preload and register-handlers connect them. */
function countingApi(core: Core): CountingApi {
  const calls: ChannelName[] = [];
  const listeners = new Set<(event: AppEvent) => void>();
  const logger = memoryLogger('bridge');
  const api = Object.fromEntries(
    channelNames.map((name) => [
      name,
      (args?: unknown) => {
        calls.push(name);
        return dispatch(core.handlers, name, args ?? {}, logger);
      },
    ]),
  ) as unknown as FrontdeskApi;
  // Events cross a structured-clone boundary in Electron: deliver copies, never shared objects.
  core.events.subscribe((event) => {
    for (const l of listeners) l(structuredClone(event));
  });
  api.onEvent = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { api, calls, inject: (event) => listeners.forEach((l) => l(event)) };
}

/** Lets pending promise chains (store reactions to an event) run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function signedInWindow(): Promise<{ core: Core; store: AppStore; bridge: CountingApi; addText: (body: string) => Promise<void>; memberName: string }> {
  const clock = manualClock(chicago(2026, 12, 7, 11, 0));
  const credentials = { username: 'desk', password: 'pw-Desk-1' };
  const sim = await startSimulator({ clock, seed: 41, members: 12, staff: 2, credentials, history: { days: 5 } });
  cleanups.push(() => sim.close());
  const store = memoryCredentialStore();
  await store.save({ ...credentials, baseUrl: sim.baseUrl });
  const data = tempDir('frontdesk-roundtrips-');
  cleanups.push(() => data.remove());
  const core = await createCore({ dataDir: data.dir, clock, logger: memoryLogger('core'), credentials: store, syncIn: 'main' });
  cleanups.push(() => core.close());
  await core.start();
  await until(() => core.unreadTotal() >= 0 && sim.requestCount() > 0, 'the first poll');
  await dispatch(core.handlers, 'syncNow', {}, memoryLogger('t'));

  const bridge = countingApi(core);
  const window = createAppStore({
    api: bridge.api,
    now: () => clock.now(),
    locale: 'en-US',
    timeZone: 'UTC',
    // Not looking at the window: arriving texts stay unread, so nothing is marked read either.
    isWindowAttentive: () => false,
    viewStorage: null,
  });
  cleanups.push(window.getState().start());
  await until(() => window.getState().list.status === 'ready' && window.getState().list.counts !== null, 'the list');
  const target = window.getState().list.items.find((c) => c.memberId !== null && !c.optedOut)!;
  window.getState().selectConversation(target.id);
  await until(() => window.getState().thread.status === 'ready', 'the thread');
  await settle();

  const addText = async (body: string): Promise<void> => {
    clock.advance(60_000);
    sim.addInbound({ memberId: target.memberId!, body, at: clock.now() });
    await dispatch(core.handlers, 'syncNow', {}, memoryLogger('t'));
  };
  return { core, store: window, bridge, addText, memberName: target.memberName };
}

describe('requests the window makes for a poll with new messages', () => {
  it('none: the event carries the conversation, the counts and the new message', async () => {
    const { store, bridge, addText, memberName } = await signedInWindow();
    const before = store.getState().list.counts!;
    bridge.calls.length = 0;

    await addText('Can I bring a guest on Saturday?');
    await until(() => store.getState().list.items[0]?.lastMessagePreview === 'Can I bring a guest on Saturday?', 'the list update');
    await until(() => store.getState().thread.messages.at(-1)?.body === 'Can I bring a guest on Saturday?', 'the thread update');
    await settle();

    console.log(`round trips for one poll with a new message in the open conversation: ${bridge.calls.length} (${bridge.calls.join(', ') || 'none'})`);
    expect(bridge.calls).toEqual([]);
    const state = store.getState();
    expect(state.list.items[0]?.memberName).toBe(memberName);
    expect(state.list.counts!.unreadTotal).toBe(before.unreadTotal + 1);
    expect(state.thread.conversation?.unreadCount).toBeGreaterThan(0);
    expect(state.ui.announcement?.text).toBe('1 new message.');
  });

  it('a gap in the event sequence still refetches what is on screen', async () => {
    const { core, store, bridge, addText } = await signedInWindow();
    await addText('Are you open on Thanksgiving?');
    await until(() => store.getState().thread.messages.at(-1)?.body === 'Are you open on Thanksgiving?', 'the thread update');
    await settle();
    bridge.calls.length = 0;
    bridge.inject({ type: 'uiCommand', command: 'showHelp', seq: core.events.lastSeq + 5 });
    await until(() => bridge.calls.includes('listConversations') && bridge.calls.includes('getCounts'), 'the refetch');
    expect(bridge.calls).toEqual(expect.arrayContaining(['listConversations', 'getCounts', 'getSyncStatus', 'getAccount', 'listMessages']));
    expect(store.getState().ui.dialog).toBe('help');
  });
});
