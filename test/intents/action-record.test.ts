import { describe, expect, it } from 'vitest';
import { aiActionTakenSchema, buildActionRecord, messageAiFields, parseActionRecord } from '../../main/intents/action-record';
import { CLASSIFIER_VERSION, classify } from '../../main/intents/classifier';

describe('ai_action_taken record', () => {
  it('records intent, confidence, version, reply need and the rules that fired', () => {
    const classification = classify('Why was I charged twice this month?');
    const record = buildActionRecord(classification);
    expect(record).toEqual({
      intent: 'question_about_billing',
      confidence: classification.confidence,
      classifierVersion: CLASSIFIER_VERSION,
      needsReply: true,
      signals: classification.signals,
      action: 'tagged',
    });
    expect(record.signals).toContain('billing.charge');
    expect(aiActionTakenSchema.parse(record)).toEqual(record);
  });

  it('gives the message columns, and the stored JSON reads back to the same record', () => {
    const classification = classify('STOP - OPT OUT message received.  Texting has been disabled.');
    const fields = messageAiFields(classification);
    expect(fields).toMatchObject({ aiProcessed: true, aiConfidenceScore: 1 });
    expect(parseActionRecord(fields.aiActionTaken)).toEqual(buildActionRecord(classification));
  });

  it('reads anything else back as null rather than trusting it', () => {
    expect(parseActionRecord(null)).toBeNull();
    expect(parseActionRecord('not json')).toBeNull();
    expect(parseActionRecord('{"intent":"cancel_request","confidence":0.9}')).toBeNull();
    const valid = buildActionRecord(classify('ok'));
    expect(parseActionRecord(JSON.stringify({ ...valid, action: 'teleported' }))).toBeNull();
    expect(parseActionRecord(JSON.stringify({ ...valid, confidence: 1.5 }))).toBeNull();
  });
});
