// Outreach against the simulated club on a manual clock: the outbox (before and after every post,
// unknown outcomes settled from ClubOS history), send later and no-reply reminders (also when the
// app was closed at the due time), campaigns (approval, quiet hours, rate, opt-outs, merge fields,
// pause/resume/cancel, per-recipient status) and waiting-too-long rules.
import { afterEach, describe, expect, it } from 'vitest';
import { ClubOSError } from '../../common/errors/clubos-error';
import { toApiError } from '../../common/errors/app-error';
import { sendReply } from '../../main/services/send-reply';
import { chicago } from '../sync/sync-rig';
import { knowledgeSchema, type Knowledge } from '../../common/knowledge';
import { outreachRig, type OutreachRig } from './outreach-rig';

let rig: OutreachRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return toApiError(error);
  }
  throw new Error('expected a rejection');
}

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Members 0..n-1 text the club, so each has a conversation. */
async function withConversations(r: OutreachRig, n: number, body = 'Are you open on Friday?'): Promise<number[]> {
  for (let i = 0; i < n; i++) r.text(i, body);
  await r.poll();
  return Array.from({ length: n }, (_, i) => r.conversationOf(i).id);
}

/** Knowledge as staff would save it in Settings → Knowledge (the app database). */
function saveHours(r: OutreachRig, knowledge: Partial<Knowledge>): void {
  r.app.db.knowledge.save(knowledgeSchema.parse({ clubName: 'Test Gym', ...knowledge }), 'edit');
}

const reply = (r: OutreachRig, conversationId: number, body: string) =>
  sendReply(r.app.db, r.app.client, r.context, r.outreach.outbox, { conversationId, channel: 'sms', body });

