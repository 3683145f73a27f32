import { inboxDateWalker } from './inbox-dates';
import { parseInboxPage, parseInboxPageInSlices, type InboxPageRow } from './parse/inbox-page';
import type { RowMemo } from './parse/row-memo';
import { resolveSliceOptions, type SliceOptions } from './parse/slice-options';
import type { ClubOSId } from '../../common/clubos-id';
import type { InboxRow, InboxSnapshot } from './types';

export interface SnapshotContext {
  ownerId: ClubOSId;
  fetchedAt: number;
  timeZone: string;
}

/** A whole inbox page → the typed snapshot, dates resolved in the club zone at `fetchedAt`. */
export function readInboxSnapshot(html: string, at: SnapshotContext, memo: RowMemo | null = null): InboxSnapshot {
  return inboxSnapshotOf(parseInboxPage(html, memo), at);
}

/** Rows read elsewhere (a page streamed to the sync worker) → the snapshot, as readInboxSnapshot dates them. */
export function inboxSnapshotOf(pageRows: readonly InboxPageRow[], at: SnapshotContext): InboxSnapshot {
  const dateOf = datesOnce(at.fetchedAt, at.timeZone);
  const rows = pageRows.map((row, position) => toInboxRow(row, position, dateOf));
  return { ownerId: at.ownerId, fetchedAt: at.fetchedAt, timeZone: at.timeZone, rows };
}

/**
 * The same snapshot, parsed and dated a slice of rows at a time with a pause between slices, so
 * a long inbox (a first sync can list a year of texts) never holds the main process for long.
 */
export async function readInboxSnapshotInSlices(html: string, at: SnapshotContext, options: SliceOptions = {}, memo: RowMemo | null = null): Promise<InboxSnapshot> {
  const { rowsPerSlice, pause } = resolveSliceOptions(options);
  const pageRows = await parseInboxPageInSlices(html, { rowsPerSlice, pause }, memo);
  const dateOf = datesOnce(at.fetchedAt, at.timeZone);
  const rows: InboxRow[] = [];
  for (let position = 0; position < pageRows.length; position++) {
    if (position > 0 && position % rowsPerSlice === 0) await pause();
    rows.push(toInboxRow(pageRows[position]!, position, dateOf));
  }
  return { ownerId: at.ownerId, fetchedAt: at.fetchedAt, timeZone: at.timeZone, rows };
}

type DateOf = ReturnType<typeof inboxDateWalker>;

/**
 * The walker of the page's labels, its dates and times each kept once: the walk makes new strings
 * for every row, and a long inbox (100,000 rows) holds its rows for a whole import.
 */
function datesOnce(fetchedAt: number, timeZone: string): DateOf {
  const walk = inboxDateWalker(fetchedAt, timeZone);
  const seen = new Map<string, string>();
  const once = (text: string): string => {
    const kept = seen.get(text);
    if (kept !== undefined) return kept;
    seen.set(text, text);
    return text;
  };
  return (label) => {
    const { localDate, localTime } = walk(label);
    return { localDate: once(localDate), localTime: localTime === null ? null : once(localTime) };
  };
}

function toInboxRow(row: InboxPageRow, position: number, dateOf: DateOf): InboxRow {
  const { localDate, localTime } = dateOf(row.parsedLabel);
  return { senderName: row.senderName, memberId: row.memberId, body: row.body, label: row.label, localDate, localTime, position };
}
