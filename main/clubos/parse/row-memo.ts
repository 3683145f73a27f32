// An inbox poll lists the whole inbox again, and all but its newest rows are, to the byte, the
// rows the last poll listed. The memo keeps each row read from the last page under its exact
// markup (from `<li` to its `</li>`), so the next page's reader takes a repeated row from it
// instead of reading it again (canonical-inbox-reader.ts). Reading a row depends on nothing but
// its markup, so a row from the memo is the row a reading would give. It holds two pages' rows
// at most (two-page-memo.ts).
import { createTwoPageMemo, type TwoPageMemo } from '../../../common/two-page-memo';
import type { InboxPageRow } from './inbox-page-row';

export type RowMemo = TwoPageMemo<InboxPageRow>;

export const createRowMemo = (): RowMemo => createTwoPageMemo<InboxPageRow>();
