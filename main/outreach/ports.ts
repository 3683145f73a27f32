// The two narrow interfaces outreach needs from the assistant's side of the app: the action log
// (issue 17's append-only `assistant_actions`, through action-log.ts) and the gym's business hours
// with the Knowledge fields a message may merge (Settings → Knowledge, through knowledge-hours.ts).

import type { OutreachActionKind } from '../../common/action-kinds';

/**
 * What outreach writes to the action log: the kinds of common/action-kinds.ts (lowercase words,
 * as the log's CHECK wants), each with the label the Activity view shows. A text sent, sent late,
 * failed, of unknown outcome, settled from ClubOS history (sent or absent), skipped (opted out, no
 * member, held as too late), blocked by a merge field; a schedule set or cancelled; a reminder;
 * a conversation overdue; a campaign's steps.
 */
export type { OutreachActionKind };

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
