// The inbox fragment read in one streaming pass, without a DOM, for pages in the exact shape
// MARKUP.md fixes. A DOM parse costs tens of microseconds a row, so a long inbox would hold the
// main process for seconds; this reader costs a few and can stop after any row, letting the
// caller yield between slices of a long page.
//
// It reads only markup it can read unambiguously: lower-case tags from a short list, balanced
// and nested without any of the implicit closes HTML allows, quoted attributes, no comments.
// On anything else it answers 'irregular' and the caller reads the page with the DOM reader,
// which decides what the page means (rows or an error). Where both readers accept a page they
// return the same rows (test/clubos/parse/canonical-inbox-reader.test.ts compares them).
import { decodeHtmlText } from './html-text';
import { tidyLines } from './html-document';
import { parseInboxLabel, type InboxLabel } from './inbox-label';
import type { InboxPageRow } from './inbox-page-row';
import { createMarkupScanner, isAsciiBlank, type MarkupAttribute, type MarkupScanner } from './markup-scanner';
import { memberIdFromHref } from './member-link';
import type { RowMemo } from './row-memo';

export type ReadProgress = 'more' | 'done' | 'irregular';

/** A row's end tag, as the canonical shape writes it. */
const ROW_END = '</li>';

export interface CanonicalInboxReader {
  /** Reads up to `maxRows` more rows. 'done': the whole page was read and is a valid inbox. */
  read(maxRows: number): ReadProgress;
  /** The rows read so far, newest first; the page's rows once `read` answered 'done'. */
  readonly rows: readonly InboxPageRow[];
}

interface LeanElement {
  name: string;
  /** Raw `class` value (node-html-parser does not decode it either). */
  className: string | null;
  /** Raw `href` value; never holds a character reference (those pages go to the DOM reader). */
  href: string | null;
  children: LeanNode[];
}

/** A string child is raw text. */
type LeanNode = LeanElement | string;

/** Tags a row is built from, plus the inline ones a body may carry. */
const KNOWN_TAGS = new Set(['ul', 'li', 'div', 'h3', 'a', 'p', 'span', 'br', 'b', 'i', 'em', 'strong', 'small', 'u']);
/** Tags whose text the row reads (a name, a body, a label); text elsewhere is layout and is not kept. */
const TEXT_TAGS = new Set(['a', 'p', 'span', 'b', 'i', 'em', 'strong', 'small', 'u']);

/**
 * Opening the key tag inside the value tag makes HTML (and node-html-parser) close the parent
 * first: `<p>a<div>` is not nesting. Such pages are left to the DOM reader.
 */
const CLOSED_BY_OPENING: Readonly<Record<string, ReadonlySet<string>>> = {
  li: new Set(['li']),
  p: new Set(['p', 'div']),
  b: new Set(['div']),
  h3: new Set(['h3']),
};

/**
 * Values node-html-parser might split differently: its tag and attribute regexes can stop at a
 * `>` or quote inside a value, and find `class=` or `id=` inside another attribute's value.
 */
