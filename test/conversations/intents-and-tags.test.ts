// Every inbound text is classified as it is stored (intent and the ai_* columns); the newest
// intent becomes the conversation's automatic tag beside the user's manual tags, and lists
// filter by either.
import { afterEach, describe, expect, it } from 'vitest';
import { parseActionRecord } from '../../main/intents/action-record';
import { CLASSIFIER_VERSION } from '../../main/intents/classifier';
import { conversationRig, type Rig } from './conversation-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('classification on ingest', () => {
  it('writes the intent, confidence, ai_processed and ai_action_taken of each inbound text, and who sent it', async () => {
    rig = await conversationRig();
    rig.text(0, 'I was charged twice this month, can someone look at my account?');
    rig.text(1, 'STOP');
    await rig.poll();
    const [billing] = rig.rawMessages(rig.conversationOf(0).id);
    expect(billing).toMatchObject({
      direction: 'inbound',
      intent: 'question_about_billing',
      ai_processed: 1,
      requires_response: 1,
      ai_responded: 0,
      ai_response_sent_at: null,
      from_member_id: rig.member(0).id,
      from_member_name: rig.member(0).name,
      source: 'inbox',
    });
    expect(billing!.ai_confidence_score).toBeGreaterThan(0);
    expect(parseActionRecord(billing!.ai_action_taken)).toMatchObject({
      intent: 'question_about_billing',
      classifierVersion: CLASSIFIER_VERSION,
      needsReply: true,
      action: 'tagged',
    });
    const [stop] = rig.rawMessages(rig.conversationOf(1).id);
    expect(stop).toMatchObject({ direction: 'system', intent: 'opt_out', ai_processed: 1, requires_response: 0 });
    expect(rig.conversationOf(0).intent).toBe('question_about_billing');
  });
});

describe('tags', () => {
  it('keeps the automatic intent tag beside manual tags, follows the newest intent, and filters by tag', async () => {
    rig = await conversationRig();
    const { app } = rig;
    rig.text(2, 'I was charged twice this month');
    rig.text(3, 'Can I book a session with a trainer on Thursday?');
    await rig.poll();
    const billing = rig.conversationOf(2);
    expect(billing.tags).toEqual(['question_about_billing']);

    app.db.conversations.setTags(billing.id, ['vip', 'front desk']);
    expect(app.db.conversations.get(billing.id)!.tags).toEqual(['front desk', 'question_about_billing', 'vip']);
    expect(app.db.conversations.list({ tag: 'vip' }).items.map((c) => c.id)).toEqual([billing.id]);
    expect(app.db.conversations.list({ tag: 'question_about_billing' }).items.map((c) => c.id)).toEqual([billing.id]);

    // A new text with another intent moves the automatic tag; the manual ones stay.
    rig.text(2, 'Actually, what time does the gym open on Sunday?');
    await rig.poll();
    const after = rig.conversationOf(2);
    expect(after.intent).toBe('question_about_schedule');
    expect(after.tags).toEqual(['front desk', 'question_about_schedule', 'vip']);
    expect(app.db.conversations.list({ tag: 'question_about_billing' }).items).toEqual([]);
    const counts = app.db.conversations.counts({});
    expect(counts.tags).toEqual(
      expect.arrayContaining([
        { tag: 'vip', count: 1 },
        { tag: 'question_about_schedule', count: 1 },
      ]),
    );

    // Clearing manual tags leaves the automatic one.
    expect(app.db.conversations.setTags(after.id, []).tags).toEqual(['question_about_schedule']);
  });
});
