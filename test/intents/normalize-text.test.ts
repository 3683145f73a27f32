import { describe, expect, it } from 'vitest';
import { MAX_CLASSIFIED_CHARS, normalizeText } from '../../main/intents/normalize-text';

describe('normalizeText', () => {
  it('lowercases, strips accents and apostrophes, folds quotes and collapses whitespace', () => {
    expect(normalizeText('  Quiero CANCELAR mi Membresía\n\n¿Cuánto?  ')).toBe('quiero cancelar mi membresia ¿cuanto?');
    expect(normalizeText('I can’t make it, I’m sick')).toBe('i cant make it, im sick');
    expect(normalizeText('He said “ok”')).toBe('he said "ok"');
    expect(normalizeText('mañana')).toBe('manana');
  });

  it('keeps emoji intact, including variation selectors and skin tones', () => {
    expect(normalizeText('Thanks ❤️ 👍🏽')).toBe('thanks ❤️ 👍🏽');
  });

  it('only reads a bounded prefix', () => {
    expect(normalizeText('x'.repeat(MAX_CLASSIFIED_CHARS + 500))).toHaveLength(MAX_CLASSIFIED_CHARS);
  });
});
