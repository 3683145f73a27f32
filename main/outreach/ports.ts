// The two narrow interfaces outreach needs from the assistant's side of the app: an action log and
// the gym's business hours (with the knowledge fields a message may merge). Each has a concrete
// implementation here (action-log.ts, business-hours.ts); the app can point both at shared ones.

export type ActionKind =
  | 'send' // a text went out
  | 'send_failed' // ClubOS refused it or it could not be posted
  | 'send_unknown' // the post's outcome is unknown; ClubOS history will settle it
  | 'send_verified' // an unknown outcome settled from ClubOS history
  | 'skip' // a recipient or scheduled text deliberately not sent
  | 'blocked' // a merge field could not be filled
  | 'scheduled' // a send-later or reminder was set
  | 'cancelled' // a scheduled item or campaign was cancelled
  | 'reminder' // a no-reply reminder or waiting-too-long alert fired
  | 'campaign'; // a campaign was created, approved, paused, resumed or finished

export interface ActionRecord {
  kind: ActionKind;
  conversationId?: number | null;
  memberId?: string | null;
  /** What happened, in words staff can read ("Sent 'See you at 6' to Jane Doe"). */
  detail: string;
  /** Why, when it was a skip, block or failure. */
  reason?: string | null;
  /** 'staff' when a person did it, else the part of Frontdesk that did ('campaign 3', 'scheduler'). */
  actor?: string;
  /** Epoch ms. */
  at: number;
}

export interface ActionLogPort {
  append(record: ActionRecord): void;
}

/** A fact the gym keeps (hours, phone, a policy) that a message may merge as `{name}`. */
export interface KnowledgeField {
  name: string;
  label: string;
}

export interface BusinessHoursPort {
  /** The club's IANA zone the schedule is read in. */
  timeZone(): string;
  /** True when the club is staffed at `epochMs`. */
  isOpenAt(epochMs: number): boolean;
  /** Staffed milliseconds between two instants (0 when `b` ≤ `a`). */
  businessMsBetween(a: number, b: number): number;
  /** Knowledge fields a message may use. */
  knowledgeFields(): KnowledgeField[];
  /** The value of a knowledge field at `epochMs` (today's hours depend on the day); null when unknown or empty. */
  knowledgeValue(name: string, epochMs: number): string | null;
}
