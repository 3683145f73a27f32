import { describe, expect, it } from 'vitest';
import { evaluate } from './intent-metrics';

describe('intent metrics', () => {
  it('computes precision, recall, F1 and the macro average over the labelled intents', () => {
    const report = evaluate([
      { expected: 'praise', predicted: 'praise' },
      { expected: 'praise', predicted: 'general_inquiry' },
      { expected: 'spam', predicted: 'spam' },
      { expected: 'spam', predicted: 'spam' },
      { expected: 'complaint', predicted: 'praise' },
    ]);
    const byIntent = Object.fromEntries(report.perIntent.map((r) => [r.intent, r]));
    expect(byIntent.praise).toMatchObject({ support: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(byIntent.spam).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(byIntent.complaint).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    // general_inquiry was predicted but never labelled: not part of the macro average.
    expect(byIntent.general_inquiry).toBeUndefined();
    expect(report.macroF1).toBeCloseTo(0.5, 10);
    expect(report.accuracy).toBeCloseTo(0.6, 10);
  });
});
