// Opening a conversation's ClubOS history (both directions, exact times) and replying through
// ClubOS, against the simulator: stored once, whichever path saw a message first.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../common/contract';
import { staffShortName } from '../../main/clubos/staff-short-name';
import { toApiError } from '../../common/errors/app-error';
import { importHistory } from '../../main/ingest/history-import';
import { resolveMemberId } from '../../main/ingest/member-identity';
import { sendReply } from '../../main/services/send-reply';
import { localDate, localTime } from '../../common/time/club-time';
import { excess, multiset } from '../sync/sync-rig';
import { conversationRig, type Rig } from './conversation-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const side = (direction: string): string => (direction === 'outbound' ? 'out' : 'in');

async function openHistory(r: Rig, conversationId: number): Promise<{ added: number }> {
  const { app, club } = r;
  const { conversation, memberId } = await resolveMemberId(app.db, app.client, app.db.conversations.get(conversationId)!);
  const history = await app.client.getHistory(memberId);
  return { added: importHistory(app.db, conversation, history, { timeZone: r.context.timeZone, now: club.clock.now() }).insertedIds.length };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('member history', () => {
  it('stores the FollowUp log, both directions with exact minutes, without storing inbox texts twice', async () => {
    rig = await conversationRig({ importEmptyHistory: false, sim: { history: { days: 45 }, members: 40 } });
    const { app, club } = rig;
    await rig.poll(); // the first sync: the inbox's history
    const tz = rig.context.timeZone;
    // A member with texts in the inbox and staff replies and calls in the log.
    const index = club.sim.members.findIndex((m) => {
      const log = club.sim.followUpLog(m.id);
      return log.some((e) => e.direction === 'outbound' && e.kind !== 'call') && log.some((e) => e.direction === 'inbound');
    });
    expect(index).toBeGreaterThanOrEqual(0);
    const member = rig.member(index);
    const conversation = rig.conversationOf(index);
    const fromInbox = rig.messagesOf(conversation.id).length;
    expect(fromInbox).toBeGreaterThan(0);

    const { added } = await openHistory(rig, conversation.id);
    const log = club.sim.followUpLog(member.id).filter((e) => e.kind !== 'call');
    expect(added).toBe(log.length - fromInbox);
    const stored = rig.messagesOf(conversation.id);
    const want = multiset(log.map((e) => `${side(e.direction)}|${e.body}|${localDate(e.at, tz)}`));
    const got = multiset(stored.map((m) => `${side(m.direction)}|${m.body}|${m.localDate}`));
    expect(excess(want, got)).toEqual([]);
    expect(excess(got, want)).toEqual([]);
    // History rows carry the exact minute; staff rows are outbound, by "First L.".
    const outbound = stored.filter((m) => m.direction === 'outbound');
    expect(outbound.length).toBeGreaterThan(0);
    for (const m of outbound) expect(m.localTime).toMatch(/^\d{2}:\d{2}$/);
    const minutes = multiset(log.map((e) => `${e.body}|${localDate(e.at, tz)}|${localTime(e.at, tz)}`));
    expect(excess(multiset(stored.filter((m) => m.localTime !== null).map((m) => `${m.body}|${m.localDate}|${m.localTime}`)), minutes)).toEqual([]);

    expect(await openHistory(rig, conversation.id)).toEqual({ added: 0 });
    expect(app.db.conversations.audit()).toEqual([]);
  });
});

describe('sending a reply', () => {
  it('sends an SMS through ClubOS, stores it as outbound, clears needs-reply, and a history fetch does not store it again', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(0, 'Is the pool open today?');
    await rig.poll();
    const c = rig.conversationOf(0);
    expect(c.requiresResponse).toBe(true);

    const sent: Message = await sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'sms', body: 'Yes, until 9 pm!' });
    const me = staffShortName(rig.context.loggedInUserName);
    expect(sent).toMatchObject({ conversationId: c.id, direction: 'outbound', channel: 'sms', senderName: me, body: 'Yes, until 9 pm!', readAt: null });
    expect(club.sim.followUpLog(rig.member(0).id)[0]).toMatchObject({ direction: 'outbound', kind: 'text', author: me, body: 'Yes, until 9 pm!' });
    expect(rig.conversationOf(0)).toMatchObject({ requiresResponse: false, waitingSince: null, lastMessagePreview: 'Yes, until 9 pm!' });

    expect(await openHistory(rig, c.id)).toEqual({ added: 0 });
    expect(rig.messagesOf(c.id).map((m) => [m.direction, m.body])).toEqual([
      ['inbound', 'Is the pool open today?'],
      ['outbound', 'Yes, until 9 pm!'],
    ]);
  });

  it('sends email too, with its subject, stored as an outbound email', async () => {
    rig = await conversationRig();
    rig.text(1, 'Can you email me my contract?');
    await rig.poll();
    const c = rig.conversationOf(1);
    const sent = await sendReply(rig.app.db, rig.app.client, rig.context, {
      conversationId: c.id,
      channel: 'email',
      subject: 'Your contract',
      body: 'Attached is your contract.',
    });
    expect(sent).toMatchObject({ channel: 'email', direction: 'outbound', body: 'Attached is your contract.' });
    expect(rig.club.sim.followUpLog(rig.member(1).id)[0]).toMatchObject({ kind: 'email', direction: 'outbound', body: 'Attached is your contract.' });
  });

  it('refuses SMS to a member who texted STOP with a clear opted_out error; email still goes', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(2, 'STOP');
    await rig.poll();
    const c = rig.conversationOf(2);
    expect(c.optedOut).toBe(true);
    const logBefore = club.sim.followUpLog(rig.member(2).id).length;

    const error = await rejection(sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'sms', body: 'Sorry to see you go' }));
    const api = toApiError(error);
    expect(api.code).toBe('opted_out');
    expect(api.message).toContain(rig.member(2).name);
    expect(api.message).toMatch(/email/i);
    expect(club.sim.followUpLog(rig.member(2).id)).toHaveLength(logBefore);
    expect(rig.messagesOf(c.id)).toHaveLength(1);

    const email = await sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'email', body: 'You will not get texts from us anymore.' });
    expect(email.channel).toBe('email');
    expect(club.sim.followUpLog(rig.member(2).id)).toHaveLength(logBefore + 1);
  });

  it('learns an opt-out ClubOS knows before the inbox showed it: opted_out, and the conversation remembers', async () => {
    rig = await conversationRig();
    const { app } = rig;
    rig.text(3, 'Can I pause my membership?');
    await rig.poll();
    const c = rig.conversationOf(3);
    rig.text(3, 'STOP'); // not polled yet
    const error = await rejection(sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'sms', body: 'Sure, for how long?' }));
    expect(toApiError(error).code).toBe('opted_out');
    expect(app.db.conversations.get(c.id)!.optedOut).toBe(true);
  });

  it('records ai_responded and ai_response_sent_at on the answered text when a suggestion is sent', async () => {
    rig = await conversationRig();
    const { app, club } = rig;
    rig.text(4, 'What are your opening hours?');
    club.clock.advance(60_000);
    rig.text(4, 'On Sunday I mean');
    await rig.poll();
    const c = rig.conversationOf(4);
    club.clock.advance(5 * 60_000);
    const sentAt = new Date(club.clock.now()).toISOString();
    await sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'sms', body: 'Sundays 8 to 6!', suggestionId: 'question_about_schedule-hours' });
    const raw = rig.rawMessages(c.id);
    expect(raw.map((m) => [m.body, m.ai_responded, m.ai_response_sent_at])).toEqual([
      ['What are your opening hours?', 0, null],
      ['On Sunday I mean', 1, sentAt],
      ['Sundays 8 to 6!', 0, null],
    ]);

    // Without a suggestion nothing is recorded.
    rig.text(4, 'Thanks, and Saturdays?');
    await rig.poll();
    await sendReply(app.db, app.client, rig.context, { conversationId: c.id, channel: 'sms', body: 'Saturdays 7 to 7.' });
    expect(rig.rawMessages(c.id).find((m) => m.body === 'Thanks, and Saturdays?')).toMatchObject({ ai_responded: 0, ai_response_sent_at: null });
  });
});
