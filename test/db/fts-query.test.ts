import { describe, expect, it } from 'vitest';
import { bodyOnly, planSearch } from '../../db/fts-query';
import { literalSnippet, parseSnippet } from '../../db/snippet';

describe('planSearch', () => {
  it('quotes every word and makes the last one a prefix (from two letters on)', () => {
    expect(planSearch('pool hours')).toEqual({ match: '"pool" "hours" *', literals: [] });
    expect(planSearch('  pool  ')).toEqual({ match: '"pool" *', literals: [] });
    expect(planSearch('po')).toEqual({ match: '"po" *', literals: [] });
    expect(planSearch('pool a')).toEqual({ match: '"pool" "a"', literals: [] });
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(planSearch('AND( NEAR x').match).toBe('"AND(" "NEAR" "x"');
    expect(planSearch('say "hi"').match).toBe('"say" """hi""" *');
    expect(planSearch('body:gym').match).toBe('"body:gym" *');
    expect(planSearch('- * " ^ ( )').match).toBeNull();
  });

  it('returns emoji as literals, since the tokenizer does not index them', () => {
    expect(planSearch('👍')).toEqual({ match: null, literals: ['👍'] });
    expect(planSearch('great 👍🏽 see you 🇺🇸')).toEqual({ match: '"great" "see" "you" *', literals: ['👍🏽', '🇺🇸'] });
  });

  it('drops control characters', () => {
    expect(planSearch('ab\u0000cd\u0001ef').match).toBe('"ab" "cd" "ef" *');
  });
});

describe('snippets', () => {
  it('split snippet() output into text and match parts', () => {
    expect(parseSnippet('…is the \u0001pool\u0002 open \u0001today\u0002')).toEqual([
      { text: '…is the ', match: false },
      { text: 'pool', match: true },
      { text: ' open ', match: false },
      { text: 'today', match: true },
    ]);
  });

  it('mark emoji literals and never show a stray marker', () => {
    expect(parseSnippet('great \u0001job\u0002 👍 \u0002x', ['👍'])).toEqual([
      { text: 'great ', match: false },
      { text: 'job', match: true },
      { text: ' ', match: false },
      { text: '👍', match: true },
      { text: ' x', match: false },
    ]);
  });

  it('cut a window around a literal match in a long body', () => {
    const body = `${'a'.repeat(200)}🎉${'b'.repeat(200)}`;
    const parts = literalSnippet(body, ['🎉']);
    expect(parts.map((p) => p.match)).toEqual([false, true, false]);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts[2]!.text.endsWith('…')).toBe(true);
  });
});

describe('bodyOnly', () => {
  it('restricts a whole expression to the body column', () => {
    expect(bodyOnly(planSearch('pool "party" hours').match!)).toBe('body : ("pool" """party""" "hours" *)');
  });
});
