// Search snippets as `{ text, match }` parts, never HTML: FTS5's snippet() marks matches with two
// control characters that SMS text does not carry, and emoji literals are marked here in JS.
import type { SearchHit } from '../common/contract';

export type SnippetPart = SearchHit['snippet'][number];

export const MATCH_OPEN = '\u0001';
export const MATCH_CLOSE = '\u0002';

function push(parts: SnippetPart[], text: string, match: boolean): void {
  if (text === '') return;
  const prev = parts[parts.length - 1];
  if (prev && prev.match === match) prev.text += text;
  else parts.push({ text, match });
}

/** Splits `text` around every occurrence of any literal, marking the occurrences. */
function markLiterals(parts: SnippetPart[], text: string, literals: readonly string[]): void {
  let rest = text;
  while (rest !== '') {
    let at = -1;
    let hit = '';
    for (const literal of literals) {
      const i = rest.indexOf(literal);
      if (i >= 0 && (at < 0 || i < at || (i === at && literal.length > hit.length))) {
        at = i;
        hit = literal;
      }
    }
    if (at < 0) {
      push(parts, rest, false);
      return;
    }
    push(parts, rest.slice(0, at), false);
    push(parts, hit, true);
    rest = rest.slice(at + hit.length);
  }
}

/** Parses snippet() output. A stray marker (a body that did contain one) is dropped, never shown. */
export function parseSnippet(marked: string, literals: readonly string[] = []): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let inMatch = false;
  let buffer = '';
  const flush = (): void => {
    if (inMatch) push(parts, buffer, true);
    else markLiterals(parts, buffer, literals);
    buffer = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      flush();
      inMatch = ch === MATCH_OPEN;
    } else {
      buffer += ch;
    }
  }
  flush();
  return parts;
}

/** A snippet for a body matched by literals only: a window around the first occurrence. */
export function literalSnippet(body: string, literals: readonly string[], radius = 60): SnippetPart[] {
  const first = Math.min(...literals.map((l) => body.indexOf(l)).filter((i) => i >= 0));
  let start = Number.isFinite(first) ? Math.max(0, first - radius) : 0;
  // Never begin inside a surrogate pair.
  const code = body.charCodeAt(start);
  if (start > 0 && code >= 0xdc00 && code <= 0xdfff) start += 1;
  const chars = Array.from(body.slice(start));
  const window = chars.slice(0, radius * 2 + 20).join('');
  const text = (start > 0 ? '…' : '') + window + (window.length < body.length - start ? '…' : '');
  return parseSnippet(text, literals);
}
