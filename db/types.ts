// The inputs and results of db/'s queries that the IPC contract does not already define.
import type { ApiError, ConversationStatus, ListFilter } from '../common/contract';
import type { Intent } from '../common/intent-catalog';

export type Direction = 'inbound' | 'outbound' | 'system';
export type Channel = 'sms' | 'email' | 'system';
/** Where a row came from: the inbox snapshot, a member's history popup, or our own send. */
export type MessageSource = 'inbox' | 'history' | 'sent';
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One message to store. The caller (sync, send) has already chosen its conversation. */
export interface NewMessage {
  ownerId: string;
  conversationId: number;
  direction: Direction;
  channel: Channel;
  senderName: string;
  body: string;
  /** Club-local `YYYY-MM-DD`. */
  localDate: string;
  /** Club-local `HH:MM` when ClubOS gave a minute, else null. */
  localTime: string | null;
  /** ISO-8601 instant (`Z` or offset); for day-only rows, the club's midnight of `localDate`. */
  sentAt: string;
  source: MessageSource;
  /** The reconciliation key computed by sync; with `occurrence`, unique per owner. */
  dedupeKey: string;
  occurrence: number;
  /** Null (the default) leaves an inbound or system message unread. */
  readAt?: string | null;
  /** Defaults to true for inbound messages, false otherwise. */
  requiresResponse?: boolean;
  intent?: Intent | null;
  /** The classifier's confidence, 0–1 (`ai_confidence_score`). */
  confidence?: number | null;
  aiProcessed?: boolean;
  aiActionTaken?: JsonValue | null;
  aiResponded?: boolean;
  aiResponseSentAt?: string | null;
  threadId?: string | null;
  fromMemberId?: string | null;
  fromMemberName?: string | null;
  toStaffName?: string | null;
  /** A sent email's subject line. */
  subject?: string | null;
}

export interface InsertOptions {
  /**
   * Quiet rows (an owner's first import) never reopen a resolved or snoozed conversation.
   * Rows with source `history` are always quiet.
   */
  quiet?: boolean;
}

export interface InsertResult {
  /** Ids of the stored rows, in the batch's order (duplicates left out). */
  insertedIds: number[];
  /** Conversations whose messages changed, ascending. */
  conversationIds: number[];
  /** Rows whose (owner, dedupe key, occurrence) was already stored: not inserted again. */
  skipped: number;
}

export interface StoredKey {
  dedupeKey: string;
  localTime: string | null;
  occurrence: number;
  /** Exactly as stored, so reconciliation can match the very text before a folded variant. */
  senderName: string;
  body: string;
}

export interface MessagePageQuery {
  conversationId: number;
  /** `prevCursor` of the page after this one; absent for the newest page. */
  before?: string | null;
  /** 1–500, default 100. */
  limit?: number;
}

export interface Classification {
  intent: Intent | null;
  confidence: number | null;
  requiresResponse: boolean;
  aiActionTaken?: JsonValue | null;
}

/** How a conversation is found: by the member's ClubOS id when known, else by the name key. */
export interface ConversationKey {
  ownerId: string;
  memberId: string | null;
  memberName: string;
  /** The normalized sender name (sync's `normalizeForKey`). */
  nameKey: string;
}

export interface ListConversationsQuery {
  filter?: ListFilter;
  /** `newest` (default): latest activity first. `longest_waiting`: members waiting longest first, then the rest newest first. */
  sort?: 'newest' | 'longest_waiting';
  ownerId?: string;
  tag?: string;
  /** Matches the member name or any message text. */
  query?: string;
  cursor?: string | null;
  /** 1–500, default 50. */
  limit?: number;
  /** Epoch ms deciding which snoozes have passed; defaults to the clock. */
  now?: number;
}

export interface SearchQuery {
  query: string;
  /** `body`: only message texts (names are left to the people search); default both. */
  scope?: 'all' | 'body';
  /** Count every match on the first page (capped at SEARCH_COUNT_CAP + 1). */
  withTotal?: boolean;
  ownerId?: string;
  cursor?: string | null;
  /** 1–500, default 50. */
  limit?: number;
}

export interface PeopleQuery {
  query: string;
  ownerId?: string;
  /** 1–50, default 10. */
  limit?: number;
}

export interface UnreadTotals {
  total: number;
  byOwner: Record<string, number>;
}

export interface StatusChange {
  status: ConversationStatus;
  /** Required for, and only for, `snoozed`. */
  snoozedUntil?: string | null;
  /** Who made the change (a staff name as ClubOS writes it, "Alex M."), kept with its time for reports. */
  actor?: string | null;
}

/** An owner (whose inbox is synced) with its sync state: exactly what the sync engine reads. */
export interface OwnerRecord {
  ownerId: string;
  name: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastError: ApiError | null;
  consecutiveFailures: number;
  historyImported: boolean;
  /** When the owner's first import began (ISO instant), null before it did. */
  importStartedAt: string | null;
  /** Whether an import attempt stored every row dated on or after the import's first day. */
  importRecentStored: boolean;
}

/** The conversation columns derived from its messages. */
export interface CachedColumns {
  lastMessageAt: string | null;
  lastMessagePreview: string;
  unreadCount: number;
  requiresResponse: boolean;
  waitingSince: string | null;
  intent: Intent | null;
}

export interface CachedColumnMismatch {
  conversationId: number;
  column: string;
  stored: unknown;
  expected: unknown;
}