describe('the outbox', () => {
  it('writes every reply before the post and settles it after, and logs the send', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    await reply(rig, c!, 'Yes, 6 AM to 9 PM!');
    const entries = rig.app.db.outreach.outbox.recent(10);
    expect(entries.map((e) => [e.origin, e.state, e.body, e.verifiedInHistory])).toEqual([['reply', 'sent', 'Yes, 6 AM to 9 PM!', false]]);
    expect(rig.club.sim.sentTexts(rig.member(0).id).map((s) => s.body)).toEqual(['Yes, 6 AM to 9 PM!']);
    expect(rig.app.db.actionLog.list({ limit: 10 }).map((l) => [l.kind, l.conversationId, l.actor, l.memberName, l.detail.body])).toEqual([
      ['text_sent', c, 'staff', rig.member(0).name, 'Yes, 6 AM to 9 PM!'],
    ]);
  });

  it('settles a send whose answer was lost from the FollowUp history instead of posting it again', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    rig.club.sim.faults.set('answerLost', { times: 1 });
    const message = await reply(rig, c!, 'We will look into the charge today.');
    expect(message.body).toBe('We will look into the charge today.');
    expect(rig.club.sim.sentTexts()).toHaveLength(1);
    const [entry] = rig.app.db.outreach.outbox.recent(1);
    expect(entry).toMatchObject({ state: 'sent', verifiedInHistory: true });
    expect(rig.app.db.actionLog.list({ limit: 10 }).map((l) => l.kind)).toEqual(['text_settled_sent', 'text_unconfirmed']);
  });

  it('after a crash before the post, checks the history, finds nothing, then sends once', async () => {
    rig = await outreachRig({ settleAfterMs: 60_000 });
    const [c] = await withConversations(rig, 1);
    const campaign = await rig.outreach.handlers.createCampaign({ name: 'Crash', body: 'Hi {firstName}!', source: { kind: 'conversations' }, ratePerMinute: 60 });
    await rig.outreach.handlers.approveCampaign({ campaignId: campaign.id, approvedBy: 'Alex Morgan' });
    const db = rig.app.db;
    const [recipient] = db.outreach.campaigns.recipients(campaign.id);
    // What a run killed between writing the attempt and posting it leaves behind.
    db.transaction(() => {
      db.outreach.outbox.begin({ origin: 'campaign', originId: recipient!.id, conversationId: c!, memberId: recipient!.memberId!, memberName: recipient!.memberName, channel: 'sms', body: `Hi ${rig!.member(0).firstName}!` });
      db.outreach.campaigns.transitionRecipient(recipient!.id, ['queued'], 'sending');
    });
    // Too recent to call lost: nothing is posted, nothing settled.
    await rig.outreach.engine.passOnce();
    expect(rig.club.sim.sentTexts()).toHaveLength(0);
    expect(db.outreach.outbox.unsettled()).toHaveLength(1);
    rig.club.clock.advance(2 * MIN);
    await rig.runFor(MIN);
    expect(rig.club.sim.sentTexts().map((s) => s.body)).toEqual([`Hi ${rig.member(0).firstName}!`]);
    expect(db.outreach.outbox.recent(5).map((e) => e.state).sort()).toEqual(['failed', 'sent']);
    expect(db.outreach.campaigns.get(campaign.id)).toMatchObject({ state: 'done', counts: { sent: 1, queued: 0, sending: 0 } });
  });

  it('after a crash after the post, finds the text in the history and never sends it again', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    const db = rig.app.db;
    const member = rig.member(0);
    const item = db.outreach.scheduled.create({ kind: 'send', conversationId: c!, channel: 'sms', body: 'Your towel is at the desk.', dueAt: rig.club.clock.now() });
    // The post reached ClubOS; the run died before it could mark the attempt.
    db.transaction(() => {
      db.outreach.outbox.begin({ origin: 'scheduled', originId: item.id, conversationId: c!, memberId: member.id, memberName: member.name, channel: 'sms', body: 'Your towel is at the desk.' });
      db.outreach.scheduled.transition(item.id, ['pending'], 'sending');
    });
    await rig.app.client.send({ memberId: member.id, channel: 'sms', body: 'Your towel is at the desk.' });
    rig.club.clock.advance(5 * MIN);
    await rig.runFor(MIN);
    expect(rig.club.sim.sentTexts()).toHaveLength(1);
    expect(db.outreach.scheduled.get(item.id)).toMatchObject({ state: 'done', outcome: 'sent' });
    expect(db.outreach.outbox.recent(5)).toMatchObject([{ state: 'sent', verifiedInHistory: true }]);
    expect(rig.messagesOf(c!).filter((m) => m.direction === 'outbound').map((m) => m.body)).toEqual(['Your towel is at the desk.']);
  });

  it('keeps an unknown send on hold while the history cannot be read, and refuses the same text meanwhile', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    const member = rig.member(0);
    const db = rig.app.db;
    // ClubOS carries out the send but the answer is lost, and right then the history cannot be read either.
    rig.club.sim.faults.set('answerLost', { times: 1 });
    const historyDown = { ...rig.app.client, getHistory: () => Promise.reject(new ClubOSError('network', 'connection reset')) };
    const lost = await rejection(sendReply(db, historyDown, rig.context, rig.outreach.outbox, { conversationId: c!, channel: 'sms', body: 'See you at 6!' }));
    expect(lost).toEqual({ code: 'clubos_network', message: expect.stringMatching(/did not confirm.*history before it is ever sent again/) as string });
    // Staff press Send again: refused while the first is unsettled, and nothing is posted.
    const again = await rejection(reply(rig, c!, 'See you at 6!'));
    expect(again.message).toMatch(/still unconfirmed/);
    expect(rig.club.sim.sentTexts(member.id)).toHaveLength(1);
    // The history stays unreadable for a while: the entry stays on hold.
    rig.club.sim.faults.set('serverError', { paths: ['/action/FollowUp'] });
    rig.club.clock.advance(10 * MIN);
    await rig.outreach.engine.passOnce();
    expect(db.outreach.outbox.unsettled()).toHaveLength(1);
    rig.club.sim.faults.clear('serverError');
    rig.outreach.engine.kick();
    await rig.outreach.engine.passOnce();
    expect(db.outreach.outbox.unsettled()).toHaveLength(0);
    expect(db.outreach.outbox.recent(1)).toMatchObject([{ state: 'sent', verifiedInHistory: true }]);
    expect(rig.club.sim.sentTexts(member.id)).toHaveLength(1);
    expect(rig.messagesOf(c!).filter((m) => m.direction === 'outbound').map((m) => m.body)).toEqual(['See you at 6!']);
  });

  it('refuses a text with a placeholder before writing anything', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    const error = await rejection(reply(rig, c!, 'Hi [First Name], welcome back!'));
    expect(error).toEqual({ code: 'invalid_argument', message: 'Not sent: the text still contains a placeholder ([First Name]).' });
    expect(rig.app.db.outreach.outbox.recent(5)).toEqual([]);
    expect(rig.club.sim.sentTexts()).toEqual([]);
  });
});

