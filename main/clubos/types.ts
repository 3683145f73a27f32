// What the ClubOS client gives the rest of the app. Everything ClubOS sends is HTML; these are
// the typed results after parsing (see ../../../shared/clubos-protocol.md).

import type { ClubOSId } from '../../common/clubos-id';
import type { RowMemo } from './parse/row-memo';

export interface StaffMember {
  id: ClubOSId;
  /** Full display name as the dashboard lists it ("Alex Morgan"). */
  name: string;
}

export interface ClubLocation {
  id: string;
  name: string;
}

/** What ClubOS's pages say about the club and the signed-in user (see parse/club-facts.ts). */
export interface ClubPageContext {
  clubId: string;
  /** Null when no page ClubOS served carried one (some dashboards carry a club id only). */
  clubLocationId: string | null;
  /** IANA zone ClubOS renders times in, e.g. `America/Chicago`; null when no page carried one. */
  timeZone: string | null;
  loggedInUserId: ClubOSId;
  loggedInUserName: string;
  /** The user the dashboard acts as: the signed-in staff member unless ClubOS kept a delegation. */
  actingUser: { id: ClubOSId; name: string };
  staff: StaffMember[];
  locations: ClubLocation[];
  /** `select#messages-owner-select` options: whose inboxes this user may read. */
  owners: Array<{ id: string; name: string; kind: 'location' | 'employee' }>;
}

/** The club context the app works with: ClubOS's, with the zone filled in when ClubOS showed none. */
export interface ClubContext extends Omit<ClubPageContext, 'timeZone'> {
  /** IANA zone every ClubOS time is read in. */
  timeZone: string;
  /** `clubos` when a ClubOS page named the zone; `account` when it came from the account's setting. */
  timeZoneSource: 'clubos' | 'account';
}

/** One `li` of the inbox list. Rows come newest first, exactly as ClubOS listed them. */
export interface InboxRow {
  /** Text of `a.username-content`. */
  senderName: string;
  /** The member's ClubOS id when the name link's href carries one (`/action/Delegate/<id>/…`). */
  memberId: ClubOSId | null;
  /** Body text, with the sender name NOT glued on; line breaks kept as `\n`. */
  body: string;
  /** The raw label: `9:30 AM` (today) or `Oct 13` (older). */
  label: string;
  /** Club-local calendar date the label stands for (`YYYY-MM-DD`), resolved by the rules in design §3. */
  localDate: string;
  /** Club-local `HH:MM` (24 h) when the label carries a minute, else null. */
  localTime: string | null;
  /** 0 for the first (newest) row of the page. */
  position: number;
}

export interface InboxSnapshot {
  ownerId: ClubOSId;
  /** Epoch ms at which the page was received (the client's clock). */
  fetchedAt: number;
  timeZone: string;
  rows: InboxRow[];
}

/** What comes with an inbox page streamed to a reader in another process (its bytes went to the sink). */
export interface InboxPageMeta {
  ownerId: ClubOSId;
  /** Epoch ms at which the page was received (the client's clock). */
  fetchedAt: number;
  timeZone: string;
}

/** Where the sync worker gets inbox pages: the main thread's signed-in client. */
export interface InboxPageSource {
  /**
   * Fetches the owner's inbox and hands its body's bytes (UTF-8, not decoded) to `sink` as they
   * arrive, awaiting each; resolves once the whole page went through. A lost session, an HTTP
   * error or a redirect fails before any byte reaches the sink. `sessionLost`: the last page read
   * was ClubOS's login page; sign in again before fetching.
   */
  streamInboxPage(
    ownerId: ClubOSId,
    sink: (bytes: Uint8Array) => void | Promise<void>,
    signal?: AbortSignal,
    options?: { sessionLost?: boolean },
  ): Promise<InboxPageMeta>;
}

export type HistoryKind = 'text' | 'email' | 'call' | 'note';

/** One `div.followup-entry` of a member's FollowUp log. */
export interface HistoryEntry {
  /** Exact instant (epoch ms) of `M/D/YY @ hh:mm AM`, read in the club zone. */
  at: number;
  localDate: string;
  localTime: string;
  /** The `by First L.` author. */
  author: string;
  /** Staff when the author is one of the club's staff, else the member. */
  direction: 'inbound' | 'outbound';
  kind: HistoryKind;
  body: string;
}

export interface MemberHistory {
  memberId: ClubOSId;
  /** Full name from the popup's form (`followUpUser.firstName` + `lastName`). */
  memberName: string;
  /** False when the popup has no text-message field: the member opted out of SMS. */
  canText: boolean;
  /** Newest first, as ClubOS lists them. */
  entries: HistoryEntry[];
}

export interface SendRequest {
  memberId: ClubOSId;
  channel: 'sms' | 'email';
  body: string;
  subject?: string;
}

export interface SendResult {
  /** Epoch ms at which ClubOS confirmed the send. */
  sentAt: number;
  /** The confirmation line's member name. */
  memberName: string;
}

export interface MemberSearchResult {
  id: ClubOSId;
  fullName: string;
  /** Null when the result shows none (ClubOS leaves the element out or empty). */
  email: string | null;
  phone: string | null;
  /** `data-role-id`, and the role's name from the result's role icon. Staff appear in results too. */
  role: { id: string | null; name: string | null };
  locationId: string | null;
}

/** The ClubOS client the sync engine, the conversation manager and the shell use. */
export interface ClubOSClient {
  /** Signs in (or re-uses the live session) and returns the club context. */
  signIn(): Promise<ClubContext>;
  getClubContext(): Promise<ClubContext>;
  /** `memo`: the owner's rows from the last poll, to take repeated rows from (parse/row-memo.ts). */
  getInbox(ownerId: ClubOSId, signal?: AbortSignal, memo?: RowMemo): Promise<InboxSnapshot>;
  getHistory(memberId: ClubOSId, signal?: AbortSignal): Promise<MemberHistory>;
  send(request: SendRequest, signal?: AbortSignal): Promise<SendResult>;
  searchMember(fullName: string, signal?: AbortSignal): Promise<MemberSearchResult | null>;
  signOut(): Promise<void>;
}
