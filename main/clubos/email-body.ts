// The text of an email as its reader sees it. Emails go to ClubOS as HTML (`<p>body</p>`, `<br>`
// for line breaks, entities for & < > " '); where a page shows that source instead of rendering
// it, the follow-up log holds markup and entities one level deeper than a text's. This turns such a
// body into text exactly once; a body with no markup is returned unchanged, so plain text that
// merely mentions "&amp;" in words is not touched twice.
import { parse } from 'node-html-parser';

const MARKUP = /<\/?(?:p|br|div|span|b|i|strong|em|u)\b[^>]*>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/i;

export function looksLikeEmailHtml(body: string): boolean {
  return MARKUP.test(body);
}

export function emailBodyText(body: string): string {
  if (!looksLikeEmailHtml(body)) return body;
  const withBreaks = body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<\/?(?:p|div)[^>]*>/gi, '\n');
  // Tags are dropped and entities decoded by the HTML parser, once.
  const text = parse(`<div>${withBreaks}</div>`).text;
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
