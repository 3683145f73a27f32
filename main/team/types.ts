// What the team store and the desks exchange. A change names its conversation by grouping key and
// its message by (owner, dedupe key, occurrence): local row ids differ from desk to desk.
import type { StaffMember } from '../../common/contract';
import type { TeamOutboxEntry, TeamOutboxKind } from '../../db/queries/team';

export type { TeamOutboxEntry, TeamOutboxKind };

/** A change as the team store keeps it, in the order every desk applies it. */
export interface TeamChange {
  seq: number;
  kind: TeamOutboxKind;
  payload: Record<string, unknown>;
  deskId: string;
  staffId: string | null;
  /** The team store's clock when it accepted the change (ISO). */
  serverAt: string;
}

export interface PushResult {
  /** The last outbox seq the store has (all entries up to it may be removed locally). */
  pushedThrough: number;
  /** The highest change seq this push created (0 when none). */
  lastSeq: number;
}

export interface PresenceSignal {
  deskId: string;
  staff: StaffMember;
  /** The conversation's grouping key. */
  key: string;
  state: 'viewing' | 'replying' | 'none';
  /** How long the signal holds without a renewal (ms). */
  ttlMs: number;
}

export interface Lease {
  ownerId: string;
  deskId: string;
  staff: StaffMember | null;
  /** Team store time (epoch ms) when it runs out unless renewed. */
  expiresAt: number;
}

export interface StaffSeen {
  staff: StaffMember;
  lastSeenAt: string | null;
}

/** For reports in team mode: every message the team knows, and when conversations were resolved. */
export interface ResponseEvent {
  kind: 'message' | 'resolved';
  ownerId: string;
  /** The conversation's grouping key. */
  key: string;
  direction: 'inbound' | 'outbound' | 'system' | null;
  at: string;
  /** Who sent a reply or resolved it, where a desk said so. */
  staff: StaffMember | null;
  intent: string | null;
}
