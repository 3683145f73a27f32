// The assistant end to end against the ClubOS simulator: new texts are assessed, answered by
// itself only when the policy and every gate allow, queued otherwise, approved by a person, and
// every step lands in the append-only action log and the message's ai_* columns.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../common/contract';
import { createAssistantService, type AssistantService } from '../../main/services/assistant/assistant-service';
import { DEFAULT_ASSISTANT_SETTINGS, type AssistantSettings } from '../../common/assistant-settings';
import { createEventBus } from '../../common/event-bus';
import { conversationEvents } from '../../main/services/change-feed';
import { memorySecretStore } from '../../main/services/secret-store';
import { sendReply } from '../../main/services/send-reply';
import { parseActionRecord } from '../../main/intents/action-record';
import { memoryLogger } from '../../common/log/logger';
import { chicago } from '../sync/sync-rig';
import { conversationRig, type Rig } from '../conversations/conversation-rig';
import { testOutbox } from '../conversations/test-outbox';
import { startChatServer, type Behaviour } from './chat-completions-server';
import { SAMPLE_KNOWLEDGE } from './sample-knowledge';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

interface Setup {
  rig: Rig;
  assistant: AssistantService;
  events: AppEvent[];
  /** Member i texts, a minute passes, the app syncs and the assistant assesses. */
  text(i: number, body: string): Promise<number>;
  outboundTo(i: number): string[];
  kinds(conversationId: number): string[];
}

async function setup(policy: Partial<AssistantSettings['policy']>, change: Partial<AssistantSettings> = {}, start?: number): Promise<Setup> {
  const r = await conversationRig(start === undefined ? {} : { start });
  rig = r;
  const bus = createEventBus();
  const events: AppEvent[] = [];
  bus.subscribe((e) => events.push(e));
  // The classifier gives a plain one-line question about 0.7; staff lower the bar in these tests.
  change = { autoThreshold: 0.6, ...change };
  const outbox = testOutbox(r.app.db);
  const assistant = createAssistantService({
    appDb: r.app.db,
    session: () => ({
      db: r.app.db,
      clubContext: () => Promise.resolve(r.context),
      send: (args, actor) => sendReply(r.app.db, r.app.client, r.context, outbox, args, actor),
    }),
    clock: r.club.clock,
    logger: memoryLogger('test'),
    events: bus,
    changes: conversationEvents(bus, r.club.clock),
    modelKey: memorySecretStore(),
  });
  assistant.saveKnowledge(SAMPLE_KNOWLEDGE);
  await assistant.setSettings({ ...DEFAULT_ASSISTANT_SETTINGS, ...change, policy: { ...DEFAULT_ASSISTANT_SETTINGS.policy, ...policy } });
  return {
    rig: r,
    assistant,
    events,
    async text(i, body) {
      r.text(i, body);
      await r.poll();
      const id = r.conversationOf(i).id;
      await assistant.onMessagesAdded([id]);
      return id;
    },
    outboundTo: (i) =>
      r.club.sim
        .followUpLog(r.member(i).id)
        .filter((e) => e.direction === 'outbound' && e.kind === 'text')
        .map((e) => e.body),
    kinds: (conversationId) => r.app.db.actionLog.list({ conversationId, limit: 500 }).map((a) => a.kind).reverse(),
  };
}

