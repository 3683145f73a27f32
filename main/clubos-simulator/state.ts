// What the simulated ClubOS knows: the roster, each owner's inbox, each member's FollowUp log
// and who opted out of texts. Everything the HTTP side shows is read from here at render time.
import { optChange } from './opt-out';
import { fullName, shortName } from './roster';
import type { MemberRecord, Roster, StaffRecord } from './roster';
import { insertByTime } from './sorted-insert';
import type { SimFollowUpEntry, SimMessage } from './types';

interface StoredMessage {
  at: number;
  message: SimMessage;
  /** Removed from the list by "Clear all"; kept for `allMessages`. */
  cleared: boolean;
}

interface StoredEntry {
  at: number;
  entry: SimFollowUpEntry;
}

export interface Delivery {
  memberId: string;
  body: string;
  at: number;
  ownerId: string;
}

export interface SimState {
  readonly roster: Roster;
  readonly timeZone: string;
  readonly loggedInUserId: string;
  member(id: string): MemberRecord | undefined;
  staffMember(id: string): StaffRecord | undefined;
  /** Staff ids and location ids: the inboxes the owner select offers. */
  isOwner(id: string): boolean;
  /** A member's text lands in the owner's inbox and the member's log, and may change opt-out state. */
  deliver(input: Delivery): SimMessage;
  /** The rows the inbox lists now, newest first. */
  inbox(ownerId: string): SimMessage[];
  /** Every message delivered to the owner, cleared or not, newest first. */
  allMessages(ownerId: string): SimMessage[];
  clearInbox(ownerId: string): void;
  appendLog(memberId: string, entry: SimFollowUpEntry): void;
  /** Newest first. */
  followUpLog(memberId: string): SimFollowUpEntry[];
  isOptedOut(memberId: string): boolean;
}

export function createState(roster: Roster, timeZone: string): SimState {
  const staffFirst = roster.staff[0];
  if (!staffFirst) throw new RangeError('a club needs at least one staff member');
  const members = new Map(roster.members.map((m) => [m.id, m]));
  const staff = new Map(roster.staff.map((s) => [s.id, s]));
  const locationIds = new Set(roster.locations.map((l) => l.id));
  const inboxes = new Map<string, StoredMessage[]>();
  const logs = new Map<string, StoredEntry[]>();
  const optedOut = new Set<string>();
  let nextId = 1;

  const newestFirst = (stored: StoredMessage[], includeCleared: boolean): SimMessage[] => {
    const out: SimMessage[] = [];
    for (let i = stored.length - 1; i >= 0; i--) {
      const s = stored[i] as StoredMessage;
      if (includeCleared || !s.cleared) out.push({ ...s.message });
    }
    return out;
  };

  const appendLog = (memberId: string, entry: SimFollowUpEntry): void => {
    let log = logs.get(memberId);
    if (!log) logs.set(memberId, (log = []));
    insertByTime(log, { at: entry.at, entry: { ...entry } });
  };

  return {
    roster,
    timeZone,
    loggedInUserId: staffFirst.id,
    member: (id) => members.get(id),
    staffMember: (id) => staff.get(id),
    isOwner: (id) => staff.has(id) || locationIds.has(id),
    deliver({ memberId, body, at, ownerId }) {
      const member = members.get(memberId);
      if (!member) throw new RangeError(`unknown member ${memberId}`);
      const message: SimMessage = { id: nextId++, ownerId, memberId, senderName: fullName(member), body, at };
      let inbox = inboxes.get(ownerId);
      if (!inbox) inboxes.set(ownerId, (inbox = []));
      insertByTime(inbox, { at, message, cleared: false });
      appendLog(memberId, { at, author: shortName(member), kind: 'text', body, direction: 'inbound' });
      const change = optChange(body);
      if (change === 'out') optedOut.add(memberId);
      else if (change === 'in') optedOut.delete(memberId);
      return { ...message };
    },
    inbox: (ownerId) => newestFirst(inboxes.get(ownerId) ?? [], false),
    allMessages: (ownerId) => newestFirst(inboxes.get(ownerId) ?? [], true),
    clearInbox(ownerId) {
      for (const s of inboxes.get(ownerId) ?? []) s.cleared = true;
    },
    appendLog,
    followUpLog(memberId) {
      const log = logs.get(memberId) ?? [];
      const out: SimFollowUpEntry[] = [];
      for (let i = log.length - 1; i >= 0; i--) out.push({ ...(log[i] as StoredEntry).entry });
      return out;
    },
    isOptedOut: (memberId) => optedOut.has(memberId),
  };
}
