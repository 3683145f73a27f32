// The inbox fragment read as its bytes arrive, so a long inbox is never one string (nor one
// buffer): each piece is decoded (UTF-8 characters split between pieces included) and its
// complete rows read and kept, their text copied out of the piece (canonical-inbox-reader.ts), so
// the piece is freed once read. The rows are parseInboxPage's rows of the whole page, or its
// error: a page in the canonical shape is read here; any other is read whole by parseInboxPage,
// from the text kept while the page was small, or, for a long one, from a second reading of it
// (`wholePageNeeded`).
import type { InboxPageRow } from './inbox-page-row';
import { createCanonicalInboxStream } from './canonical-inbox-reader';
import { parseInboxPage } from './inbox-page';
import type { RowMemo } from './row-memo';

/**
 * Text kept while the page is no longer than this, in case it is not a canonical inbox: the
 * login page in place of the fragment, an error page, a small inbox in an unusual shape are read
 * whole from it without fetching them again. Beyond it the text is let go.
 */
export const KEEP_TEXT_BELOW_CHARS = 1024 * 1024;

export interface InboxPageStream {
  /** The page's next bytes, split anywhere. */
  write(bytes: Uint8Array): void;
  /**
   * The page strays from the canonical shape and its text was let go: the caller stops this
   * reading and reads the page again with `{ whole: true }`. Further writes are ignored.
   */
  readonly wholePageNeeded: boolean;
  /**
   * The page's end: its rows, newest first, or parseInboxPage's error for the whole page; null
   * when it must be read again whole (as `wholePageNeeded`, found at its last rows).
   */
  end(): InboxPageRow[] | null;
}

export interface InboxPageStreamOptions {
  /** Keep the whole text (a second reading of a page found irregular). */
  whole?: boolean;
  /** Default KEEP_TEXT_BELOW_CHARS. */
  keepTextBelowChars?: number;
  /** Rows of the owner's last page (row-memo.ts). */
  rowMemo?: RowMemo;
}

export function createInboxPageStream(options: InboxPageStreamOptions = {}): InboxPageStream {
  const decoder = new TextDecoder('utf-8');
  const keepBelow = options.keepTextBelowChars ?? KEEP_TEXT_BELOW_CHARS;
  const rows = createCanonicalInboxStream(options.rowMemo ?? null);
  /** The text so far, while it may still be needed whole; null once let go. */
  let kept: string[] | null = [];
  let keptChars = 0;
  let canonical = !options.whole;
  let wholePageNeeded = false;

  function take(text: string): void {
    if (wholePageNeeded) return;
    if (kept) {
      kept.push(text);
      keptChars += text.length;
      if (canonical && keptChars > keepBelow) kept = null;
    }
    if (!canonical || rows.push(text) === 'more') return;
    canonical = false;
    if (!kept) wholePageNeeded = true;
  }

  return {
    get wholePageNeeded() {
      return wholePageNeeded;
    },
    write(bytes) {
      if (!wholePageNeeded) take(decoder.decode(bytes, { stream: true }));
    },
    end() {
      if (wholePageNeeded) return null;
      take(decoder.decode());
      if (canonical && rows.end() === 'done') return rows.rows.slice();
      if (!kept) return null;
      const text = kept.join('');
      kept = null;
      // Irregular for the streaming reader: parseInboxPage tries it again, then the DOM reader
      // reads it and decides (rows, a lost session, a parse error), exactly as for any page.
      return parseInboxPage(text);
    },
  };
}
