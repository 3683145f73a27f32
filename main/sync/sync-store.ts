// What the sync engine needs from storage. The core implements it over db/ and the
// conversation manager; tests can implement it in memory.
import type { ApiError } from '../../preload/contract';
import type { ClubOSId } from '../clubos/types';
import type { NewInboxMessage, StoredKey } from './reconcile';

export interface OwnerSyncRecord {
  ownerId: ClubOSId;
  name: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastError: ApiError | null;
  consecutiveFailures: number;
  historyImported: boolean;
  /** When the owner's first import began (ISO instant), null before it did. */
  importStartedAt: string | null;
}

export interface PollWrite {
  ownerId: ClubOSId;
  /** New rows, oldest first. */
  rows: NewInboxMessage[];
  /** The club's zone, to turn club-local dates and minutes into instants. */
  timeZone: string;
  /** History of the owner's first import: stored as read (unless the user chose otherwise) and never notified. */
  quiet: boolean;
  /** When the poll succeeded (epoch ms). */
  at: number;
}

export interface PollWriteResult {
  added: number;
  conversationIds: number[];
}

export interface SyncStore {
  listOwners(): OwnerSyncRecord[];
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
  /**
   * Records that the owner's first import begins at `at` (epoch ms), unless an earlier attempt
   * already did, and returns the recorded moment: it survives restarts, so an import that is
   * interrupted and started again keeps its first moment.
   */
  beginImport(ownerId: ClubOSId, at: number): number;
}
