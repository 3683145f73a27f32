// The link from one desk to its team store: what the team service asks of it. The PostgreSQL
// implementation is pg-link.ts; the service never sees SQL or connections.
import type { InternalNote, StaffMember, TeamState } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { FrontdeskDb } from '../../db';
import type { Lease, PresenceSignal, ResponseEvent, StaffSeen } from './types';

export interface TeamLinkStatus {
  state: Exclude<TeamState, 'off'>;
  /** `user@host:port/database`, never the password. */
  server: string;
  lastError: string | null;
  /** Epoch ms of the last exchange with the store. */
  lastSyncAt: number | null;
  /** Who polls which inbox. */
  leases: Lease[];
}

/** What applying received changes did, for the window's events. */
export interface AppliedEffects {
  updatedConversationIds: number[];
  messagesAdded: Array<{ ownerId: string; insertedIds: number[]; conversationIds: number[]; quiet: boolean }>;
  notesAdded: Map<number, InternalNote[]>;
  conflicts: Array<{ conversationId: number; message: string; assignee: StaffMember | null }>;
  staffChanged: boolean;
}

export interface TeamLinkOptions {
  connectionString: string;
  deskId: string;
  db: FrontdeskDb;
  me(): StaffMember;
  clock: Clock;
  logger: Logger;
  /** How long a poll lease lasts (about one poll interval). */
  leaseMs(): number;
  /** The inboxes this desk syncs (and so may poll). */
  ownerIds(): string[];
  onStatus(status: TeamLinkStatus): void;
  onApplied(effects: AppliedEffects): void;
  onPresence(signal: PresenceSignal): void;
  /** The poll leases this desk holds changed (start or stop polling those inboxes). */
  onLeasesChanged?(): void;
}

export interface TeamLink {
  start(): void;
  close(): Promise<void>;
  /** Something was written locally: push soon. */
  kick(): void;
  /** Resolves once everything captured so far has been pushed and everything in the store applied (tests, soak). */
  flush(): Promise<void>;
  publishPresence(signal: Omit<PresenceSignal, 'deskId' | 'staff'>): void;
  staff(): Promise<StaffSeen[]>;
  /** Whether this desk polls the inbox now: it holds the lease, or the store has been unreachable for longer than a lease. */
  pollsOwner(ownerId: string): boolean;
  responseEvents(range: { from: string; to: string }): Promise<ResponseEvent[]>;
}

export interface TeamLinkFactory {
  (options: TeamLinkOptions): TeamLink;
  /** Tries a connection string without joining. */
  probe(connectionString: string, logger: Logger): Promise<{ ok: boolean; message: string; serverVersion: string | null }>;
}
