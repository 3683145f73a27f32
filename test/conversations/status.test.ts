// Statuses: a member's new text reopens a resolved or snoozed conversation and brings it to the
// top; archived stays archived until the user moves it. A snooze ends by itself when due.
import { afterEach, describe, expect, it } from 'vitest';
import { importHistory } from '../../main/ingest/history-import';
import { sendReply } from '../../main/services/send-reply';
import { memoryDb } from '../db/helpers';
import { conversationRig, type Rig } from './conversation-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const HOUR = 3_600_000;

describe('reopening on a new inbound text', () => {
  it('reopens resolved and snoozed conversations and moves them to the top; archived stays archived', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    for (const i of [0, 1, 2, 3]) rig.text(i, `First question from member ${i}: what time is yoga?`);
    await rig.poll();
    const [resolved, snoozed, archived, pending] = [0, 1, 2, 3].map((i) => rig!.conversationOf(i).id) as [number, number, number, number];
    app.db.conversations.setStatus(resolved, { status: 'resolved' });
    app.db.conversations.setStatus(snoozed, { status: 'snoozed', snoozedUntil: new Date(club.clock.now() + 24 * HOUR).toISOString() });
    app.db.conversations.setStatus(archived, { status: 'archived' });
    app.db.conversations.setStatus(pending, { status: 'pending' });
    rig.text(4, 'Someone else, later');
    await rig.poll();
    expect(app.db.conversations.list({}).items.map((c) => c.id)).not.toContain(resolved);

    for (const i of [0, 1, 2, 3]) rig.text(i, `Member ${i} again: still waiting on an answer about yoga`);
    await rig.poll();
    const status = (id: number): string => app.db.conversations.get(id)!.status;
    expect([status(resolved), status(snoozed), status(archived), status(pending)]).toEqual(['open', 'open', 'archived', 'pending']);
    expect(app.db.conversations.get(snoozed)!.snoozedUntil).toBeNull();
    const top = app.db.conversations.list({}).items.map((c) => c.id);
    expect(top.slice(0, 3).sort()).toEqual([resolved, snoozed, pending].sort());
    expect(top).not.toContain(archived);
    expect(app.db.conversations.list({ filter: 'archived' }).items.map((c) => c.id)).toEqual([archived]);
  });

  it('does not reopen on a staff reply or on texts that arrive through a history import', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(5, 'Is there parking behind the gym?');
    await rig.poll();
    const id = rig.conversationOf(5).id;
    app.db.conversations.setStatus(id, { status: 'resolved' });
    await sendReply(app.db, app.client, rig.context, { conversationId: id, channel: 'sms', body: 'Yes, behind the building!' });
    expect(app.db.conversations.get(id)!.status).toBe('resolved');

    // A text the inbox never showed (cleared in ClubOS before a poll) arrives with the history: quiet.
    rig.text(5, 'Great, thanks for the help with the parking question', club.clock.now());
    club.sim.clearInbox(rig.owner);
    const conversation = app.db.conversations.get(id)!;
    const result = importHistory(app.db, conversation, await app.client.getHistory(rig.member(5).id), {
      timeZone: rig.context.timeZone,
      now: club.clock.now(),
    });
    expect(result.insertedIds).toHaveLength(1);
    // Stored as read: only the live text is still unread.
    expect(app.db.conversations.get(id)).toMatchObject({ status: 'resolved', unreadCount: 1 });
  });
});

describe('snooze expiry', () => {
  it('wakes a snoozed conversation once its time has come, not before', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(6, 'Can you call me back tomorrow?');
    rig.text(7, 'Can you call me next week?');
    await rig.poll();
    const soon = rig.conversationOf(6).id;
    const later = rig.conversationOf(7).id;
    const now = club.clock.now();
    app.db.conversations.setStatus(soon, { status: 'snoozed', snoozedUntil: new Date(now + 2 * HOUR).toISOString() });
    app.db.conversations.setStatus(later, { status: 'snoozed', snoozedUntil: new Date(now + 48 * HOUR).toISOString() });
    expect(app.db.conversations.list({ filter: 'all', now }).items).toEqual([]);
    expect(app.db.conversations.wakeDueSnoozes(now + 2 * HOUR - 1)).toEqual([]);

    const woken = app.db.conversations.wakeDueSnoozes(now + 2 * HOUR);
    expect(woken.map((c) => [c.id, c.status, c.snoozedUntil])).toEqual([[soon, 'open', null]]);
    expect(app.db.conversations.get(soon)!.status).toBe('open');
    expect(app.db.conversations.get(later)).toMatchObject({ status: 'snoozed' });
    expect(app.db.conversations.wakeDueSnoozes(now + 2 * HOUR)).toEqual([]);
  });

  it('finds due snoozes among more snoozed conversations than one list page holds', () => {
    const { db, clock } = memoryDb();
    db.owners.upsert({ ownerId: '1001', name: 'Alex Morgan' });
    const now = clock.now();
    const ids: number[] = [];
    for (let i = 0; i < 620; i++) {
      const { id } = db.conversations.findOrCreate({ ownerId: '1001', memberId: null, memberName: `Member ${i}`, nameKey: `member ${i}` });
      const sentAt = new Date(now - (620 - i) * 60_000).toISOString();
      db.messages.insert([
        {
          ownerId: '1001',
          conversationId: id,
          direction: 'inbound',
          channel: 'sms',
          senderName: `Member ${i}`,
          body: 'Hi',
          localDate: sentAt.slice(0, 10),
          localTime: sentAt.slice(11, 16),
          sentAt,
          source: 'inbox',
          dedupeKey: `k${i}`,
          occurrence: 0,
        },
      ]);
      // The oldest conversations, last on every page, are the ones due.
      const until = i < 3 ? now - 1 : now + HOUR;
      db.conversations.setStatus(id, { status: 'snoozed', snoozedUntil: new Date(until).toISOString() });
      ids.push(id);
    }
    const woken = db.conversations.wakeDueSnoozes(now);
    expect(woken.map((c) => c.id).sort((a, b) => a - b)).toEqual(ids.slice(0, 3));
    expect(db.conversations.counts({ now }).filters.snoozed).toBe(617);
    db.close();
  });
});
