// The simulator's public API: what tests, benchmarks and the app's demo mode program against.
import type { Clock } from '../../common/time/clock';

export interface SimulatorOptions {
  /** Default systemClock; tests pass manualClock(...). */
  clock?: Clock;
  /** Default 'America/Chicago'. */
  timeZone?: string;
  /** Default 1; drives every random choice (data, tokens, faults). */
  seed?: number;
  /** Default true: inbox name links carry /action/Delegate/<id>/…; false: href="#". */
  memberIdsInLinks?: boolean;
  /** Default { username: 'demo', password: 'demo' }. */
  credentials?: { username: string; password: string };
  /** Generate this many days of past traffic ending "now"; default false. */
  history?: { days: number } | false;
  /** Default 300. */
  members?: number;
  /** Default 12. */
  staff?: number;
  /** Default 0 (random); the host is always 127.0.0.1. */
  port?: number;
  /**
   * Which dashboard ClubOS serves (MARKUP.md, Dashboard); default `recent-leads`, the captured one.
   * `no-time-zone`: the same view data with a club id only (no zone, no location), and no page names
   * the zone. `other-view-data`: another view-data object (string ids, other keys, no zone); only the
   * search page names the zone.
   */
  dashboardShape?: DashboardShape;
}

export const DASHBOARD_SHAPES = ['recent-leads', 'no-time-zone', 'other-view-data'] as const;
export type DashboardShape = (typeof DASHBOARD_SHAPES)[number];

export interface SimStaff {
  id: string;
  name: string;
}

export interface SimMember {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string;
}

export interface SimMessage {
  id: number;
  ownerId: string;
  memberId: string;
  senderName: string;
  body: string;
  at: number;
}

/** One text or email ClubOS accepted from staff through FollowUp/save: what the member received. */
export interface SimSentText {
  memberId: string;
  channel: 'sms' | 'email';
  body: string;
  at: number;
  /** The staff member whose session sent it. */
  staffId: string;
}

export interface SimFollowUpEntry {
  at: number;
  author: string;
  kind: 'text' | 'email' | 'call';
  body: string;
  direction: 'inbound' | 'outbound';
}

export const FAULT_MODES = [
  'sessionExpiredBody', // XHR → 200 "Session Expired"; the session is dropped
  'sessionExpiredRedirect', // → 302 to login view; the session is dropped
  'forbidden', // 403
  'serverError', // 500/502/503
  'hang', // never answers (until the socket is closed by the client or close())
  'slow', // answers after `delayMs` (real time)
  'truncatedHtml', // the inbox fragment cut off mid-way
  'garbledHtml', // the inbox fragment with broken/missing structure
  'missingLabel', // one row with no label span
  'missingName', // one row with no username-content link
  'somethingNotRight', // FollowUp/save (and login) answer "Something isn't right…"
  'duplicateMessages', // the next addInbound/live message is sent twice by the member (same minute)
  'answerLost', // FollowUp/save (by default) is carried out, then the connection drops after `delayMs` (default 0) with no answer
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultRule {
  /** Chance (0–1) that a matching request fires the fault; default 1. Drawn from the seeded fault RNG. */
  probability?: number;
  /** Fire at most this many times, then the rule clears itself; default: until cleared. */
  times?: number;
  /** Path prefixes the fault applies to; defaults depend on the mode (see faults.ts). */
  paths?: string[];
  /** For `slow`: how long to hold the answer; default 1000 ms. */
  delayMs?: number;
}

export interface SimFaults {
  /** Default rule: every matching request, until cleared. Replaces an earlier rule for the same mode. */
  set(mode: FaultMode, rule?: FaultRule): void;
  /** One mode, or every mode when called without one. */
  clear(mode?: FaultMode): void;
  /** Restarts the fault RNG (probabilities and fault shapes) from `n`. */
  seed(n: number): void;
  /** How often each mode fired since the simulator started. */
  readonly fired: Readonly<Record<FaultMode, number>>;
}

export interface ClubOSSimulator {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly timeZone: string;
  readonly dashboardShape: DashboardShape;
  /** The staff id the credentials sign in as ("My Messages"). */
  readonly loggedInUserId: string;
  readonly staff: ReadonlyArray<SimStaff>;
  readonly members: ReadonlyArray<SimMember>;
  readonly clubId: string;
  /** The club's locations (their ids are the "Club Messages" inboxes). */
  readonly locations: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Stops live mode, ends every open (also hung) request and closes the server. */
  close(): Promise<void>;
  /** A member texts the club: appears in `ownerId`'s inbox (default: loggedInUserId) and the member's follow-up log. */
  addInbound(input: { memberId: string; body: string; at?: number; ownerId?: string }): SimMessage;
  /**
   * Every message ever delivered to an owner's inbox, newest first (by `at`, then latest delivery
   * first): what a perfect client would have stored. Rows removed by `clearInbox` stay here.
   */
  messages(ownerId?: string): SimMessage[];
  /**
   * Staff answer a member from ClubOS itself (not through a client): the reply goes into the
   * member's follow-up log only, as sends do. `author` defaults to the signed-in staff member.
   */
  addStaffReply(input: { memberId: string; body: string; kind?: 'text' | 'email'; at?: number; author?: string }): void;
  /** The member's FollowUp log, newest first. */
  followUpLog(memberId: string): SimFollowUpEntry[];
  /**
   * Every text and email ClubOS accepted from staff, in the order it accepted them (one member's
   * when given): the record a test checks "texted exactly once" against.
   */
  sentTexts(memberId?: string): SimSentText[];
  isOptedOut(memberId: string): boolean;
  /** ClubOS "Clear all": rows leave the list, history stays. */
  clearInbox(ownerId?: string): void;
  /** Every live session dies now. */
  expireSessions(): void;
  faults: SimFaults;
  /** Demo: a new realistic inbound message every intervalMs (real timers). */
  startLive(intervalMs: number): void;
  stopLive(): void;
  /** How many requests hit a path prefix (every request without one). */
  requestCount(path?: string): number;
}
