import { inboxDateWalker } from './inbox-dates';
import { parseInboxPage, parseInboxPageInSlices, type InboxPageRow } from './parse/inbox-page';
import { resolveSliceOptions, type SliceOptions } from './parse/slice-options';
import type { ClubOSId } from '../../common/clubos-id';
import type { InboxRow, InboxSnapshot } from './types';

export interface SnapshotContext {
  ownerId: ClubOSId;
  fetchedAt: number;
  timeZone: string;
}

/** A whole inbox page → the typed snapshot, dates resolved in the club zone at `fetchedAt`. */
export function readInboxSnapshot(html: string, at: SnapshotContext): InboxSnapshot {
  return inboxSnapshotOf(parseInboxPage(html), at);
}

/** Rows read elsewhere (a page streamed to the sync worker) → the snapshot, as readInboxSnapshot dates them. */
export function inboxSnapshotOf(pageRows: readonly InboxPageRow[], at: SnapshotContext): InboxSnapshot {
  const dateOf = inboxDateWalker(at.fetchedAt, at.timeZone);
  const rows = pageRows.map((row, position) => toInboxRow(row, position, dateOf));
  return { ownerId: at.ownerId, fetchedAt: at.fetchedAt, timeZone: at.timeZone, rows };
}

/**
 * The same snapshot, parsed and dated a slice of rows at a time with a pause between slices, so
 * a long inbox (a first sync can list a year of texts) never holds the main process for long.
 */
export async function readInboxSnapshotInSlices(html: string, at: SnapshotContext, options: SliceOptions = {}): Promise<InboxSnapshot> {
  const { rowsPerSlice, pause } = resolveSliceOptions(options);
  const pageRows = await parseInboxPageInSlices(html, { rowsPerSlice, pause });
  const dateOf = inboxDateWalker(at.fetchedAt, at.timeZone);
  const rows: InboxRow[] = [];
  for (let position = 0; position < pageRows.length; position++) {
    if (position > 0 && position % rowsPerSlice === 0) await pause();
    rows.push(toInboxRow(pageRows[position]!, position, dateOf));
  }
  return { ownerId: at.ownerId, fetchedAt: at.fetchedAt, timeZone: at.timeZone, rows };
}

function toInboxRow(row: InboxPageRow, position: number, dateOf: ReturnType<typeof inboxDateWalker>): InboxRow {
  return { senderName: row.senderName, memberId: row.memberId, body: row.body, label: row.label, ...dateOf(row.parsedLabel), position };
}
