// What the sync engine needs from storage. The core implements it over db/ and the
// conversation manager; tests can implement it in memory.
import type { ApiError, ConversationChanges, Message } from '../../common/contract';
import type { OwnerRecord, StoredKey } from '../../db/types';
import type { ClubOSId } from '../../common/clubos-id';
import type { NewInboxMessage } from './reconcile';

export interface PollWrite {
  ownerId: ClubOSId;
  /** New live rows, oldest first: unread and notified. */
  rows: NewInboxMessage[];
  /**
   * During the owner's first import, its history (stored as read unless the user chose otherwise,
   * never notified), oldest first: `recent` (dated on or after the day the import began) is written
   * in one transaction with the live rows, `older` after it in chunks. Null once imported.
   */
  history: { recent: NewInboxMessage[]; older: NewInboxMessage[] } | null;
  /** The club's zone, to turn club-local dates and minutes into instants. */
  timeZone: string;
  /** When the poll succeeded (epoch ms). */
  at: number;
}

export interface PollWriteResult {
  /** Live rows stored, and their conversations. */
  added: number;
  conversationIds: number[];
  /** History rows stored, and their conversations. */
  historyAdded: number;
  historyConversationIds: number[];
  /** What the live rows changed, as their `messagesAdded` event carries it; null when none was added. */
  changes: PollChanges | null;
}

/** History rows one write stored (a first import writes several), announced as a quiet `messagesAdded`. */
export interface StoredHistory {
  added: number;
  conversationIds: number[];
  changes: PollChanges;
}

export type PollChanges = ConversationChanges & { messages: Message[] | null };

export interface ImportStart {
  /** When the first import began (epoch ms). */
  startedAt: number;
  /** Whether an attempt already stored every row dated on or after the import's first day. */
  recentStored: boolean;
}

export interface SyncStore {
  listOwners(): OwnerRecord[];
  /** Keys of the owner's stored messages whose club-local date is within [from, to]. */
  storedKeys(ownerId: ClubOSId, from: string, to: string): readonly StoredKey[];
  /**
   * Stores the new rows with their conversations and marks the owner synced (last success,
   * failures reset, history imported). Atomic: either all of it is stored or none of it. A large
   * first import is written in several atomic chunks, the live and recent rows first; a crash
   * between chunks leaves a consistent database that the next poll completes. `onHistory` hears
   * the history each chunk stored as soon as it is committed.
   */
  writePoll(write: PollWrite, onHistory: (stored: StoredHistory) => void): Promise<PollWriteResult>;
  recordFailure(ownerId: ClubOSId, error: ApiError, consecutiveFailures: number): void;
  /**
   * Records that the owner's first import begins at `at` (epoch ms), unless an earlier attempt
   * already did, and returns the recorded moment: it survives restarts, so an import that is
   * interrupted and started again keeps its first moment.
   */
  beginImport(ownerId: ClubOSId, at: number): ImportStart;
}
