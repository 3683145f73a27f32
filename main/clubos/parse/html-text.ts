// Character references in text, decoded exactly as node-html-parser decodes them, so the
// streaming inbox reader and the DOM reader agree on every entity. The five references ClubOS
// (and our simulator) escape with are common enough in bodies to be worth a fast path; anything
// else goes through the parser's own decoder.
import { TextNode } from 'node-html-parser';

const BASIC = /&(?:amp|lt|gt|quot|#39);/g;
const OTHER = /&(?!(?:amp|lt|gt|quot|#39);)/;
const BASIC_TEXT: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Raw text between tags → the text it stands for. */
export function decodeHtmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  if (OTHER.test(raw)) return new TextNode(raw).text;
  return raw.replace(BASIC, (ref) => BASIC_TEXT[ref] ?? ref);
}