describe('send later and no-reply reminders', () => {
  it('sends a scheduled text at its time with merge fields filled, and marks it late when it ran late', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    const h = rig.outreach.handlers;
    const due = rig.club.clock.now() + 30 * MIN;
    const item = await h.scheduleSend({ conversationId: c!, channel: 'sms', body: 'Hi {firstName}, your trainer is ready.', dueAt: new Date(due).toISOString() });
    await rig.outreach.engine.passOnce();
    expect(rig.club.sim.sentTexts()).toHaveLength(0);
    // Frontdesk was closed at the due time and starts 20 minutes later.
    rig.club.clock.set(due + 20 * MIN);
    await rig.settle();
    expect(rig.club.sim.sentTexts().map((s) => s.body)).toEqual([`Hi ${rig.member(0).firstName}, your trainer is ready.`]);
    const [done] = (await h.listScheduled({ conversationId: c! })).items;
    expect(done).toMatchObject({ id: item.id, state: 'done', outcome: 'sent' });
    expect(done!.lateByMs).toBeGreaterThanOrEqual(20 * MIN);
    // The action log says it went out late, and how late.
    const [sent] = rig.app.db.actionLog.list({ conversationId: c!, kinds: ['text_sent_late'] });
    expect(sent).toMatchObject({ actor: 'scheduler', detail: { origin: 'scheduled', summary: expect.stringMatching(/sent 2\d min late$/) as string } });
    expect(sent!.detail.lateByMs).toBeGreaterThanOrEqual(20 * MIN);
    expect(rig.app.db.actionLog.list({ conversationId: c!, kinds: ['text_sent'] })).toEqual([]);
    // Every change of the schedule reached the window with the items as they now are.
    expect(rig.scheduledEvents[0]).toEqual({ conversationId: c, items: [expect.objectContaining({ id: item.id, state: 'pending' })] });
    expect(rig.scheduledEvents.at(-1)).toEqual({ conversationId: c, items: [expect.objectContaining({ id: item.id, state: 'done', outcome: 'sent' })] });
  });

  it('asks before sending a text that came due longer ago than the limit, then sends it on confirmation', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1);
    const h = rig.outreach.handlers;
    const item = await h.scheduleSend({ conversationId: c!, channel: 'sms', body: 'Class moved to 7.', dueAt: new Date(rig.club.clock.now() + MIN).toISOString() });
    rig.club.clock.advance(5 * HOUR);
    await rig.settle();
    expect(rig.club.sim.sentTexts()).toHaveLength(0);
    expect((await h.listScheduled({ conversationId: c! })).items[0]).toMatchObject({ state: 'needs_confirmation' });
    expect(rig.notices.filter((n) => n.reason === 'confirm_late')).toEqual([expect.objectContaining({ conversationId: c, reason: 'confirm_late' })]);
    expect(rig.app.db.actionLog.list({ conversationId: c!, kinds: ['text_skipped'] }).map((a) => a.reason)).toEqual([expect.stringMatching(/send it now or cancel it/)]);
    expect(rig.scheduledEvents.at(-1)?.items[0]).toMatchObject({ id: item.id, state: 'needs_confirmation' });
    await h.confirmScheduled({ id: item.id, send: true });
    await rig.settle();
    expect(rig.club.sim.sentTexts().map((s) => s.body)).toEqual(['Class moved to 7.']);
    const [done] = (await h.listScheduled({ conversationId: c! })).items;
    expect(done).toMatchObject({ state: 'done' });
    expect(done!.lateByMs).toBeGreaterThan(4 * HOUR);
    expect(rig.app.db.actionLog.list({ conversationId: c!, kinds: ['scheduled', 'text_sent_late'] }).map((a) => [a.kind, a.actor])).toEqual([
      ['text_sent_late', 'scheduler'],
      ['scheduled', 'staff'],
      ['scheduled', 'staff'],
    ]);
  });

  it('reminds staff only when the member has not replied, raising the conversation once', async () => {
    rig = await outreachRig();
    const [quiet, answered] = await withConversations(rig, 2);
    const h = rig.outreach.handlers;
    const due = new Date(rig.club.clock.now() + 2 * 86_400_000).toISOString();
    await h.scheduleReminder({ conversationId: quiet!, dueAt: due });
    await h.scheduleReminder({ conversationId: answered!, dueAt: due });
    rig.club.clock.advance(HOUR);
    rig.text(1, 'Thanks, got it');
    await rig.poll();
    rig.club.clock.advance(3 * 86_400_000);
    await rig.settle();
    expect(rig.notices.filter((n) => n.reason === 'no_reply').map((n) => n.conversationId)).toEqual([quiet]);
    expect(rig.app.db.conversations.get(quiet!)?.attention).toMatchObject({ reason: 'no_reply' });
    expect(rig.app.db.conversations.get(answered!)?.attention ?? null).toBeNull();
    expect((await h.listScheduled({ conversationId: answered! })).items[0]).toMatchObject({ state: 'done', outcome: 'The member replied; no reminder needed' });
    // Staff answer: the mark goes.
    await reply(rig, quiet!, 'Just checking in!');
    expect(rig.app.db.conversations.get(quiet!)?.attention ?? null).toBeNull();
  });

  it('refuses to schedule a text to an opted-out member or with an unfillable field', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1, 'STOP');
    const h = rig.outreach.handlers;
    const dueAt = new Date(rig.club.clock.now() + HOUR).toISOString();
    expect((await rejection(h.scheduleSend({ conversationId: c!, channel: 'sms', body: 'Hi!', dueAt }))).code).toBe('opted_out');
    expect((await rejection(h.scheduleSend({ conversationId: c!, channel: 'email', body: 'Hi {nickname}', dueAt }))).message).toMatch(/\{nickname\} is not a merge field/);
  });
});

