import { describe, expect, it } from 'vitest';
import { knowledgeToInput, parseKnowledgeInput, parseSpans, spansToText } from '../../../renderer/src/forms/knowledge-form';
import { knowledgeSchema } from '../../../common/knowledge';

describe('knowledge form', () => {
  it('reads hours the way staff type them', () => {
    expect(parseSpans('')).toBeNull();
    expect(parseSpans('closed')).toEqual([]);
    expect(parseSpans('24h')).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(parseSpans('9-12, 1pm-7:30 PM')).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '19:30' },
    ]);
    expect(parseSpans('6:00–24:00')).toEqual([{ from: '06:00', to: '24:00' }]);
    expect(parseSpans('19:00-9:00')).toMatch(/ends before it starts/);
    expect(parseSpans('morning')).toMatch(/not a time span/);
    expect(spansToText([{ from: '09:00', to: '19:00' }])).toBe('09:00-19:00');
  });

  it('round-trips every field and names the wrong line', () => {
    const k = knowledgeSchema.parse({
      clubName: 'Riverside',
      openingHours: { mon: [{ from: '00:00', to: '24:00' }] },
      staffedHours: { mon: [{ from: '09:00', to: '19:00' }], sun: [] },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day', open: null, staffed: [] }],
      address: '1 River Rd',
      plans: [{ name: 'Monthly', price: '$39.99', details: 'no contract' }],
      classes: [{ name: 'Spin', day: 'wed', time: '18:00', trainer: 'Maria' }],
      trainers: [{ name: 'Maria Lopez', focus: 'spin' }],
      faq: [{ question: 'Wifi?', answer: 'Ask at the desk | it changes weekly' }],
    });
    const parsed = parseKnowledgeInput(knowledgeToInput(k));
    expect(parsed).toEqual({ ok: true, knowledge: k });
    const broken = parseKnowledgeInput({ ...knowledgeToInput(k), classes: 'Spin | Wednesday | 18:00\nYoga | someday | 7am', staffedHours: { ...knowledgeToInput(k).staffedHours, tue: 'noonish' } });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.errors.classes).toBe('Line 2: write class | weekday | time | trainer');
    expect(broken.errors['staffedHours.tue']).toMatch(/noonish/);
    expect(Object.keys(broken.errors).sort()).toEqual(['classes', 'staffedHours.tue']);
  });
});
