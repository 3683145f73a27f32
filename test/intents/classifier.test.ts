import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION, classify } from '../../main/intents/classifier';
import { readLabelledSet } from './labelled-set';

const intentOf = (body: string): string => classify(body).intent;

describe('classify: ClubOS system texts', () => {
  it('recognizes the exact auto-texts ClubOS writes into the inbox', () => {
    const cases: [string, string][] = [
      ['CONFIRM - Personal Training at 6:00 PM on Dec 9, 2026 has been confirmed.', 'appointment_confirmation'],
      ['CONFIRM - No event was found so nothing has been confirmed.', 'appointment_confirmation'],
      ['STOP - OPT OUT message received.  Texting has been disabled.', 'opt_out'],
      ['CANCEL - OPT OUT message received.  Texting has been disabled.', 'opt_out'],
      ['START - OPT IN message received.  Texting has been enabled.', 'opt_in'],
    ];
    for (const [body, intent] of cases) {
      const c = classify(body);
      expect(c, body).toMatchObject({ intent, confidence: 1, needsReply: false, version: CLASSIFIER_VERSION });
      expect(c.signals[0]).toMatch(/^system:/);
    }
  });

  it('treats a bare carrier keyword as what ClubOS treats it as', () => {
    for (const body of ['STOP', 'stop', 'Stop.', 'Cancel', 'CANCEL!', ' unsubscribe ']) {
      expect(classify(body), body).toMatchObject({ intent: 'opt_out', needsReply: false, signals: ['keyword:opt-out'] });
    }
    expect(classify('START')).toMatchObject({ intent: 'opt_in', needsReply: false });
  });
});

describe('classify: the three meanings of "cancel"', () => {
  it('never reads "CANCEL - OPT OUT" as a membership or session cancellation', () => {
    expect(intentOf('CANCEL - OPT OUT message received.  Texting has been disabled.')).toBe('opt_out');
  });

  it('files a membership cancellation under membership', () => {
    expect(intentOf('I want to cancel my membership')).toBe('question_about_membership');
    expect(intentOf('How do I cancel my contract? Moving to Denver next month')).toBe('question_about_membership');
    expect(intentOf('Quiero cancelar mi membresía')).toBe('question_about_membership');
  });

  it('files a session cancellation under appointment_cancellation', () => {
    expect(intentOf('Please cancel my session tomorrow')).toBe('appointment_cancellation');
    expect(intentOf('need to cancel my 6am thursday, sorry')).toBe('appointment_cancellation');
    expect(intentOf('Can we cancel class tonight? Sick kid')).toBe('appointment_cancellation');
  });

  it('reads "cancel and rebook" as a request for a new time and "stop charging me" as billing', () => {
    expect(intentOf('Can I cancel tomorrow and reschedule for Monday?')).toBe('appointment_request');
    expect(intentOf('Stop charging my card, I cancelled months ago')).toBe('question_about_billing');
  });
});

describe('classify: short acknowledgements', () => {
  it('needs no reply to "ok", "k", "Confirmed", "see you then" or 👍', () => {
    for (const body of ['ok', 'K', 'Okay!', 'Confirmed', 'see you then', 'Sounds good, see you Tuesday', '👍', 'Got it 👍']) {
      expect(classify(body), body).toMatchObject({ intent: 'general_inquiry', needsReply: false });
    }
  });

  it('files thanks as praise, with no reply needed', () => {
    for (const body of ['thanks', 'Thank you so much!', 'ty 🙏', 'Gracias!', 'ok thanks', '❤️']) {
      expect(classify(body), body).toMatchObject({ intent: 'praise', needsReply: false });
    }
  });

  it('does not swallow a request that starts like an ack', () => {
    expect(classify('Thanks! Can we do Thursday at 5 instead?')).toMatchObject({ intent: 'appointment_request', needsReply: true });
    expect(classify('ok. also I need to cancel tues')).toMatchObject({ intent: 'appointment_cancellation', needsReply: true });
  });
});

describe('classify: member texts', () => {
  it('files the common front-desk topics', () => {
    expect(intentOf('I get paid Tuesday, I will pay then')).toBe('question_about_billing');
    expect(intentOf('Why was I charged twice??')).toBe('question_about_billing');
    expect(intentOf('my key fob stopped working')).toBe('requires_human_response');
    expect(intentOf('How much is a membership for a couple?')).toBe('question_about_membership');
    expect(intentOf('What time do you close on Sunday?')).toBe('question_about_schedule');
    expect(intentOf('Running late, be there in 10')).toBe('general_inquiry');
    expect(intentOf("Can't make it today, doctor says rest for my back")).toBe('appointment_cancellation');
  });

  it('handles basic Spanish', () => {
    expect(intentOf('Quiero una cita para el martes')).toBe('appointment_request');
    expect(intentOf('¿Cuánto cuesta la membresía?')).toBe('question_about_membership');
    expect(intentOf('No puedo ir mañana, estoy enferma')).toBe('appointment_cancellation');
    expect(intentOf('Me cobraron dos veces')).toBe('question_about_billing');
    expect(intentOf('¿A qué hora abren el sábado?')).toBe('question_about_schedule');
  });

  it('reads emoji as part of the message', () => {
    expect(intentOf('showers are freezing again 😡')).toBe('complaint');
    expect(intentOf('Cant come today 😷')).toBe('appointment_cancellation');
  });

  it('needs no reply to spam, and says so', () => {
    expect(classify('Congratulations! Claim your prize at www.win-big.biz')).toMatchObject({ intent: 'spam', needsReply: false });
  });

  it('answers general_inquiry with low confidence when no rule applies', () => {
    expect(classify('qwerty zxcv')).toMatchObject({ intent: 'general_inquiry', confidence: 0.3, needsReply: true, signals: ['fallback'] });
  });
});

describe('classify: edges and guarantees', () => {
  it('classifies empty and whitespace-only bodies as nothing to answer', () => {
    for (const body of ['', '   ', '\n\t ']) {
      expect(classify(body)).toEqual({ intent: 'general_inquiry', confidence: 0, needsReply: false, version: CLASSIFIER_VERSION, signals: ['empty'] });
    }
  });

  it('classifies a 900-character multi-line text, and bounds the work on a huge one', () => {
    const paragraph =
      'Hi, I am writing about my account again.\nI was charged twice on the 1st and once more on the 3rd, and the front desk said it would be refunded within a week. ';
    const long = paragraph.repeat(6).slice(0, 900);
    expect(long).toHaveLength(900);
    expect(classify(long)).toMatchObject({ intent: 'question_about_billing', needsReply: true });
    const huge = 'a'.repeat(200_000) + ' charged twice';
    // Past the classified prefix: the billing words are never seen, so this is the fallback.
    expect(classify(huge).intent).toBe('general_inquiry');
  });

  it('is deterministic and independent of call order', () => {
    const set = readLabelledSet(fileURLToPath(new URL('../fixtures/intents/eval.jsonl', import.meta.url)));
    const forward = set.map((m) => classify(m.text));
    const backward = [...set].reverse().map((m) => classify(m.text)).reverse();
    expect(backward).toEqual(forward);
    for (const c of forward) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.signals.length).toBeGreaterThan(0);
      expect(c.version).toBe(CLASSIFIER_VERSION);
    }
  });
});