describe('campaigns', () => {
  it('sends nothing before approval, previews each text, skips and lists opt-outs, and logs every send and skip', async () => {
    rig = await outreachRig();
    await withConversations(rig, 4);
    rig.text(3, 'STOP');
    await rig.poll();
    const h = rig.outreach.handlers;
    const draft = await h.createCampaign({ name: 'Holiday', body: 'Hi {firstName}, we close at 2 PM Friday.', source: { kind: 'conversations', statuses: ['open'] }, ratePerMinute: 600 });
    expect(draft).toMatchObject({ state: 'draft', sendingHours: { from: '08:00', to: '21:00' }, counts: { total: 4, queued: 3, skipped: 1 } });
    await rig.runFor(10 * MIN);
    expect(rig.club.sim.sentTexts()).toHaveLength(0);
    const { recipients } = await h.getCampaign({ campaignId: draft.id });
    const optedOut = recipients.find((r) => r.memberId === rig!.member(3).id);
    expect(optedOut).toMatchObject({ state: 'skipped', reason: 'opted out of texts (texted STOP)' });
    expect(recipients.find((r) => r.memberId === rig!.member(0).id)?.preview).toBe(`Hi ${rig.member(0).firstName}, we close at 2 PM Friday.`);

    await h.approveCampaign({ campaignId: draft.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(5 * MIN);
    const done = (await h.getCampaign({ campaignId: draft.id })).campaign;
    expect(done).toMatchObject({ state: 'done', approvedBy: 'Alex Morgan', counts: { sent: 3, skipped: 1, failed: 0, queued: 0 } });
    expect(rig.club.sim.sentTexts().map((s) => s.memberId).sort()).toEqual([0, 1, 2].map((i) => rig!.member(i).id).sort());
    const log = rig.app.db.actionLog.list({ limit: 50 });
    expect(log.filter((l) => l.kind === 'text_sent')).toHaveLength(3);
    expect(log.filter((l) => l.kind === 'text_skipped').map((l) => [l.memberName, l.reason])).toEqual([[rig.member(3).name, 'opted out of texts (texted STOP)']]);
    expect(rig.campaignEvents.at(-1)).toMatchObject({ state: 'done' });
    // Each step's event carried the recipient it moved, as the window shows it: no refetch needed.
    const moved = rig.recipientEvents.flatMap((r) => r ?? []);
    expect(moved.filter((r) => r.state === 'sent').map((r) => [r.memberId, r.preview])).toEqual(
      expect.arrayContaining([0, 1, 2].map((i) => [rig!.member(i).id, `Hi ${rig!.member(i).firstName}, we close at 2 PM Friday.`])),
    );
    expect(moved.filter((r) => r.state === 'sent')).toHaveLength(3);
  });

  it("holds texts in quiet hours on the club's clock and keeps to the rate", async () => {
    rig = await outreachRig({ start: chicago(2026, 12, 7, 20, 58) });
    const members = rig.club.sim.members.slice(0, 6).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` }));
    const h = rig.outreach.handlers;
    const c = await h.createCampaign({ name: 'Rate', body: 'Hi {firstName}!', source: { kind: 'members', members }, ratePerMinute: 1 });
    await h.approveCampaign({ campaignId: c.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(3 * MIN); // 20:58 → 21:01: two minutes of sending window at one a minute
    expect(rig.club.sim.sentTexts()).toHaveLength(2);
    await rig.runFor(10 * HOUR); // overnight, until 07:01
    expect(rig.club.sim.sentTexts()).toHaveLength(2);
    await rig.runFor(HOUR + 5 * MIN); // from 08:00, one a minute
    expect(rig.club.sim.sentTexts()).toHaveLength(6);
    const times = rig.club.sim.sentTexts().map((s) => s.at);
    expect(times[2]! - chicago(2026, 12, 8, 8, 0)).toBeGreaterThanOrEqual(0);
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN);
  });

  it('pauses, resumes and cancels; cancelled recipients are listed as skipped with the reason', async () => {
    rig = await outreachRig();
    const members = rig.club.sim.members.slice(0, 5).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` }));
    const h = rig.outreach.handlers;
    const c = await h.createCampaign({ name: 'Pause', body: 'Hi {firstName}!', source: { kind: 'members', members }, ratePerMinute: 1 });
    await h.approveCampaign({ campaignId: c.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(30_000);
    expect(rig.club.sim.sentTexts()).toHaveLength(1);
    await h.pauseCampaign({ campaignId: c.id });
    await rig.runFor(10 * MIN);
    expect(rig.club.sim.sentTexts()).toHaveLength(1);
    await h.resumeCampaign({ campaignId: c.id });
    await rig.runFor(90_000);
    expect(rig.club.sim.sentTexts()).toHaveLength(3);
    const cancelled = await h.cancelCampaign({ campaignId: c.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', counts: { sent: 3, skipped: 2, queued: 0 } });
    await rig.runFor(10 * MIN);
    expect(rig.club.sim.sentTexts()).toHaveLength(3);
    const skipped = (await h.getCampaign({ campaignId: c.id, state: 'skipped' })).recipients;
    expect(skipped.map((r) => r.reason)).toEqual(['the campaign was cancelled before this text', 'the campaign was cancelled before this text']);
    expect((await rejection(h.resumeCampaign({ campaignId: c.id }))).message).toMatch(/not paused/);
  });

  it('takes a CSV: unmatched rows and empty merge fields are skipped with their reasons, ClubOS opt-outs too', async () => {
    rig = await outreachRig();
    const [a, b, d] = [rig.member(0), rig.member(1), rig.member(2)];
    // Member 2 texted STOP, but Frontdesk has not synced it: ClubOS itself refuses.
    rig.club.sim.addInbound({ memberId: d.id, body: 'STOP' });
    const csv = ['id,name,phone', `${a.id},${a.name},`, `,${b.name},`, ',Nobody Here,', ',,555 0100', `${d.id},${d.name},`, `${rig.member(3).id},,`].join('\n');
    const h = rig.outreach.handlers;
    const c = await h.createCampaign({ name: 'CSV', body: 'Hi {firstName}, see you soon.', source: { kind: 'csv', text: csv }, ratePerMinute: 600 });
    await h.approveCampaign({ campaignId: c.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(5 * MIN);
    const { campaign, recipients } = await h.getCampaign({ campaignId: c.id });
    expect(campaign.counts).toMatchObject({ total: 6, sent: 2, skipped: 4, failed: 0 });
    const reasons = recipients.filter((r) => r.state === 'skipped').map((r) => r.reason);
    expect(reasons).toEqual([
      'row 3: ClubOS has no member named "Nobody Here"',
      'row 4: a phone number alone cannot be matched to a ClubOS member; add a name or id column',
      'opted out of texts (ClubOS refuses to text them)',
      expect.stringMatching(/^Blocked: no first name on file/),
    ]);
    expect(rig.club.sim.sentTexts().map((s) => s.body)).toEqual([`Hi ${a.firstName}, see you soon.`, `Hi ${b.firstName}, see you soon.`]);
    expect(rig.app.db.actionLog.list({ limit: 50 }).filter((l) => l.kind === 'text_blocked').map((l) => l.reason)).toEqual([expect.stringMatching(/^Blocked: no first name on file/)]);
  });
});

describe('merge fields from Knowledge', () => {
  it("blocks every recipient while a Knowledge field the text uses is empty, with the reason, and sends once staff fill it in", async () => {
    rig = await outreachRig();
    const members = rig.club.sim.members.slice(0, 3).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` }));
    const h = rig.outreach.handlers;
    const c = await h.createCampaign({ name: 'Parking', body: 'Hi {firstName}, parking: {parking}', source: { kind: 'members', members }, ratePerMinute: 600 });
    const { recipients } = await h.getCampaign({ campaignId: c.id });
    expect(recipients.map((r) => [r.preview, r.reason])).toEqual(members.map(() => [null, "Blocked: the gym's {parking} is empty"]));
    await h.approveCampaign({ campaignId: c.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(2 * MIN);
    expect(rig.club.sim.sentTexts()).toEqual([]);
    const done = await h.getCampaign({ campaignId: c.id });
    expect(done.campaign.counts).toMatchObject({ skipped: 3, sent: 0 });
    expect(done.recipients.map((r) => r.reason)).toEqual(members.map(() => "Blocked: the gym's {parking} is empty"));
    expect(rig.app.db.actionLog.list({ kinds: ['text_blocked'] }).map((a) => a.reason)).toEqual(members.map(() => "Blocked: the gym's {parking} is empty"));

    saveHours(rig, { parking: 'Free in the back lot' });
    const second = await h.createCampaign({ name: 'Parking 2', body: 'Hi {firstName}, parking: {parking}', source: { kind: 'members', members }, ratePerMinute: 600 });
    await h.approveCampaign({ campaignId: second.id, approvedBy: 'Alex Morgan' });
    await rig.runFor(2 * MIN);
    expect(rig.club.sim.sentTexts().map((t) => t.body)).toEqual(rig.club.sim.members.slice(0, 3).map((m) => `Hi ${m.firstName}, parking: Free in the back lot`));
  });
});

describe('waiting too long', () => {
  it('raises a conversation waiting over 2 business hours and notifies once; a reply lowers it', async () => {
    rig = await outreachRig();
    const [c] = await withConversations(rig, 1, 'Can I freeze my membership?');
    expect(rig.app.db.conversations.get(c!)?.requiresResponse).toBe(true);
    rig.club.clock.advance(HOUR);
    await rig.outreach.engine.passOnce();
    expect(rig.notices).toEqual([]);
    rig.club.clock.advance(HOUR + 2 * MIN);
    await rig.outreach.engine.passOnce();
    expect(rig.notices).toEqual([expect.objectContaining({ conversationId: c, reason: 'waiting' })]);
    expect(rig.notices[0]?.detail).toMatch(/has waited 2 business hours for an answer$/);
    expect(rig.app.db.conversations.get(c!)?.attention).toMatchObject({ reason: 'waiting' });
    rig.club.clock.advance(10 * MIN);
    await rig.outreach.engine.passOnce();
    expect(rig.notices).toHaveLength(1);
    expect(rig.app.db.actionLog.list({ conversationId: c!, kinds: ['overdue'] })).toEqual([expect.objectContaining({ actor: 'waiting rules' })]);
    await reply(rig, c!, 'Yes, at the desk.');
    expect(rig.app.db.conversations.get(c!)?.attention ?? null).toBeNull();
  });

  it("counts Knowledge's staffed hours only, and a stricter rule for a tag wins", async () => {
    // Saturday 17:30: the desk is staffed until 18:00.
    rig = await outreachRig({ start: chicago(2026, 12, 12, 17, 30) });
    saveHours(rig, { staffedHours: { sat: [{ from: '08:00', to: '18:00' }], sun: [{ from: '08:00', to: '18:00' }] } });
    const [plain, vip] = await withConversations(rig, 2, 'Do you have towels?');
    rig.app.db.conversations.setTags(vip!, ['vip']);
    await rig.outreach.handlers.setOutreachSettings({ waitingRules: { defaultBusinessMinutes: 120, rules: [{ tag: 'vip', businessMinutes: 20 }] } });
    rig.club.clock.set(chicago(2026, 12, 13, 8, 0)); // Sunday 8:00: 29 business minutes have passed
    await rig.outreach.engine.passOnce();
    expect(rig.notices.map((n) => n.conversationId)).toEqual([vip]);
    rig.club.clock.set(chicago(2026, 12, 13, 9, 35));
    await rig.outreach.engine.passOnce();
    expect(rig.notices.map((n) => n.conversationId)).toEqual([vip, plain]);
    // Staff loosen the rules in Settings: at once (no minute's wait), both are no longer overdue.
    await rig.outreach.handlers.setOutreachSettings({ waitingRules: { defaultBusinessMinutes: 600, rules: [] } });
    await rig.outreach.engine.passOnce();
    expect([plain, vip].map((id) => rig!.app.db.conversations.get(id!)?.attention ?? null)).toEqual([null, null]);
    // Tightened again in the same waiting episode: raised again, but not notified a second time.
    await rig.outreach.handlers.setOutreachSettings({ waitingRules: { defaultBusinessMinutes: 60, rules: [] } });
    await rig.outreach.engine.passOnce();
    expect(rig.app.db.conversations.get(vip!)?.attention).toMatchObject({ reason: 'waiting' });
    expect(rig.notices).toHaveLength(2);
  });

  it('reads hours from Knowledge as staff change them: a holiday without staff stops the clock; blank Knowledge counts around the clock', async () => {
    // Thursday Dec 24, 2026, 16:00 in Chicago.
    rig = await outreachRig({ start: chicago(2026, 12, 24, 16, 0) });
    const [c] = await withConversations(rig, 1, 'Are you open tomorrow?');
    // No hours in Knowledge at all: a member's wait still counts, around the clock.
    rig.club.clock.set(chicago(2026, 12, 24, 18, 1));
    await rig.outreach.engine.passOnce();
    expect(rig.notices.map((n) => n.conversationId)).toEqual([c]);
    await reply(rig, c!, 'Yes, 8 to 6.');

    rig.club.clock.set(chicago(2026, 12, 24, 20, 0));
    rig.text(0, 'And on Christmas, can I come at 9?');
    await rig.poll();
    saveHours(rig, {
      staffedHours: { thu: [{ from: '06:00', to: '21:00' }], fri: [{ from: '06:00', to: '21:00' }], sat: [{ from: '08:00', to: '18:00' }] },
      holidays: [{ date: '2026-12-25', name: 'Christmas', open: [], staffed: [] }],
    });
    // Thursday 20:00 → 21:00 is one staffed hour; Christmas has no staff; Saturday from 8:00.
    rig.club.clock.set(chicago(2026, 12, 26, 8, 58));
    await rig.outreach.engine.passOnce();
    expect(rig.notices).toHaveLength(1);
    rig.club.clock.set(chicago(2026, 12, 26, 9, 1));
    await rig.outreach.engine.passOnce();
    expect(rig.notices).toHaveLength(2);
    expect(rig.app.db.actionLog.list({ conversationId: c!, kinds: ['overdue'] })).toHaveLength(2);
  });
});
