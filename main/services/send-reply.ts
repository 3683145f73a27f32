// Sends a reply through ClubOS via the outbox (written before the post, settled after) and returns
// it as the stored outbound message. The message itself is stored by the outbox's reply
// settlement (main/outreach/settlements.ts), in the same transaction that marks the text sent.
import type { Args, Message } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { AppError } from '../../common/errors/app-error';
import type { Outbox } from '../outreach/outbox';
import { resolveMemberId } from '../ingest/member-identity';
import { markSuggestionAnswered } from '../ingest/record-sent';

export async function sendReply(
  db: FrontdeskDb,
  client: ClubOSClient,
  context: ClubContext,
  outbox: Outbox,
  args: Args<'sendReply'>,
  /** Who sends, for the action log: 'staff', 'assistant', or the approver. */
  actor = 'staff',
): Promise<Message> {
  const existing = db.conversations.get(args.conversationId);
  if (!existing) throw new AppError('not_found', `Conversation ${args.conversationId} does not exist.`);
  if (args.channel === 'sms' && existing.optedOut) {
    throw new AppError('opted_out', `${existing.memberName} opted out of text messages (texted STOP). Send an email instead.`);
  }
  const { conversation, memberId } = await resolveMemberId(db, client, existing);
  const outcome = await outbox.send({
    client,
    context,
    actor,
    entry: {
      origin: 'reply',
      originId: null,
      conversationId: conversation.id,
      memberId,
      memberName: conversation.memberName,
      channel: args.channel,
      subject: args.subject ?? null,
      body: args.body,
    },
  });
  if (outcome.status === 'failed') {
    if (outcome.failure === 'opted_out') db.conversations.setOptedOut(conversation.id, true);
    throw outcome.error;
  }
  if (outcome.status === 'unknown') {
    throw new AppError(
      'clubos_network',
      `ClubOS did not confirm the reply to ${conversation.memberName} (${outcome.reason}). Frontdesk will check the member's ClubOS history before it is ever sent again.`,
    );
  }
  if (args.suggestionId) markSuggestionAnswered(db, conversation.id, new Date(outcome.sentAt).toISOString());
  const message = db.messages.page({ conversationId: conversation.id, limit: 20 }).items.filter((m) => m.direction === 'outbound' && m.body === args.body).pop();
  if (!message) throw new AppError('internal', 'The sent reply could not be read back.');
  return message;
}
