// The assistant's pure parts: business hours in the club's zone, safety flags, the guards, the
// rule-based drafts and the policy's gates.
import { describe, expect, it } from 'vitest';
import { closedPeriodStart, isStaffedAt, nextStaffedOpening, spansOn } from '../../main/services/assistant/business-hours';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../common/assistant-settings';
import { csvCell } from '../../main/services/assistant/action-log-csv';
import { draftReply } from '../../main/services/assistant/drafting';
import { knowledgeCorpus } from '../../main/services/assistant/facts';
import { checkDraft } from '../../main/services/assistant/guards';
import { EMPTY_KNOWLEDGE, knowledgeSchema } from '../../common/knowledge';
import { memberContext, parseConfirmation } from '../../main/services/assistant/member-context';
import { decide, type DecisionInput } from '../../main/services/assistant/policy';
import { safetyFlags } from '../../main/services/assistant/safety';
import { dayReferenceOf } from '../../main/services/assistant/topics';
import { zonedToEpoch } from '../../common/time/club-time';
import { SAMPLE_KNOWLEDGE } from './sample-knowledge';

const CHI = 'America/Chicago';
const at = (y: number, mo: number, d: number, h: number, mi = 0, zone = CHI): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, zone);
const sources = { knowledge: knowledgeCorpus(SAMPLE_KNOWLEDGE), thread: '' };

describe('business hours', () => {
  it('reads staffed hours on the club clock, not the host clock', () => {
    // Monday 2026-12-07, 9:30 in Chicago is 15:30 UTC.
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 7, 9, 30), CHI)).toBe(true);
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 7, 8, 59), CHI)).toBe(false);
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 7, 19, 0), CHI)).toBe(false);
    // The same instant is 4:30 PM in Los Angeles? No: the knowledge is read in the zone given.
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 7, 8, 30, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(false);
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 7, 9, 30, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(true);
  });

  it('uses a holiday over the weekday and treats unknown hours as not staffed', () => {
    expect(spansOn(SAMPLE_KNOWLEDGE, 'staffed', '2026-12-25')).toEqual([]);
    expect(isStaffedAt(SAMPLE_KNOWLEDGE, at(2026, 12, 25, 11), CHI)).toBe(false);
    expect(isStaffedAt(EMPTY_KNOWLEDGE, at(2026, 12, 7, 11), CHI)).toBe(false);
    expect(nextStaffedOpening(EMPTY_KNOWLEDGE, at(2026, 12, 7, 11), CHI)).toBeNull();
  });

  it('finds the next staffed opening across closed days and holidays', () => {
    // Thursday Dec 24, 8 PM → Christmas closed → Saturday Dec 26 10:00 (Friday is the holiday).
    expect(nextStaffedOpening(SAMPLE_KNOWLEDGE, at(2026, 12, 24, 20), CHI)).toBe(at(2026, 12, 26, 10));
    // Saturday 3 PM → Sunday unstaffed → Monday 9:00.
    expect(nextStaffedOpening(SAMPLE_KNOWLEDGE, at(2026, 12, 5, 15), CHI)).toBe(at(2026, 12, 7, 9));
    expect(closedPeriodStart(SAMPLE_KNOWLEDGE, at(2026, 12, 8, 2), CHI)).toBe(at(2026, 12, 7, 19));
  });

  it('keeps wall-clock hours across a DST change', () => {
    // 2026-03-08 is the US spring-forward Sunday; Monday 9:00 CDT is 14:00 UTC.
    expect(nextStaffedOpening(SAMPLE_KNOWLEDGE, at(2026, 3, 7, 20), CHI)).toBe(Date.parse('2026-03-09T14:00:00Z'));
  });

  it('rejects a span that ends before it starts', () => {
    expect(knowledgeSchema.safeParse({ staffedHours: { mon: [{ from: '19:00', to: '09:00' }] } }).success).toBe(false);
  });
});

describe('safety flags', () => {
  it.each([
    ['I slipped in the shower and hurt my back', 'injury'],
    ['I felt dizzy and passed out on the treadmill', 'medical'],
    ['A guy in the weight room keeps harassing me', 'harassment'],
    ['Can my 14 year old come with me?', 'minor'],
    ["I'm calling my lawyer about these charges", 'legal'],
    ['If you charge me again you will regret it', 'threat'],
    ['Me caí en la regadera y me lastimé', 'injury'],
    ['Voy a llamar a mi abogado', 'legal'],
  ])('%s → %s', (text, flag) => {
    expect(safetyFlags(text)).toContain(flag);
  });

  it('leaves ordinary texts alone', () => {
    for (const text of ['What time do you open tomorrow?', 'Can I bring a friend Saturday?', 'Thanks, see you at 6!']) expect(safetyFlags(text)).toEqual([]);
  });
});

