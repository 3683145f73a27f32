import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from '../../../renderer/src/keyboard/shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('maps the single keys', () => {
    const body = document.body;
    expect(['j', 'k', 'e', 'u', 'r', '/', '?', 'Escape', 'x'].map((k) => shortcutFor(key(k), body))).toEqual([
      'next',
      'previous',
      'resolve',
      'markUnread',
      'reply',
      'search',
      'help',
      'escape',
      null,
    ]);
  });

  it('leaves modified keys to the system and the menu', () => {
    expect(shortcutFor(key('j', { ctrlKey: true }), document.body)).toBeNull();
    expect(shortcutFor(key('e', { metaKey: true }), document.body)).toBeNull();
    expect(shortcutFor(key('u', { altKey: true }), document.body)).toBeNull();
  });

  it('is silent while typing, except Escape', () => {
    const textarea = document.createElement('textarea');
    const text = document.createElement('input');
    const search = Object.assign(document.createElement('input'), { type: 'search' });
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const select = document.createElement('select');
    const button = document.createElement('button');
    expect([textarea, text, search, select].map(isTypingTarget)).toEqual([true, true, true, true]);
    expect([checkbox, button, document.body, null].map(isTypingTarget)).toEqual([false, false, false, false]);
    expect(shortcutFor(key('j'), textarea)).toBeNull();
    expect(shortcutFor(key('Escape'), textarea)).toBe('escape');
    expect(shortcutFor(key('j'), checkbox)).toBe('next');
  });
});
