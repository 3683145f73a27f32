import { TextNode } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { decodeHtmlText } from '../../../main/clubos/parse/html-text';

describe('decodeHtmlText', () => {
  it.each([
    'plain text',
    'Tom &amp; Jerry&#39;s &quot;gym&quot; &lt;b&gt;',
    '&amp;amp; stays one level deep',
    '&amp;lt; is not a tag',
    'bare & ampersand',
    '&nbsp;non-breaking&copy; 2026 &copy',
    '&#x1F600; &#128512; &#0; &#x110000; &#150;',
    '&amp&lt &unknown; &#39',
    '',
  ])('decodes %j exactly as node-html-parser does', (raw) => {
    expect(decodeHtmlText(raw)).toBe(new TextNode(raw).text);
  });

  it('hands back text without references unchanged', () => {
    const raw = 'See you at 10, thanks!';
    expect(decodeHtmlText(raw)).toBe(raw);
  });
});
