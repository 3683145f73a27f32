import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMultiline, jsonForScript } from '../../main/clubos-simulator/escape-html';

describe('simulator escaping', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeMultiline('a<b\r\nc\rd\ne')).toBe('a&lt;b<br>c<br>d<br>e');
  });

  it('keeps inline JSON from closing its script element', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' });
  });
});