describe('assistant service', () => {
  it('answers a schedule question by itself when staff chose auto, and records why', async () => {
    const s = await setup({ question_about_schedule: 'auto' });
    const before = s.outboundTo(1).length;
    const id = await s.text(1, 'Is the front desk staffed tomorrow?');
    const sent = s.outboundTo(1).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/Tomorrow the front desk is staffed 9 AM–7 PM\.$/u);
    // The outbox's own record of the post sits in the same log, in the assistant's name.
    expect(s.kinds(id)).toEqual(['assessed', 'drafted', 'auto_send_started', 'text_sent', 'auto_sent']);
    expect(s.rig.app.db.actionLog.list({ conversationId: id, kinds: ['text_sent'] })[0]?.actor).toBe('assistant');
    const autoSent = s.rig.app.db.actionLog.list({ conversationId: id, kinds: ['auto_sent'] })[0]!;
    expect(autoSent.detail.facts).toEqual(['staffedHours']);
    const raw = s.rig.rawMessages(id).filter((m) => m.direction === 'inbound').at(-1)!;
    expect(raw.ai_responded).toBe(1);
    expect(raw.ai_response_sent_at).not.toBeNull();
    expect(raw.ai_processed).toBe(1);
    expect(parseActionRecord(raw.ai_action_taken)).toMatchObject({ action: 'auto_sent', assistant: { decision: 'auto', facts: ['staffedHours'] } });
    // Our own reply is announced quietly, so it is never assessed again.
    expect(s.events.some((e) => e.type === 'messagesAdded' && e.quiet && e.conversationIds.includes(id))).toBe(true);

    // Assessing the same text again sends nothing more.
    await s.assistant.onMessagesAdded([id]);
    expect(s.outboundTo(1).slice(before)).toHaveLength(1);

    // The member texts again before any person answered: at most one automatic reply per turn.
    await s.text(1, 'Is the front desk staffed on Saturday?');
    expect(s.outboundTo(1).slice(before)).toHaveLength(1);
    const queued = s.assistant.listQueue();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.notes.join(' ')).toMatch(/already went out since the member last heard from a person/u);
  });

  it('never sends complaints, cancellations or safety-flagged texts by itself, whatever the policy', async () => {
    const s = await setup({ complaint: 'auto', question_about_membership: 'auto', question_about_schedule: 'auto', general_inquiry: 'auto' });
    const before = [2, 3, 4].map((i) => s.outboundTo(i).length);
    await s.text(2, 'The showers were filthy again today, this is unacceptable');
    await s.text(3, 'How do I cancel my membership?');
    await s.text(4, 'I slipped near the squat rack and hurt my wrist, what time is the desk open?');
    expect([2, 3, 4].map((i, n) => s.outboundTo(i).length - before[n]!)).toEqual([0, 0, 0]);
    const queue = s.assistant.listQueue();
    expect(queue.map((d) => d.memberName).sort()).toEqual([2, 3, 4].map((i) => s.rig.member(i).name).sort());
    const reasons = s.rig.app.db.actionLog.list({ kinds: ['refused'] }).map((a) => a.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('intent_needs_person'), expect.stringContaining('cancellation'), expect.stringContaining('safety')]));
  });

  it('never texts an opted-out member, whatever the policy', async () => {
    const s = await setup({ question_about_schedule: 'auto' });
    await s.text(5, 'STOP');
    expect(s.rig.conversationOf(5).optedOut).toBe(true);
    const before = s.outboundTo(5).length;
    const id = await s.text(5, 'what are the staffed hours tomorrow?');
    expect(s.outboundTo(5).length).toBe(before);
    expect(s.assistant.listQueue()).toEqual([]);
    const draft = s.rig.app.db.drafts.openFor(id)!;
    expect(draft.status).toBe('suggested');
    expect(s.rig.app.db.actionLog.list({ conversationId: id, kinds: ['refused'] })[0]?.reason).toBe('opted_out');
  });

  it('stops at the hourly cap', async () => {
    const s = await setup({ question_about_schedule: 'auto' }, { hourlyCap: 1 });
    const before = [6, 7].map((i) => s.outboundTo(i).length);
    await s.text(6, 'Is the front desk staffed tomorrow?');
    await s.text(7, 'Is the front desk staffed tomorrow?');
    expect([6, 7].map((i, n) => s.outboundTo(i).length - before[n]!)).toEqual([1, 0]);
    expect(s.rig.app.db.actionLog.list({ kinds: ['refused'] })[0]?.reason).toBe('hourly_cap');
  });

  it('waits outside staffed hours and acknowledges once per closed period', async () => {
    // Monday 8 PM in Chicago: staffed 9–7, so closed until Tuesday 9 AM.
    const s = await setup({ question_about_schedule: 'auto' }, { afterHoursAck: { enabled: true, text: DEFAULT_ASSISTANT_SETTINGS.afterHoursAck.text } }, chicago(2026, 12, 7, 20, 0));
    const before = s.outboundTo(8).length;
    const id = await s.text(8, 'Is the front desk staffed on Saturday?');
    await s.text(8, 'Hello?? anyone');
    const sent = s.outboundTo(8).slice(before);
    expect(sent).toEqual(["Thanks for your message! The front desk is closed right now; we'll answer from tomorrow at 9 AM."]);
    expect(s.assistant.listQueue().map((d) => d.memberText)).toEqual(['Is the front desk staffed on Saturday?']);
    const refused = s.rig.app.db.actionLog.list({ conversationId: id, kinds: ['refused'] }).map((a) => a.reason);
    expect(refused).toEqual(expect.arrayContaining(['already_acknowledged', expect.stringContaining('outside_staffed_hours')]));

    // A complaint at night gets no automatic note either: a person answers it.
    const before9 = s.outboundTo(9).length;
    const complaint = await s.text(9, 'The showers were filthy again tonight, this is unacceptable');
    expect(s.outboundTo(9).length).toBe(before9);
    expect(s.rig.app.db.actionLog.list({ conversationId: complaint, kinds: ['refused'] }).map((a) => a.reason)).toContain('intent_needs_person');
  });

  it('sends an approved draft once, in the approver\'s name, and records edits and rejections', async () => {
    const s = await setup({ question_about_membership: 'queue', question_about_schedule: 'queue' });
    const a = await s.text(9, 'How much is a membership?');
    const b = await s.text(10, 'Is the desk staffed Saturday?');
    const [first, second] = s.assistant.listQueue();
    expect(first!.conversationId).toBe(a);
    expect(first!.facts.map((f) => f.id)).toEqual(['plans']);
    expect(s.events.filter((e) => e.type === 'approvalQueueChanged').at(-1)).toMatchObject({ pending: 2 });

    const before = s.outboundTo(9).length;
    const approved = await s.assistant.decideDraft({ draftId: first!.id, decision: 'approve', body: `${first!.body} See you soon!` });
    expect(approved.status).toBe('sent');
    expect(approved.decidedBy).toBe(`staff:${s.rig.context.loggedInUserName}`);
    expect(s.outboundTo(9).slice(before)).toEqual([`${first!.body} See you soon!`]);
    await expect(s.assistant.decideDraft({ draftId: first!.id, decision: 'approve' })).rejects.toMatchObject({ code: 'conflict' });
    expect(s.outboundTo(9).slice(before)).toHaveLength(1);
    expect(s.kinds(a)).toEqual(['assessed', 'drafted', 'queued', 'approved', 'edited', 'text_sent', 'sent']);

    const rejected = await s.assistant.decideDraft({ draftId: second!.id, decision: 'reject' });
    expect(rejected.status).toBe('rejected');
    expect(s.kinds(b).at(-1)).toBe('rejected');
    expect(s.assistant.pendingCount()).toBe(0);
  });

  it('drafts with the model when staff set one up, and falls back to the built-in draft with a note', async () => {
    const server = await startChatServer();
    try {
      const s = await setup({}, { model: { enabled: true, baseUrl: server.baseUrl, model: 'llama3.2', timeoutSeconds: 5 } });
      await s.assistant.setApiKey('sk-local');
      expect(await s.assistant.getState()).toMatchObject({ apiKeyStored: true });
      expect(JSON.stringify(await s.assistant.getState())).not.toContain('sk-local');
      const id = await s.text(12, 'Is the front desk staffed tomorrow?');

      server.script({ kind: 'answer', text: 'Yes! Tomorrow the desk is staffed 9 AM–7 PM.', chunks: 4 });
      const good = await s.assistant.draftForComposer(id, 'req-1');
      expect(good).toMatchObject({ source: 'model', text: 'Yes! Tomorrow the desk is staffed 9 AM–7 PM.', notes: [] });
      const progress = s.events.filter((e) => e.type === 'draftProgress' && e.requestId === 'req-1');
      expect(progress.length).toBeGreaterThanOrEqual(4);
      expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer sk-local');

      const cases: Array<[Behaviour, RegExp]> = [
        [{ kind: 'error', status: 429, message: 'Too many requests' }, /The model was not used: .*429/u],
        [{ kind: 'error', status: 500, message: 'boom' }, /The model was not used: .*500/u],
        [{ kind: 'garbage', body: '{"oops":1}', contentType: 'application/json' }, /The model was not used/u],
        [{ kind: 'cut', text: 'Tomorrow the' }, /The model was not used/u],
        [{ kind: 'answer', text: 'Tomorrow we are staffed 9 AM–7 PM and a membership is only $19!' }, /set aside: a price that is not in Knowledge/u],
        [{ kind: 'answer', text: "Don't worry, I've refunded your last payment." }, /set aside: a promise only a person may make/u],
        [{ kind: 'answer', text: 'Sign up at https://cheap-gym.example/deal' }, /set aside: a link/u],
      ];
      for (const [behaviour, note] of cases) {
        server.script(behaviour);
        const result = await s.assistant.draftForComposer(id, 'req-2');
        expect(result.source, JSON.stringify(behaviour)).toBe('rules');
        expect(result.text).toMatch(/Tomorrow the front desk is staffed 9 AM–7 PM\.$/u);
        expect(result.notes[0]).toMatch(note);
      }
      expect(s.rig.app.db.actionLog.list({ conversationId: id, kinds: ['model_fallback'] })).toHaveLength(cases.length);
    } finally {
      await server.close();
    }
  });

  it('versions Knowledge and moves it as a file; a wrong file changes nothing', async () => {
    const s = await setup({});
    const first = s.assistant.getKnowledge();
    expect(first.version).toBe(1);
    const file = s.assistant.exportKnowledge();
    expect(file.fileName).toMatch(/^frontdesk-knowledge-\d{4}-\d{2}-\d{2}\.json$/u);
    s.assistant.saveKnowledge({ ...SAMPLE_KNOWLEDGE, address: '9 Elm St' });
    expect(s.assistant.getKnowledge()).toMatchObject({ version: 2, knowledge: { address: '9 Elm St' } });
    const restored = s.assistant.importKnowledge(file.content);
    expect(restored.version).toBe(3);
    expect(restored.knowledge).toEqual(SAMPLE_KNOWLEDGE);
    expect(s.rig.app.db.knowledge.versions().map((v) => v.source)).toEqual(['import', 'edit', 'edit']);
    for (const bad of ['not json', '{"format":"something-else"}', JSON.stringify({ ...JSON.parse(file.content), knowledge: { staffedHours: { mon: [{ from: '19:00', to: '09:00' }] } } })]) {
      expect(() => s.assistant.importKnowledge(bad)).toThrow(/Nothing was changed|not JSON/u);
    }
    expect(s.assistant.getKnowledge().version).toBe(3);
  });

  it('closes queued drafts once a person answered, so the member never gets a second reply', async () => {
    const s = await setup({ question_about_schedule: 'queue' });
    const id = await s.text(13, 'Is the front desk staffed on Saturday?');
    const [draft] = s.assistant.listQueue();
    expect(draft?.conversationId).toBe(id);
    const message = await sendReply(s.rig.app.db, s.rig.app.client, s.rig.context, testOutbox(s.rig.app.db), { conversationId: id, channel: 'sms', body: 'Yes, 10 to 2!' });
    await s.assistant.recordStaffSend({ conversationId: id, channel: 'sms', body: 'Yes, 10 to 2!' }, message);
    expect(s.assistant.listQueue()).toEqual([]);
    expect(s.rig.app.db.drafts.get(draft!.id)?.status).toBe('superseded');
    expect(s.kinds(id).slice(-2)).toEqual(['sent', 'superseded']);
    await expect(s.assistant.decideDraft({ draftId: draft!.id, decision: 'approve' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps the action log append-only and exports it as CSV', async () => {
    const s = await setup({});
    await s.text(11, 'What time do you close on Friday?');
    const csv = s.assistant.exportActionLog().content.split('\r\n');
    expect(csv[0]).toBe('id,at,kind,actor,conversation_id,message_id,draft_id,member_name,intent,confidence,reason,detail');
    expect(csv.some((line) => line.includes(',suggested,assistant,'))).toBe(true);
    const raw = new Database(s.rig.dbPath);
    try {
      expect(() => raw.prepare("UPDATE assistant_actions SET kind = 'sent'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM assistant_actions').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });
});