const UNUSUAL_VALUE = /[<>"']|\s(?:id|class)\s*=/i;

/** What the reader knows of the list so far; it carries over from one segment of the page to the next. */
interface ListState {
  rows: InboxPageRow[];
  /** A page has a handful of distinct labels ("Oct 13" for every text of a day): each is read once. */
  labels: Map<string, InboxLabel | null>;
  /**
   * Every distinct label, sender name and member id, kept once: a member's name and id repeat on
   * each of their rows, and a long inbox's rows are held for a whole import.
   */
  words: Map<string, string>;
  inList: boolean;
  listSeen: boolean;
  emptyMarker: boolean;
  /** Rows of the last page, by markup; rows read here are added to it. */
  memo: RowMemo | null;
}

const listState = (memo: RowMemo | null): ListState => ({ rows: [], labels: new Map(), words: new Map(), inList: false, listSeen: false, emptyMarker: false, memo });

/** 'end': the scanner's text is used up (the page's end, or a segment's: see step). */
type Step = 'ok' | 'end' | 'irregular';

/** One token of the page's top level (a whole row in the list). */
function step(scanner: MarkupScanner, state: ListState): Step {
  if (state.inList && state.memo && rowFromMemo(scanner, state.memo, state.rows)) return 'ok';
  switch (scanner.next()) {
    case 'text':
      return scanner.blank() ? 'ok' : 'irregular';
    case 'open': {
      if (state.inList) {
        if (scanner.name !== 'li') return 'irregular';
        const from = scanner.tokenStart;
        const li = readElement(scanner);
        const row = li && readRow(li, state);
        if (!row) return 'irregular';
        state.rows.push(row);
        if (state.memo) {
          const markup = scanner.source.slice(from, scanner.position);
          if (markup.endsWith(ROW_END)) state.memo.set(markup, row);
        }
        return 'ok';
      }
      const element = scanner.name === 'p' ? readElement(scanner) : scanner.selfClosing ? null : elementOf(scanner);
      if (!element) return 'irregular';
      if (element.name === 'ul' && hasClass(element, 'message-list') && !state.listSeen) {
        state.inList = true;
        state.listSeen = true;
        return 'ok';
      }
      if (element.name === 'p' && hasClass(element, 'no-messages')) {
        state.emptyMarker = true;
        return 'ok';
      }
      return 'irregular';
    }
    case 'close':
      if (!state.inList || scanner.name !== 'ul') return 'irregular';
      state.inList = false;
      return 'ok';
    case 'end':
      return 'end';
    case 'irregular':
      return 'irregular';
  }
}

/**
 * The list's next row taken from the memo: blank text (as `step` reads it) then `<li` up to the
 * first `</li>`, whose markup the memo holds. In a page this reader accepts, a row's first
 * `</li>` is its end (a nested `li`, or a `<` in a value, makes the page irregular), so equal
 * markup is an equal row. False when the memo does not have it: the row is read as usual.
 */
function rowFromMemo(scanner: MarkupScanner, memo: RowMemo, rows: InboxPageRow[]): boolean {
  const html = scanner.source;
  let at = scanner.position;
  while (isAsciiBlank(html.charCodeAt(at))) at++;
  if (!html.startsWith('<li', at)) return false;
  const end = html.indexOf(ROW_END, at);
  if (end < 0) return false;
  const row = memo.get(html.slice(at, end + ROW_END.length));
  if (row === undefined) return false;
  rows.push(row);
  scanner.seek(end + ROW_END.length);
  return true;
}

/** At the page's end: one list, closed, with rows or the "No messages" marker (never both). */
const isWholeInbox = (state: ListState): boolean => !state.inList && state.listSeen && state.rows.length > 0 !== state.emptyMarker;

export function createCanonicalInboxReader(html: string, memo: RowMemo | null = null): CanonicalInboxReader {
  const scanner = createMarkupScanner(html);
  const state = listState(memo);
  let outcome: 'done' | 'irregular' | null = null;
  return {
    rows: state.rows,
    read(maxRows) {
      if (outcome) return outcome;
      const target = state.rows.length + Math.max(1, maxRows);
      while (state.rows.length < target) {
        const result = step(scanner, state);
        if (result === 'ok') continue;
        outcome = result === 'end' && isWholeInbox(state) ? 'done' : 'irregular';
        return outcome;
      }
      return 'more';
    },
  };
}

export interface CanonicalInboxStream {
  /** Reads the page's next text (any split). 'irregular': the page strays from the canonical shape; later calls change nothing. */
  push(text: string): 'more' | 'irregular';
  /** The page's end. 'done': the whole page was read and is a valid inbox, its rows in `rows`. */
  end(): 'done' | 'irregular';
  readonly rows: readonly InboxPageRow[];
}

/**
 * Text held while waiting for a row's end. A row is a few hundred bytes; a page that goes this
 * long without one is not in the canonical shape (or has a row no inbox has), and is read whole.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/**
 * The same reader over a page that arrives in pieces: text is read up to the last `</li>` it
 * holds, the rest waits for the next piece. Cutting there does not change the page's tokens: in a
 * page this reader accepts, `</li>` is only ever an end tag (a `<` in an attribute's value, a
 * comment or a nested row makes the page irregular either way), so the segments give exactly the
 * tokens, and the rows, of the whole page; a row cut short at a segment's end is read as irregular,
 * and the caller then reads the page whole, as it would have.
 */
export function createCanonicalInboxStream(memo: RowMemo | null = null): CanonicalInboxStream {
  const state = listState(memo);
  let pending = '';
  let outcome: 'done' | 'irregular' | null = null;

  /** Reads a segment to its end; false when it is irregular. */
  function readSegment(segment: string): boolean {
    const scanner = createMarkupScanner(segment);
    for (;;) {
      const result = step(scanner, state);
      if (result === 'end') return true;
      if (result === 'irregular') return false;
    }
  }

  return {
    rows: state.rows,
    push(text) {
      if (outcome) return 'irregular';
      pending += text;
      const cut = pending.lastIndexOf(ROW_END);
      if (cut < 0) {
        if (pending.length <= MAX_PENDING_CHARS) return 'more';
        outcome = 'irregular';
        return outcome;
      }
      const segment = pending.slice(0, cut + ROW_END.length);
      pending = pending.slice(cut + ROW_END.length);
      if (readSegment(segment)) return 'more';
      outcome = 'irregular';
      return outcome;
    },
    end() {
      if (outcome) return outcome;
      const last = pending;
      pending = '';
      outcome = readSegment(last) && isWholeInbox(state) ? 'done' : 'irregular';
      return outcome;
    },
  };
}

/** The element the scanner's open token starts, children not yet read; null when its attributes are unusual. */
function elementOf(scanner: MarkupScanner): LeanElement | null {
  if (!KNOWN_TAGS.has(scanner.name)) return null;
  const attributes = scanner.attributes;
  if (attributes.length === 0) return { name: scanner.name, className: null, href: null, children: [] };
  if (!plainAttributes(attributes)) return null;
  let className: string | null = null;
  let href: string | null = null;
  for (const a of attributes) {
    if (a.name === 'class') className = a.value;
    else if (a.name === 'href') href = a.value;
  }
  if (href !== null && href.includes('&')) return null;
  return { name: scanner.name, className, href, children: [] };
}

/** The subtree the scanner's open token starts, read up to its end tag; null when it strays from plain nesting. */
function readElement(scanner: MarkupScanner): LeanElement | null {
  if (scanner.selfClosing) return null;
  const root = elementOf(scanner);
  if (!root || root.name === 'br') return null;
  const stack: LeanElement[] = [root];
  // How many of the open elements are TEXT_TAGS: inside any of them, all text counts.
  let inText = TEXT_TAGS.has(root.name) ? 1 : 0;
  for (;;) {
    const kind = scanner.next();
    const parent = stack[stack.length - 1]!;
    if (kind === 'text') {
      if (inText > 0) parent.children.push(scanner.text());
    } else if (kind === 'open') {
      if (CLOSED_BY_OPENING[parent.name]?.has(scanner.name)) return null;
      const element = elementOf(scanner);
      if (!element) return null;
      parent.children.push(element);
      if (element.name !== 'br') {
        if (scanner.selfClosing) return null;
        stack.push(element);
        if (TEXT_TAGS.has(element.name)) inText++;
      }
    } else if (kind === 'close') {
      if (scanner.name !== parent.name) return null;
      stack.pop();
      if (TEXT_TAGS.has(parent.name)) inText--;
      if (stack.length === 0) return root;
    } else {
      return null;
    }
  }
}

function plainAttributes(attributes: readonly MarkupAttribute[]): boolean {
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i]!;
    if (UNUSUAL_VALUE.test(a.value)) return false;
    for (let j = 0; j < i; j++) if (attributes[j]!.name === a.name) return false;
  }
  return true;
}

