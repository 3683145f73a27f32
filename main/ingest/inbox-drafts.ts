// Turns reconciled inbox rows into stored messages: who sent it (a member, or staff whose own
// name shows in the list), what it is about (the local classifier), and its conversation key.
import type { ConversationKey, NewMessage } from '../../db';
import { buildActionRecord } from '../intents/action-record';
import { classify, type Classification } from '../intents/classifier';
import { isSystemIntent } from '../../common/intent-catalog';
import type { NewInboxMessage } from '../sync/reconcile';
import { normalizeForKey } from '../sync/message-key';
import { clubInstantIso } from './club-instant';

export interface DraftContext {
  timeZone: string;
  /** Normalized full names of the club's staff: their rows are outbound, not member texts. */
  staffNameKeys: ReadonlySet<string>;
  /** When set, history rows are stored as read at this instant. */
  readAt: string | null;
}

export interface InboxDraft {
  conversationKey: ConversationKey;
  message: Omit<NewMessage, 'conversationId'>;
  classification: Classification | null;
}

/** The message columns a classification fills (none for staff's own rows). */
export function classificationFields(classification: Classification | null): Pick<NewMessage, 'intent' | 'confidence' | 'aiProcessed' | 'aiActionTaken'> {
  return {
    intent: classification?.intent ?? null,
    confidence: classification?.confidence ?? null,
    aiProcessed: classification !== null,
    aiActionTaken: classification ? buildActionRecord(classification) : null,
  };
}

export function inboxDraft(row: NewInboxMessage, ctx: DraftContext): InboxDraft {
  const nameKey = normalizeForKey(row.senderName);
  const fromStaff = ctx.staffNameKeys.has(nameKey);
  const classification = fromStaff ? null : classify(row.body);
  const intent = classification?.intent ?? null;
  const direction = fromStaff ? 'outbound' : intent && isSystemIntent(intent) ? 'system' : 'inbound';
  return {
    conversationKey: { ownerId: row.ownerId, memberId: row.memberId, memberName: row.senderName, nameKey },
    classification,
    message: {
      ownerId: row.ownerId,
      direction,
      channel: 'sms',
      senderName: row.senderName,
      body: row.body,
      localDate: row.localDate,
      localTime: row.localTime,
      sentAt: clubInstantIso(row.localDate, row.localTime, ctx.timeZone),
      source: 'inbox',
      dedupeKey: row.dedupeKey,
      occurrence: row.occurrence,
      readAt: direction === 'outbound' ? null : ctx.readAt,
      requiresResponse: direction === 'inbound' && (classification?.needsReply ?? false),
      ...classificationFields(classification),
      fromMemberId: direction === 'outbound' ? null : row.memberId,
      fromMemberName: direction === 'outbound' ? null : row.senderName,
    },
  };
}
