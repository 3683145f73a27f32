// The inbox fragment (MARKUP.md § Inbox). It must parse whole: a row the parser cannot read, a
// list cut short or an unexpected page fails the call, because a shorter list would look to the
// sync engine like messages that vanished. Pages in the canonical shape are streamed
// (canonical-inbox-reader.ts); any other page is read, and judged, by the DOM reader.
import { createCanonicalInboxReader } from './canonical-inbox-reader';
import { readInboxDom } from './inbox-dom-reader';
import type { InboxPageRow } from './inbox-page-row';
import type { RowMemo } from './row-memo';
import { resolveSliceOptions, type SliceOptions } from './slice-options';

export type { InboxPageRow } from './inbox-page-row';

/** Rows newest first, as listed. Throws `parse` (or `session` for a login page) rather than drop a row. */
export function parseInboxPage(html: string, memo: RowMemo | null = null): InboxPageRow[] {
  const reader = createCanonicalInboxReader(html, memo);
  return reader.read(Number.POSITIVE_INFINITY) === 'done' ? reader.rows.slice() : readInboxDom(html);
}

/**
 * The same rows, read a slice at a time with a pause between slices. Nothing is returned until
 * the whole page has been read. A page that strays from the canonical shape is handed to the
 * DOM reader in one piece: correct, but it holds the thread for as long as that parse takes.
 */
export async function parseInboxPageInSlices(html: string, options: SliceOptions = {}, memo: RowMemo | null = null): Promise<InboxPageRow[]> {
  const { rowsPerSlice, pause } = resolveSliceOptions(options);
  const reader = createCanonicalInboxReader(html, memo);
  for (;;) {
    const progress = reader.read(rowsPerSlice);
    if (progress === 'done') return reader.rows.slice();
    if (progress === 'irregular') return readInboxDom(html);
    await pause();
  }
}