const SPACE = /\s/;

/** As node-html-parser's classList (the raw value split on whitespace) holding `name`. */
function hasClass(element: LeanElement, name: string): boolean {
  const value = element.className;
  if (value === null) return false;
  for (let at = value.indexOf(name); at >= 0; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || SPACE.test(value.charAt(at - 1))) && (end === value.length || SPACE.test(value.charAt(end)))) return true;
  }
  return false;
}

function childElement(parent: LeanElement, name: string, className?: string): LeanElement | undefined {
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.name === name && (className === undefined || hasClass(child, className))) return child;
  }
  return undefined;
}

/** node-html-parser's rawText: text children verbatim, `<br>` as a line break. */
function rawTextOf(element: LeanElement): string {
  if (element.name === 'br') return '\n';
  let text = '';
  for (const child of element.children) text += typeof child === 'string' ? child : rawTextOf(child);
  return text;
}

function collapsedText(element: LeanElement): string {
  return decodeHtmlText(rawTextOf(element)).replace(/\s+/g, ' ').trim();
}

/** As html-document.ts's readableText: each text node decoded on its own, `<br>` a line break. */
function readableText(element: LeanElement): string {
  return tidyLines(decodedText(element));
}

function decodedText(element: LeanElement): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') text += decodeHtmlText(child);
    else text += child.name === 'br' ? '\n' : decodedText(child);
  }
  return text;
}

/** The row, or null when the DOM reader must look (it either finds the part elsewhere or names the fault). */
function readRow(li: LeanElement, { labels, words }: ListState): InboxPageRow | null {
  const message = childElement(li, 'div', 'message');
  const options = childElement(li, 'div', 'message-options');
  if (!message || !options) return null;
  const heading = childElement(message, 'h3');
  const link = heading && childElement(heading, 'a', 'username-content');
  const paragraph = childElement(message, 'p');
  const span = childElement(options, 'span');
  if (!link || !paragraph || !span) return null;
  const senderName = collapsedText(link);
  const label = collapsedText(span);
  let parsedLabel = labels.get(label);
  if (parsedLabel === undefined) labels.set(label, (parsedLabel = parseInboxLabel(label)));
  if (senderName === '' || label === '' || !parsedLabel) return null;
  const memberId = memberIdFromHref(link.href ?? '');
  const once = (word: string): string => {
    let kept = words.get(word);
    if (kept === undefined) words.set(word, (kept = detached(word)));
    return kept;
  };
  return { senderName: once(senderName), memberId: memberId && once(memberId), body: detached(readableText(paragraph)), label: once(label), parsedLabel };
}

/**
 * A copy of `text` that shares no memory with the page. V8 makes a substring of 13 characters or
 * more a view into its parent (a sliced string), and so do `trim` and a `replace` that found
 * nothing: a row's name and body would keep the whole text they were read from alive for as long
 * as the row lives (a 30 MB page for a whole import). A structured clone serializes the characters
 * and builds a new string from them, exactly (lone surrogates included, which a UTF-8 round trip
 * would not keep).
 */
function detached(text: string): string {
  return text.length < 13 ? text : structuredClone(text);
}
