import { inboxDateWalker } from './inbox-dates';
import { parseInboxPage } from './parse/inbox-page';
import type { ClubOSId, InboxSnapshot } from './types';

/** A whole inbox page → the typed snapshot, dates resolved in the club zone at `fetchedAt`. */
export function readInboxSnapshot(html: string, at: { ownerId: ClubOSId; fetchedAt: number; timeZone: string }): InboxSnapshot {
  const dateOf = inboxDateWalker(at.fetchedAt, at.timeZone);
  return {
    ownerId: at.ownerId,
    fetchedAt: at.fetchedAt,
    timeZone: at.timeZone,
    rows: parseInboxPage(html).map((row, position) => ({
      senderName: row.senderName,
      memberId: row.memberId,
      body: row.body,
      label: row.label,
      ...dateOf(row.parsedLabel),
      position,
    })),
  };
}