describe('guards', () => {
  it('passes what the knowledge says and refuses what it does not', () => {
    expect(checkDraft('Hi Ana! Our plans: Monthly $39.99 a month. Staffed 9 AM–7 PM.', sources)).toEqual([]);
    expect(checkDraft('Hi Ana! It is $29.99 a month.', sources).map((f) => f.rule)).toEqual(['price']);
    expect(checkDraft('See https://evil.example/deal for details', sources).map((f) => f.rule)).toContain('link');
    expect(checkDraft('Call us at 555-123-4567', sources).map((f) => f.rule)).toEqual(['phone']);
    expect(checkDraft('We open at 5 AM', sources).map((f) => f.rule)).toEqual(['time']);
    expect(checkDraft('Hi {firstName}, thanks!', sources).map((f) => f.rule)).toEqual(['placeholder']);
    expect(checkDraft('x'.repeat(700), sources).map((f) => f.rule)).toContain('too_long');
  });

  it('refuses promises about money or cancellations', () => {
    for (const text of ["I've refunded the charge.", "We'll waive the fee this time.", 'Your membership has been cancelled.', 'I cancelled your membership.', 'Te devolvemos el dinero.']) {
      expect(checkDraft(text, sources).map((f) => f.rule), text).toContain('promise');
    }
    // Quoting the policy is not a promise.
    expect(checkDraft(`About cancelling: ${SAMPLE_KNOWLEDGE.cancelPolicy}`, sources)).toEqual([]);
  });

  it('allows a time the thread already holds (a ClubOS confirmation)', () => {
    const thread = 'CONFIRM - Personal Training at 6:15 PM on Dec 9, 2026 has been confirmed.';
    expect(checkDraft('I see your Personal Training on Dec 9 at 6:15 PM.', { ...sources, thread })).toEqual([]);
    expect(checkDraft('I see your Personal Training on Dec 9 at 6:15 PM.', sources).map((f) => f.rule)).toEqual(['time']);
  });
});

describe('rule-based drafts', () => {
  const member = memberContext('JANE DOE', false, []);
  const base = { member, knowledge: SAMPLE_KNOWLEDGE, nowMs: at(2026, 12, 7, 20), timeZone: CHI, flags: [] };

  it('resolves "tomorrow" in the club zone and states only known hours', () => {
    const d = draftReply({ ...base, intent: 'question_about_schedule', text: 'Is anyone at the front desk tomorrow?' });
    expect(d.text).toBe('Hi Jane! Tomorrow the front desk is staffed 9 AM–7 PM.');
    expect(d.facts.map((f) => f.id)).toEqual(['staffedHours']);
    expect(checkDraft(d.text, sources)).toEqual([]);
    // 11 PM Monday in Chicago is already Tuesday in UTC: "tomorrow" is still Tuesday for the club.
    expect(dayReferenceOf('tomorrow', SAMPLE_KNOWLEDGE, at(2026, 12, 7, 23), CHI)?.date).toBe('2026-12-08');
  });

  it('names a holiday and the holiday hours', () => {
    const d = draftReply({ ...base, intent: 'question_about_schedule', text: 'Are you staffed on Christmas?' });
    expect(d.text).toContain('Christmas Day');
    expect(d.text).toContain("isn't staffed");
    expect(d.facts[0]?.id).toBe('holiday:2026-12-25');
  });

  it('tells staff what is missing instead of inventing it', () => {
    const d = draftReply({ ...base, knowledge: EMPTY_KNOWLEDGE, intent: 'question_about_membership', text: 'How do I freeze my membership?' });
    expect(d.missing).toEqual(['freezePolicy']);
    expect(d.staffNotes[0]).toMatch(/freeze policy in Settings → Knowledge/);
    expect(d.text).toBe('Hi Jane! Let me check and get back to you shortly.');
    expect(d.facts).toEqual([]);
  });

  it('answers in Spanish with the same facts', () => {
    const d = draftReply({ ...base, intent: 'question_about_membership', text: '¿Cuánto cuesta la membresía?' });
    expect(d.language).toBe('es');
    expect(d.text).toMatch(/^¡Hola Jane! Nuestros planes: Monthly \$39\.99 a month/u);
    expect(checkDraft(d.text, sources)).toEqual([]);
  });

  it('mentions the next confirmed appointment on a cancellation, from the CONFIRM text', () => {
    const thread = [{ direction: 'system' as const, body: 'CONFIRM - Personal Training at 6:15 PM on Dec 9, 2026 has been confirmed.', sentAt: '2026-12-05T15:00:00.000Z' }];
    expect(parseConfirmation(thread[0]!.body)).toEqual({ what: 'Personal Training', time: '6:15 PM', date: '2026-12-09', dateText: 'Dec 9' });
    const d = draftReply({ ...base, member: memberContext('Jane Doe', false, thread), intent: 'appointment_cancellation', text: "I can't make my session this week, sorry" });
    expect(d.text).toContain('I see your Personal Training on Dec 9 at 6:15 PM.');
  });

  it('answers a Q&A entry and says nothing for spam or ClubOS texts', () => {
    expect(draftReply({ ...base, intent: 'general_inquiry', text: "what's the wifi password" }).facts.map((f) => f.id)).toEqual(['faq:0']);
    expect(draftReply({ ...base, intent: 'spam', text: 'Win a free cruise' }).text).toBe('');
    expect(draftReply({ ...base, intent: 'opt_out', text: 'STOP' }).text).toBe('');
  });
});

