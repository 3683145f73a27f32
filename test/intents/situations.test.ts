// Suggestions that fit what the member actually said, and questions that are never mere praise.
import { describe, expect, it } from 'vitest';
import { classify } from '../../main/intents/classifier';
import { suggestReplies } from '../../main/intents/suggest-replies';
import { suggestionSituation } from '../../main/intents/suggestion-situation';

describe('suggestions that fit', () => {
  it('never thanks for confirming when ClubOS says nothing was confirmed', () => {
    const body = 'CONFIRM - No event was found so nothing has been confirmed.';
    const { intent } = classify(body);
    const texts = suggestReplies(intent, 'Ana Souza', {}, undefined, suggestionSituation(body)).map((s) => s.text);
    expect(texts.join('\n')).not.toMatch(/thanks for confirming/i);
    expect(texts).toEqual([expect.stringMatching(/couldn't find a booking/)]);
    const confirmed = 'CONFIRM - Your Personal Training Session on Dec 9, 2026 has been confirmed.';
    const ok = suggestReplies(classify(confirmed).intent, 'Ana Souza', {}, undefined, suggestionSituation(confirmed)).map((s) => s.text);
    expect(ok).toEqual(['Thanks for confirming, Ana! See you then.']);
  });

  it('tags a French "Merci!" question by what it asks, never as praise; a bare "Merci !" is a thank-you', () => {
    for (const text of ['Merci! Vous êtes ouverts dimanche?', 'Merci beaucoup! Super cours, il reste des places jeudi?', 'Thanks, great class! Are you open Sunday?']) {
      expect({ text, intent: classify(text).intent }).not.toEqual({ text, intent: 'praise' });
      expect(classify(text).needsReply).toBe(true);
    }
    expect(classify('Merci !')).toMatchObject({ intent: 'praise', needsReply: false });
  });
});
