// A conversation keyed on a name until ClubOS tells us the member's id. History and sends need
// the id: look it up by name and give it to the conversation (merging with the member's other
// conversation if one exists).
import type { Conversation } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import type { ClubOSClient } from '../clubos/types';
import { AppError } from '../../common/errors/app-error';

export async function resolveMemberId(
  db: FrontdeskDb,
  client: ClubOSClient,
  conversation: Conversation,
): Promise<{ conversation: Conversation; memberId: string }> {
  if (conversation.memberId) return { conversation, memberId: conversation.memberId };
  const found = await client.searchMember(conversation.memberName);
  if (!found) {
    throw new AppError('not_found', `ClubOS has no member named "${conversation.memberName}".`);
  }
  const survivorId = db.conversations.attachMemberId(conversation.id, found.id);
  const survivor = db.conversations.get(survivorId);
  if (!survivor) throw new AppError('not_found', `Conversation ${survivorId} disappeared.`);
  return { conversation: survivor, memberId: found.id };
}
