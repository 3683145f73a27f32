// A strict pull tokenizer for the plain markup ClubOS fragments are made of: lower-case tags,
// double- or single-quoted attributes, text. Anything else (comments, doctypes, a stray `<`,
// unquoted or valueless attributes, upper-case tags) is reported as irregular instead of being
// guessed at; the caller then hands the page to the DOM parser. The scanner keeps the current
// token in its own fields rather than allocating one per tag: a long inbox has millions.

export interface MarkupAttribute {
  /** Lower-cased. */
  name: string;
  /** Raw: character references not decoded. */
  value: string;
}

export type MarkupTokenKind = 'text' | 'open' | 'close' | 'end' | 'irregular';

export interface MarkupScanner {
  /** Moves to the next token; its details are in the fields below until the next call. */
  next(): MarkupTokenKind;
  /** The tag name of an open or close token. */
  readonly name: string;
  /** The raw text of a text token (sliced on demand: most of an inbox's text is indentation). */
  text(): string;
  /** Whether a text token is only whitespace (as `/^\s*$/` and String.trim see it). */
  blank(): boolean;
  /** The attributes of an open token, in order (shared empty array when there are none). */
  readonly attributes: readonly MarkupAttribute[];
  /** An open token written `<br/>`. */
  readonly selfClosing: boolean;
  /** The text being scanned. */
  readonly source: string;
  /** Where the current token starts in `source`. */
  readonly tokenStart: number;
  /** Where the next token starts: the current token's end. */
  readonly position: number;
  /** Goes on from `position` (a token's start, found by the caller), as if it had read up to there. */
  seek(position: number): void;
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const NO_ATTRIBUTES: readonly MarkupAttribute[] = Object.freeze([]);
const WHITESPACE_ONLY = /^\s*$/;

/** Whitespace as `/\s/` and String.trim see it, within ASCII (a blank text token's characters). */
export const isAsciiBlank = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => isLower(c) || (c >= 0x41 && c <= 0x5a);
const isAttributeStart = (c: number): boolean => isLetter(c) || c === 0x5f || c === 0x3a; // _ :
const isAttributePart = (c: number): boolean => isAttributeStart(c) || isDigit(c) || c === 0x2d || c === 0x2e; // - .

export function createMarkupScanner(html: string): MarkupScanner {
  const length = html.length;
  let pos = 0;
  let tokenFrom = 0;
  let textFrom = 0;
  let textTo = 0;

  const scanner = {
    name: '',
    attributes: NO_ATTRIBUTES,
    selfClosing: false,
    source: html,
    get tokenStart() {
      return tokenFrom;
    },
    get position() {
      return pos;
    },
    seek(position: number) {
      if (!(position >= pos && position <= length)) throw new RangeError(`cannot seek from ${pos} to ${position}`);
      pos = position;
    },
    next,
    text: () => html.slice(textFrom, textTo),
    blank() {
      for (let i = textFrom; i < textTo; i++) {
        const c = html.charCodeAt(i);
        if (isAsciiBlank(c)) continue;
        // Beyond ASCII, let the regex decide what Unicode calls whitespace.
        return c >= 0x80 && WHITESPACE_ONLY.test(scanner.text());
      }
      return true;
    },
  };

  /** End of a tag name starting at `from`, or -1 when there is none. */
  function nameEnd(from: number): number {
    if (from >= length || !isLower(html.charCodeAt(from))) return -1;
    let i = from + 1;
    while (i < length) {
      const c = html.charCodeAt(i);
      if (!isLower(c) && !isDigit(c)) break;
      i++;
    }
    return i;
  }

  function closeTag(): MarkupTokenKind {
    const start = pos + 2;
    const end = nameEnd(start);
    if (end < 0) return 'irregular';
    let i = end;
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    if (i >= length || html.charCodeAt(i) !== GT) return 'irregular';
    pos = i + 1;
    scanner.name = html.slice(start, end);
    return 'close';
  }

  function openTag(): MarkupTokenKind {
    const start = pos + 1;
    const end = nameEnd(start);
    if (end < 0) return 'irregular';
    let attributes: MarkupAttribute[] | null = null;
    let i = end;
    for (;;) {
      const spaceFrom = i;
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      if (i >= length) return 'irregular';
      const c = html.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH && (i + 1 >= length || html.charCodeAt(i + 1) !== GT)) return 'irregular';
        pos = c === GT ? i + 1 : i + 2;
        scanner.name = html.slice(start, end);
        scanner.attributes = attributes ?? NO_ATTRIBUTES;
        scanner.selfClosing = c === SLASH;
        return 'open';
      }
      // Every attribute is set off by whitespace, named, and given a quoted value.
      if (i === spaceFrom || !isAttributeStart(c)) return 'irregular';
      const nameFrom = i;
      i++;
      while (i < length && isAttributePart(html.charCodeAt(i))) i++;
      const name = html.slice(nameFrom, i).toLowerCase();
      if (i + 1 >= length || html.charCodeAt(i) !== EQUALS) return 'irregular';
      const quote = html.charCodeAt(i + 1);
      if (quote !== DQUOTE && quote !== SQUOTE) return 'irregular';
      const close = html.indexOf(quote === DQUOTE ? '"' : "'", i + 2);
      if (close < 0) return 'irregular';
      (attributes ??= []).push({ name, value: html.slice(i + 2, close) });
      i = close + 1;
    }
  }

  function next(): MarkupTokenKind {
    tokenFrom = pos;
    if (pos >= length) return 'end';
    if (html.charCodeAt(pos) !== LT) {
      const lt = html.indexOf('<', pos);
      textFrom = pos;
      textTo = lt < 0 ? length : lt;
      pos = textTo;
      return 'text';
    }
    return pos + 1 < length && html.charCodeAt(pos + 1) === SLASH ? closeTag() : openTag();
  }

  return scanner;
}
