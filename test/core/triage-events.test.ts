// Triage on the services layout: marking a conversation handled (and undoing it) goes through the
// conversation service, and the event it sends carries the conversation and the counts after the
// change, so the window needs no second request.
import { afterEach, expect, it } from 'vitest';
import type { AppEvent, Args, ChannelName, Result } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { startSimulator } from '../../main/clubos-simulator';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { dispatch } from '../../main/ipc/dispatch';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { chicago, tempDir } from '../sync/sync-rig';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** One request through the IPC dispatcher, as the window makes it; a refusal throws its message. */
async function call<K extends ChannelName>(core: Core, name: K, args: Args<K>): Promise<Result<K>> {
  const outcome = await dispatch(core.handlers, name, args, memoryLogger('t'));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

it('markHandled and restoreHandled announce the conversation and the counts they leave', async () => {
  const clock = manualClock(chicago(2026, 12, 7, 11, 0));
  const credentials = { username: 'desk', password: 'pw-Desk-1' };
  const sim = await startSimulator({ clock, seed: 41, members: 12, staff: 2, credentials, history: { days: 1 } });
  cleanups.push(() => sim.close());
  const store = memoryCredentialStore();
  await store.save({ ...credentials, baseUrl: sim.baseUrl });
  const data = tempDir('frontdesk-triage-');
  cleanups.push(() => data.remove());
  const core = await createCore({ dataDir: data.dir, clock, logger: memoryLogger('core'), credentials: store, historyRefresh: false, syncIn: 'main' });
  cleanups.push(() => core.close());
  await core.start();
  await call(core, 'syncNow', {});

  const waiting = await call(core, 'listConversations', { filter: 'needs_reply' });
  const target = waiting.items[0];
  expect(target, 'the simulated inbox has a member waiting').toBeDefined();
  const before = await call(core, 'getCounts', {});

  const events: AppEvent[] = [];
  const unsubscribe = core.events.subscribe((e) => events.push(e));
  const handled = await call(core, 'markHandled', { conversationId: target!.id });
  expect(handled.handledAt).not.toBeNull();
  expect(handled.requiresResponse).toBe(false);
  const update = events.find((e) => e.type === 'conversationUpdated');
  expect(update).toMatchObject({ conversation: { id: target!.id, requiresResponse: false } });
  expect(update?.type === 'conversationUpdated' ? update.counts : null).toEqual(await call(core, 'getCounts', {}));

  events.length = 0;
  const restored = await call(core, 'restoreHandled', { conversationId: target!.id, handledAt: null });
  unsubscribe();
  expect(restored.handledAt).toBeNull();
  expect(restored.requiresResponse).toBe(true);
  expect(events.find((e) => e.type === 'conversationUpdated')).toMatchObject({ counts: before });

  await expect(call(core, 'markHandled', { conversationId: 999_999 })).rejects.toThrow();
});
