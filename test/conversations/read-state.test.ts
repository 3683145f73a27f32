// Unread counts, mark read / unread, "needs a reply" and "waiting since", as polls of the real
// inbox write them.
import { afterEach, describe, expect, it } from 'vitest';
import { sendReply } from '../../main/services/send-reply';
import { testOutbox } from './test-outbox';
import { conversationRig, type Rig } from './conversation-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const MINUTE = 60_000;

describe('unread', () => {
  it('counts live texts as unread; mark read and mark unread (conversation or one message) change the count', async () => {
    rig = await conversationRig();
    const { app } = rig;
    rig.text(0, 'Is the pool open today?');
    rig.text(0, 'And the sauna?');
    await rig.poll();
    let c = rig.conversationOf(0);
    expect(c.unreadCount).toBe(2);
    expect(app.db.conversations.unreadTotals().total).toBe(2);

    c = app.db.conversations.markRead(c.id);
    expect(c.unreadCount).toBe(0);
    expect(rig.messagesOf(c.id).every((m) => m.readAt !== null)).toBe(true);
    expect(app.db.conversations.list({ filter: 'unread' }).items).toEqual([]);

    c = app.db.conversations.markUnread(c.id);
    expect(c.unreadCount).toBe(1);
    const [first, second] = rig.messagesOf(c.id);
    expect(second!.readAt).toBeNull(); // the newest inbound
    expect(first!.readAt).not.toBeNull();

    c = app.db.conversations.markUnread(c.id, first!.id);
    expect(c.unreadCount).toBe(2);
    expect(app.db.conversations.list({ filter: 'unread' }).items.map((x) => x.id)).toEqual([c.id]);
  });

  it('imports the first sync as history: read and announced quietly, or unread when the user says so', async () => {
    for (const historyAsRead of [true, false]) {
      rig = await conversationRig({ importEmptyHistory: false, historyAsRead });
      rig.text(1, 'Old question: do you have lockers?', rig.club.clock.now() - 3 * 86_400_000);
      rig.text(2, 'Old question: are you open on holidays?', rig.club.clock.now() - 60 * MINUTE);
      await rig.poll();
      // Today's history goes with the live rows, the older after it: two quiet announcements.
      const added = rig.app.events.filter((e) => e.type === 'messagesAdded');
      expect(added).toEqual([expect.objectContaining({ quiet: true, count: 1 }), expect.objectContaining({ quiet: true, count: 1 })]);
      expect(rig.app.db.conversations.unreadTotals().total).toBe(historyAsRead ? 0 : 2);
      await rig.close();
      rig = null;
    }
  });
});

describe('needs a reply and waiting since', () => {
  it('needs a reply when the newest text is a member asking something, not after acks, auto-texts or opt-outs', async () => {
    rig = await conversationRig();
    const { app } = rig;
    const needs = (i: number): boolean => rig!.conversationOf(i).requiresResponse;
    rig.text(0, 'Can I freeze my membership for a month?');
    rig.text(1, 'CONFIRM - Your Personal Training Session on Dec 9, 2026 has been confirmed.');
    rig.text(2, 'STOP');
    rig.text(3, 'Can I bring a guest tomorrow?');
    rig.text(4, 'Where do I park?');
    await rig.poll();
    expect([needs(0), needs(1), needs(2), needs(3)]).toEqual([true, false, false, true]);
    expect(rig.conversationOf(2).optedOut).toBe(true);
    expect(rig.messagesOf(rig.conversationOf(1).id)[0]!.direction).toBe('system');

    rig.text(3, 'ok');
    rig.text(4, 'Thanks!');
    await rig.poll();
    expect([needs(3), needs(4)]).toEqual([false, false]);
    const needsReply = app.db.conversations.list({ filter: 'needs_reply' }).items.map((c) => c.id);
    expect(needsReply).toEqual([rig.conversationOf(0).id]);
  });

  it('waits since the first unanswered text; a reply clears both, the next text starts the wait again', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(5, 'Hi, question about billing');
    const firstAt = club.clock.now();
    await rig.poll();
    club.clock.advance(10 * MINUTE);
    rig.text(5, 'I was charged twice this month');
    await rig.poll();
    let c = rig.conversationOf(5);
    expect(c.requiresResponse).toBe(true);
    expect(c.waitingSince).toBe(new Date(firstAt - (firstAt % MINUTE)).toISOString());

    await sendReply(app.db, app.client, rig.context, testOutbox(app.db), { conversationId: c.id, channel: 'sms', body: 'Sorry about that, refund is on its way' });
    c = rig.conversationOf(5);
    expect(c).toMatchObject({ requiresResponse: false, waitingSince: null });

    club.clock.advance(30 * MINUTE);
    const againAt = club.clock.now();
    rig.text(5, 'When will I see the refund?');
    await rig.poll();
    c = rig.conversationOf(5);
    expect(c).toMatchObject({ requiresResponse: true, waitingSince: new Date(againAt - (againAt % MINUTE)).toISOString() });
    expect(app.db.conversations.audit()).toEqual([]);
  });
});
