// What the sync engine needs from storage. The core implements it over db/ and the
// conversation manager; tests can implement it in memory.
import type { ApiError } from '../../common/contract';
import type { OwnerRecord } from '../../db/types';
import type { ClubOSId } from '../../common/clubos-id';
import type { NewInboxMessage, StoredKey } from './reconcile';

export interface PollWrite {
  ownerId: ClubOSId;
  /** New rows, oldest first. */
  rows: NewInboxMessage[];
  /** The club's zone, to turn club-local dates and minutes into instants. */
  timeZone: string;
  /** The owner's first sync: the rows are history, stored as read (unless the user chose otherwise) and never notified. */
  quiet: boolean;
  /** When the poll succeeded (epoch ms). */
  at: number;
}

export interface PollWriteResult {
  added: number;
  conversationIds: number[];
}

export interface SyncStore {
  listOwners(): OwnerRecord[];
  /** Keys of the owner's stored messages whose club-local date is within [from, to]. */
  storedKeys(ownerId: ClubOSId, from: string, to: string): StoredKey[];
  /**
   * Stores the new rows with their conversations and marks the owner synced (last success,
   * failures reset, history imported). Atomic: either all of it is stored or none of it. A large
   * first import may be written in several atomic chunks; a crash between chunks leaves a
   * consistent database that the next poll completes.
   */
  writePoll(write: PollWrite): Promise<PollWriteResult>;
  recordFailure(ownerId: ClubOSId, error: ApiError, consecutiveFailures: number): void;
}
