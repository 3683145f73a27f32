// Sends a reply through ClubOS and stores it as an outbound message. The message is stored only
// after ClubOS confirmed it, under the same key the member's FollowUp history will give it later
// ("by First L."), so fetching history does not store it twice.
import type { Args, Message } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import { isClubOSError } from '../../common/errors/clubos-error';
import { DEFAULT_EMAIL_SUBJECT } from '../clubos/send-form';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { staffShortName } from '../clubos/staff-short-name';
import { AppError } from '../../common/errors/app-error';
import { messageKey } from '../sync/message-key';
import { localDate, localTime } from '../../common/time/club-time';
import { clubInstantIso } from '../ingest/club-instant';
import { resolveMemberId } from '../ingest/member-identity';

export async function sendReply(
  db: FrontdeskDb,
  client: ClubOSClient,
  context: ClubContext,
  args: Args<'sendReply'>,
): Promise<Message> {
  const existing = db.conversations.get(args.conversationId);
  if (!existing) throw new AppError('not_found', `Conversation ${args.conversationId} does not exist.`);
  if (args.channel === 'sms' && existing.optedOut) {
    throw new AppError('opted_out', `${existing.memberName} opted out of text messages (texted STOP). Send an email instead.`);
  }
  const { conversation, memberId } = await resolveMemberId(db, client, existing);
  let sent;
  try {
    sent = await client.send({ memberId, channel: args.channel, body: args.body, ...(args.subject ? { subject: args.subject } : {}) });
  } catch (error) {
    if (isClubOSError(error) && error.kind === 'opted_out') db.conversations.setOptedOut(conversation.id, true);
    throw error;
  }
  const sender = staffShortName(context.loggedInUserName);
  const date = localDate(sent.sentAt, context.timeZone);
  const time = localTime(sent.sentAt, context.timeZone);
  const dedupeKey = messageKey(sender, args.body, date);
  const sentAtIso = new Date(sent.sentAt).toISOString();
  return db.transaction(() => {
    const sameKey = db.messages.storedKeys(conversation.ownerId, date, date).filter((k) => k.dedupeKey === dedupeKey);
    const occurrence = Math.max(-1, ...sameKey.map((k) => k.occurrence)) + 1;
    const result = db.messages.insert([
      {
        ownerId: conversation.ownerId,
        conversationId: conversation.id,
        direction: 'outbound',
        channel: args.channel,
        senderName: sender,
        body: args.body,
        localDate: date,
        localTime: time,
        sentAt: clubInstantIso(date, time, context.timeZone),
        source: 'sent',
        dedupeKey,
        occurrence,
        requiresResponse: false,
        // ClubOS's default subject names the sender; the log never shows it, so it is kept here.
        subject: args.channel === 'email' ? (args.subject?.trim() || `${context.loggedInUserName}${DEFAULT_EMAIL_SUBJECT}`) : null,
        toStaffName: null,
        fromMemberName: null,
        fromMemberId: null,
      },
    ]);
    const id = result.insertedIds[0];
    if (id === undefined) throw new AppError('internal', 'The sent reply could not be stored.');
    if (args.suggestionId) {
      // Record that a suggested reply answered the member's newest text.
      const page = db.messages.page({ conversationId: conversation.id, limit: 50 });
      const answered = [...page.items].reverse().find((m) => m.direction === 'inbound');
      if (answered) db.messages.markResponded(answered.id, sentAtIso);
    }
    const message = db.messages.get(id);
    if (!message) throw new AppError('internal', 'The sent reply could not be read back.');
    return message;
  });
}
