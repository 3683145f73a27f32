// The two narrow interfaces outreach needs from the assistant's side of the app: the action log
// (issue 17's append-only `assistant_actions`, through action-log.ts) and the gym's business hours
// with the Knowledge fields a message may merge (Settings → Knowledge, through knowledge-hours.ts).

/**
 * What outreach writes to the action log. Lowercase words, as the log's CHECK wants; each has a
 * label in common/action-kinds.ts, which the Activity view and the CSV export use.
 */
export type OutreachActionKind =
  | 'text_sent' // a text went out
  | 'text_sent_late' // a scheduled text went out after its time (Frontdesk was closed then)
  | 'text_failed' // ClubOS refused it or it could not be posted
  | 'text_unconfirmed' // the post's outcome is unknown; ClubOS history will settle it
  | 'text_settled_sent' // an unknown outcome settled from ClubOS history: it went out
  | 'text_settled_absent' // an unknown outcome settled from ClubOS history: it never arrived
  | 'text_skipped' // a recipient or scheduled text deliberately not sent (opted out, no member, too late)
  | 'text_blocked' // a merge field could not be filled
  | 'scheduled' // a send-later or reminder was set, or a late text confirmed
  | 'cancelled' // a scheduled item or campaign was cancelled or dropped
  | 'reminder' // a no-reply reminder came due
  | 'overdue' // a waiting-too-long rule raised a conversation
  | 'campaign'; // a campaign was drafted, approved, paused, resumed or finished

export interface ActionRecord {
  kind: OutreachActionKind;
  conversationId?: number | null;
  memberId?: string | null;
  memberName?: string | null;
  /** What happened, in words staff can read ("Text to Jane Doe sent"). */
  summary: string;
  /** Why, when it was a skip, block or failure. */
  reason?: string | null;
  /** 'staff' when a person did it, else the part of Frontdesk that did ('campaign 3', 'scheduler'). */
  actor: string;
  /** Anything else worth keeping (the text's body, how late it was, the outbox id). */
  data?: Record<string, string | number | boolean | null>;
}

export interface ActionLogPort {
  append(record: ActionRecord): void;
}

/** A fact the gym keeps (hours, address, a policy) that a message may merge as `{name}`. */
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
