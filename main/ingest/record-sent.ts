// Stores a text ClubOS accepted as an outbound message of its conversation, under the same key the
// member's FollowUp history will give it later ("by First L."), so fetching history does not store
// it twice. Synchronous: it runs inside the transaction that settles the outbox entry.
import type { Message } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import type { ClubContext } from '../clubos/types';
import { DEFAULT_EMAIL_SUBJECT } from '../clubos/send-form';
import { staffShortName } from '../clubos/staff-short-name';
import { AppError } from '../../common/errors/app-error';
import { messageKey } from '../sync/message-key';
import { localDate, localTime } from '../../common/time/club-time';
import { clubInstantIso } from './club-instant';

export function recordSentMessage(
  db: FrontdeskDb,
  context: Pick<ClubContext, 'loggedInUserName' | 'timeZone'>,
  sent: { conversationId: number; channel: 'sms' | 'email'; subject?: string | null; body: string; sentAt: number },
): Message | null {
  const conversation = db.conversations.get(sent.conversationId);
  if (!conversation) return null; // the inbox was removed since; the outbox keeps the record
  const sender = staffShortName(context.loggedInUserName);
  const date = localDate(sent.sentAt, context.timeZone);
  const time = localTime(sent.sentAt, context.timeZone);
  const dedupeKey = messageKey(sender, sent.body, date);
  return db.transaction(() => {
    const sameKey = db.messages.storedKeys(conversation.ownerId, date, date).filter((k) => k.dedupeKey === dedupeKey);
    const occurrence = Math.max(-1, ...sameKey.map((k) => k.occurrence)) + 1;
    const result = db.messages.insert([
      {
        ownerId: conversation.ownerId,
        conversationId: conversation.id,
        direction: 'outbound',
        channel: sent.channel,
        senderName: sender,
        body: sent.body,
        localDate: date,
        localTime: time,
        sentAt: clubInstantIso(date, time, context.timeZone),
        source: 'sent',
        dedupeKey,
        occurrence,
        requiresResponse: false,
        // ClubOS's default subject names the sender; its history never shows the subject, so it is kept here.
        subject: sent.channel === 'email' ? sent.subject?.trim() || `${context.loggedInUserName}${DEFAULT_EMAIL_SUBJECT}` : null,
        toStaffName: null,
        fromMemberName: null,
        fromMemberId: null,
      },
    ]);
    const id = result.insertedIds[0];
    if (id === undefined) throw new AppError('internal', 'The sent text could not be stored.');
    return db.messages.get(id);
  });
}

/** Records that a suggested reply answered the member's newest text. */
export function markSuggestionAnswered(db: FrontdeskDb, conversationId: number, sentAtIso: string): void {
  const page = db.messages.page({ conversationId, limit: 50 });
  const answered = [...page.items].reverse().find((m) => m.direction === 'inbound');
  if (answered) db.messages.markResponded(answered.id, sentAtIso);
}
