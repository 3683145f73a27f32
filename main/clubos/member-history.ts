import { formatDate, zonedToEpoch } from '../../common/time/club-time';
import type { FollowUpPopup } from './parse/followup-popup';
import { shortNameKey, staffShortName } from './staff-short-name';
import type { ClubContext, MemberHistory } from './types';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The popup's log as history. An entry is outbound when its `by First L.` author is one of the
 * club's staff (the logged-in user counts), else it is the member's own text.
 */
export function toMemberHistory(popup: FollowUpPopup, context: Pick<ClubContext, 'staff' | 'loggedInUserName' | 'timeZone'>): MemberHistory {
  const staff = new Set([...context.staff.map((s) => s.name), context.loggedInUserName].map((name) => shortNameKey(staffShortName(name))));
  return {
    memberId: popup.memberId,
    memberName: popup.memberName,
    canText: popup.canText,
    entries: popup.entries.map((entry) => ({
      at: zonedToEpoch(entry, context.timeZone),
      localDate: formatDate(entry.year, entry.month, entry.day),
      localTime: `${pad2(entry.hour)}:${pad2(entry.minute)}`,
      author: entry.author,
      direction: staff.has(shortNameKey(entry.author)) ? 'outbound' : 'inbound',
      kind: entry.kind,
      body: entry.body,
    })),
  };
}
