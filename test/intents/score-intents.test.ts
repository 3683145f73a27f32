import { describe, expect, it } from 'vitest';
import { phrase, type KeywordRule } from '../../main/intents/keyword-rule';
import { confidenceFromScores, scoreIntents } from '../../main/intents/score-intents';

const rules: KeywordRule[] = [
  { id: 'a.thanks', intent: 'praise', pattern: phrase(String.raw`\bthanks\b`), weight: 2 },
  { id: 'b.hurt', intent: 'requires_human_response', pattern: phrase(String.raw`\bhurt\b`), weight: 2 },
  { id: 'c.charge', intent: 'question_about_billing', pattern: phrase(String.raw`\bcharge\b`), weight: 1 },
  { id: 'd.card', intent: 'question_about_billing', pattern: phrase(String.raw`\bcard\b`), weight: 1.5 },
];

describe('scoreIntents', () => {
  it('sums the weights per intent, counting each rule once, and lists the rules that fired', () => {
    const { ranked, signals } = scoreIntents('charge my card, charge it again', rules);
    expect(ranked).toEqual([{ intent: 'question_about_billing', score: 2.5 }]);
    expect(signals).toEqual(['c.charge', 'd.card']);
  });

  it('breaks ties toward the more urgent intent', () => {
    expect(scoreIntents('thanks, but i hurt my knee', rules).ranked.map((r) => r.intent)).toEqual(['requires_human_response', 'praise']);
  });
});

describe('confidenceFromScores', () => {
  it('grows with the margin and with the evidence, and stays within 0..1', () => {
    expect(confidenceFromScores(0, 0)).toBe(0);
    expect(confidenceFromScores(3, 3)).toBeLessThan(confidenceFromScores(3, 1));
    expect(confidenceFromScores(3, 1)).toBeLessThan(confidenceFromScores(3, 0));
    expect(confidenceFromScores(1, 0)).toBeLessThan(confidenceFromScores(6, 0));
    expect(confidenceFromScores(100, 0)).toBe(0.99);
  });
});
