// An inbox poll lists the whole inbox again, and all but its newest rows are, to the byte, the
// rows the last poll listed. The memo keeps each row read from the last page under its exact
// markup, so the next page's reader takes a repeated row from it instead of reading it again
// (canonical-inbox-reader.ts). Reading a row depends on nothing but its markup, so a row from
// the memo is the row a reading would give.
//
// It holds the rows of two pages at most: the last one, and the one being read (a row found
// again moves over). A row the new page no longer lists is let go with the old page.
import type { InboxPageRow } from './inbox-page-row';

export interface RowMemo {
  /** The row read from exactly this markup (from `<li` to its `</li>`) on this page or the last. */
  get(markup: string): InboxPageRow | undefined;
  set(markup: string, row: InboxPageRow): void;
  /** A new page begins: rows not seen again since the last call are let go. */
  nextPage(): void;
}

export function createRowMemo(): RowMemo {
  let previous = new Map<string, InboxPageRow>();
  let current = new Map<string, InboxPageRow>();
  return {
    get(markup) {
      let row = current.get(markup);
      if (row === undefined) {
        row = previous.get(markup);
        // Kept under the new page's markup, not the old: a key is a slice of the page it was
        // read from, and holds that page's text; the memo then holds one page of text, not many.
        if (row !== undefined) current.set(markup, row);
      }
      return row;
    },
    set(markup, row) {
      current.set(markup, row);
    },
    nextPage() {
      previous = current;
      current = new Map();
    },
  };
}
