// Scheduled texts that came due while Frontdesk was closed, through the real core: the app is
// closed (the core and its database), the club's clock moves on, and a new core over the same data
// folder finds them at its next start. One only a little late goes out with its "sent late" mark;
// one later than the limit waits for staff, who are told. Both land in the one action log, and the
// events carry the scheduled items as they now are.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import type { Timers } from '../../common/time/timers';
import { startSimulator } from '../../main/clubos-simulator';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { chicago, tempDir } from '../sync/sync-rig';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** Timers that never fire: the test runs the outreach passes itself. */
const inertTimers: Timers = { setTimeout: () => setTimeout(() => undefined, 0), clearTimeout: (h) => clearTimeout(h) };
const MIN = 60_000;

describe('due while Frontdesk was closed', () => {
  it('sends a text a little late with its mark on the next start, and holds one later than the limit for staff', async () => {
    const clock = manualClock(chicago(2026, 12, 7, 11, 0));
    const credentials = { username: 'desk', password: 'pw-Desk-1' };
    const sim = await startSimulator({ clock, seed: 43, members: 8, staff: 1, credentials, history: { days: 2 } });
    cleanups.push(() => sim.close());
    const store = memoryCredentialStore();
    await store.save({ ...credentials, baseUrl: sim.baseUrl });
    const data = tempDir('frontdesk-outreach-restart-');
    cleanups.push(() => data.remove());
    const open = async () => {
      const core = await createCore({ dataDir: data.dir, clock, logger: memoryLogger('core'), credentials: store, timers: inertTimers, historyRefresh: false, syncIn: 'main' });
      const events: AppEvent[] = [];
      core.events.subscribe((e) => events.push(e));
      await core.start();
      return { core, events };
    };

    const first = await open();
    const member = sim.members[0]!;
    sim.addInbound({ memberId: member.id, body: 'Can you text me the class times later?' });
    await first.core.handlers.syncNow({});
    const [conversation] = (await first.core.handlers.searchPeople({ query: member.lastName })).people;
    if (!conversation) throw new Error('the member has no conversation');
    const h = first.core.handlers;
    const soon = await h.scheduleSend({ conversationId: conversation.id, channel: 'sms', body: 'Classes: 6 PM spin, 7 PM yoga.', dueAt: new Date(clock.now() + 4 * 60 * MIN).toISOString() });
    const early = await h.scheduleSend({ conversationId: conversation.id, channel: 'sms', body: 'Reminder: bring a towel.', dueAt: new Date(clock.now() + 30 * MIN).toISOString() });
    await first.core.close();

    // Closed for four and a half hours: one text is 30 minutes late, the other four hours.
    clock.advance(4 * 60 * MIN + 30 * MIN);
    const second = await open();
    cleanups.push(() => second.core.close());
    for (let i = 0; i < 10; i++) await second.core.services.outreach.engine.passOnce();

    expect(sim.sentTexts(member.id).map((t) => t.body)).toEqual(['Classes: 6 PM spin, 7 PM yoga.']);
    const { items } = await second.core.handlers.listScheduled({ conversationId: conversation.id });
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(soon.id)).toMatchObject({ state: 'done', outcome: 'sent', lateByMs: 30 * MIN });
    expect(byId.get(early.id)).toMatchObject({ state: 'needs_confirmation', lateByMs: 4 * 60 * MIN, outcome: expect.stringMatching(/Due 4 h ago while Frontdesk was not running/) as string });
    // Staff are told about the held one, and the window got the items with each change.
    const late = second.events.filter((e) => e.type === 'attentionRaised' && e.reason === 'confirm_late');
    expect(late).toEqual([expect.objectContaining({ conversationId: conversation.id, detail: expect.stringMatching(/is 4 h late/) as string })]);
    const changes = second.events.filter((e): e is Extract<AppEvent, { type: 'scheduledChanged' }> => e.type === 'scheduledChanged');
    expect(changes.at(-1)?.items.map((i) => [i.id, i.state]).sort()).toEqual([[early.id, 'needs_confirmation'], [soon.id, 'done']].sort());
    // The one action log says what happened and why.
    const log = await second.core.handlers.listActions({ conversationId: conversation.id, kinds: ['text_sent_late', 'text_skipped'] });
    expect(log.items.map((a) => [a.kind, a.actor])).toEqual(
      expect.arrayContaining([
        ['text_sent_late', 'scheduler'],
        ['text_skipped', 'scheduler'],
      ]),
    );
    expect(log.items.find((a) => a.kind === 'text_sent_late')?.detail.summary).toMatch(/sent 30 min late$/);

    // Staff drop the held text: nothing more goes out.
    await second.core.handlers.confirmScheduled({ id: early.id, send: false });
    for (let i = 0; i < 3; i++) await second.core.services.outreach.engine.passOnce();
    expect(sim.sentTexts(member.id)).toHaveLength(1);
  });
});
