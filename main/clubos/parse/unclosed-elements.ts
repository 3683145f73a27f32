// node-html-parser repairs unclosed elements, and the repair costs more than linear time: 20,000
// unclosed <option>s or 8,000 nested unclosed <div>s take tens of seconds of CPU on the main
// thread. The byte caps bound what a hostile or broken server can send, not what parsing it
// costs, so before a page becomes a tree it is counted in one linear pass. Every real ClubOS page
// captured so far closes every element it opens; a page that leaves thousands open is not a page
// Frontdesk can read anyway.

/** Elements that never have an end tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements whose content is text up to their end tag: a `<` inside them opens nothing. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title']);

/** Far above any real page (0 in every capture), far below where repairing gets slow (about 150 ms). */
export const MAX_UNCLOSED_ELEMENTS = 2_000;

const isNameChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 58;

/**
 * How many elements the markup opens and never closes, per tag name (a stray end tag closes
 * nothing). One pass with indexOf: linear in the page's length whatever it holds.
 */
export function countUnclosedElements(html: string): number {
  const open = new Map<string, number>();
  let i = 0;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; // '/'
    const start = lt + (closing ? 2 : 1);
    let end = start;
    while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
    if (end === start) {
      i = lt + 1;
      continue;
    }
    const name = html.slice(start, end).toLowerCase();
    const gt = html.indexOf('>', end);
    if (gt < 0) break;
    i = gt + 1;
    if (closing) {
      const n = open.get(name) ?? 0;
      if (n > 0) open.set(name, n - 1);
      continue;
    }
    if (VOID_ELEMENTS.has(name) || html.charCodeAt(gt - 1) === 47) continue;
    open.set(name, (open.get(name) ?? 0) + 1);
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = indexOfEndTag(html, name, i);
      if (close < 0) break;
      i = close;
    }
  }
  let total = 0;
  for (const n of open.values()) total += n;
  return total;
}

/** Where `</name` starts (any case) at or after `from`, or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  let i = from;
  for (;;) {
    const at = html.indexOf('</', i);
    if (at < 0) return -1;
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
    i = at + 2;
  }
}