describe('policy', () => {
  const input: DecisionInput = {
    intent: 'question_about_schedule',
    confidence: 0.95,
    needsReply: true,
    flags: [],
    topics: ['staffed'],
    optedOut: false,
    mode: 'auto',
    threshold: 0.85,
    staffed: true,
    autoAfterHours: false,
    autoRepliesThisTurn: 0,
    autoRepliesLastHour: 0,
    hourlyCap: 10,
    draftComplete: true,
    draftPassesGuards: true,
    draftEmpty: false,
  };

  it('sends by itself only when every gate passes', () => {
    expect(decide(input)).toEqual({ decision: 'auto', refused: [] });
    expect(decide({ ...input, confidence: 0.6 }).refused).toEqual(['low_confidence']);
    expect(decide({ ...input, staffed: false }).refused).toEqual(['outside_staffed_hours']);
    expect(decide({ ...input, staffed: false, autoAfterHours: true }).decision).toBe('auto');
    expect(decide({ ...input, autoRepliesThisTurn: 1 }).refused).toEqual(['already_replied_this_turn']);
    expect(decide({ ...input, autoRepliesLastHour: 10 }).refused).toEqual(['hourly_cap']);
    expect(decide({ ...input, draftComplete: false }).refused).toEqual(['draft_incomplete']);
    expect(decide({ ...input, draftPassesGuards: false }).decision).toBe('queue');
  });

  it('never sends complaints, billing, cancellations, needs-a-person, opt texts or flagged texts by itself', () => {
    for (const intent of ['complaint', 'question_about_billing', 'appointment_cancellation', 'requires_human_response', 'opt_in'] as const) {
      expect(decide({ ...input, intent }).decision, intent).toBe('queue');
    }
    expect(decide({ ...input, flags: ['injury'] }).refused).toEqual(['safety']);
    expect(decide({ ...input, topics: ['cancel'] }).refused).toEqual(['cancellation']);
  });

  it('never sends anything to an opted-out member, and does nothing when the policy is off', () => {
    expect(decide({ ...input, optedOut: true })).toEqual({ decision: 'suggest', refused: ['opted_out'] });
    expect(decide({ ...input, mode: 'off' }).decision).toBe('none');
    expect(decide({ ...input, needsReply: false }).decision).toBe('none');
    expect(decide({ ...input, mode: 'queue' }).decision).toBe('queue');
  });

  it('defaults to suggest for every intent', () => {
    expect(new Set(Object.values(DEFAULT_ASSISTANT_SETTINGS.policy))).toEqual(new Set(['suggest']));
    expect(DEFAULT_ASSISTANT_SETTINGS.model.enabled).toBe(false);
    expect(DEFAULT_ASSISTANT_SETTINGS.afterHoursAck.enabled).toBe(false);
  });
});

describe('CSV cells', () => {
  it('quotes and defuses formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.9)).toBe('0.9');
  });
});
