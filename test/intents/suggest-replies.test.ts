import { describe, expect, it } from 'vitest';
import { suggestionSchema } from '../../common/contract';
import { INTENTS, MEMBER_INTENTS } from '../../common/intent-catalog';
import { FIRST_NAME_PLACEHOLDER, defaultReplyTemplates } from '../../main/intents/reply-templates';
import { replyTemplateOverridesSchema, suggestReplies } from '../../main/intents/suggest-replies';

describe('default reply templates', () => {
  it('offers two or three greeting templates per member intent, none for spam or opt-outs', () => {
    for (const intent of MEMBER_INTENTS) {
      if (intent === 'spam') continue;
      const templates = defaultReplyTemplates[intent];
      expect(templates.length, intent).toBeGreaterThanOrEqual(2);
      expect(templates.length, intent).toBeLessThanOrEqual(3);
      for (const t of templates) expect(t.text, t.id).toContain(FIRST_NAME_PLACEHOLDER);
    }
    expect(defaultReplyTemplates.spam).toEqual([]);
    expect(defaultReplyTemplates.opt_out).toEqual([]);
  });

  it('gives every template a unique id and a text short enough for one SMS segment or two', () => {
    const all = INTENTS.flatMap((intent) => defaultReplyTemplates[intent]);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const t of all) expect(t.text.length, t.id).toBeLessThanOrEqual(160);
  });
});

describe('suggestReplies', () => {
  it("fills in the member's first name and returns contract-shaped suggestions", () => {
    const suggestions = suggestReplies('question_about_billing', 'JANE DOE');
    expect(suggestions.map((s) => s.id)).toEqual(defaultReplyTemplates.question_about_billing.map((t) => t.id));
    expect(suggestions[0]?.text).toBe("Hi Jane, thanks for reaching out about your bill. I'll look into it and get back to you today.");
    for (const s of suggestions) {
      expect(suggestionSchema.parse(s)).toEqual(s);
      expect(s.intent).toBe('question_about_billing');
      expect(s.text).not.toContain('{');
    }
  });

  it('greets an unknown member as "there"', () => {
    expect(suggestReplies('praise', null)[0]?.text).toBe('Thank you, there! That means a lot to us.');
  });

  it('applies staff overrides by id: new wording, or hidden', () => {
    const overrides = replyTemplateOverridesSchema.parse({
      'billing.look-into': 'Hey {firstName}! Checking on it now. {firstName}, give me 10 minutes.',
      'billing.got-it': null,
      'no.such-template': 'ignored',
    });
    const suggestions = suggestReplies('question_about_billing', 'sam lee', overrides);
    expect(suggestions.map((s) => s.id)).toEqual(['billing.look-into', 'billing.call']);
    expect(suggestions[0]?.text).toBe('Hey Sam! Checking on it now. Sam, give me 10 minutes.');
    expect(suggestions[1]?.text).toMatch(/^Hi Sam, /);
  });

  it('rejects blank override wording at the edge', () => {
    expect(replyTemplateOverridesSchema.safeParse({ 'billing.look-into': '   ' }).success).toBe(false);
    expect(replyTemplateOverridesSchema.safeParse({ 'billing.look-into': 42 }).success).toBe(false);
  });

  it('offers nothing for opt-outs and spam', () => {
    expect(suggestReplies('opt_out', 'Jane Doe')).toEqual([]);
    expect(suggestReplies('spam', 'Jane Doe')).toEqual([]);
  });
});
