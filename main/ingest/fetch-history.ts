// Fetches one member's ClubOS history and stores what is new: the "Fetch earlier history" button
// and the background refresher both come through here.
import type { Conversation } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { importHistory } from './history-import';
import { resolveMemberId } from './member-identity';

export interface FetchedHistory {
  /** The conversation after the import (a name-keyed one may have merged into its member's). */
  conversation: Conversation;
  added: number;
}

export async function fetchConversationHistory(
  db: FrontdeskDb,
  client: ClubOSClient,
  clubContext: () => Promise<ClubContext>,
  conversation: Conversation,
  now: () => number,
): Promise<FetchedHistory> {
  const resolved = await resolveMemberId(db, client, conversation);
  const [history, context] = await Promise.all([client.getHistory(resolved.memberId), clubContext()]);
  const { added } = importHistory(db, resolved.conversation, history, { timeZone: context.timeZone, now: now() });
  return { conversation: db.conversations.get(resolved.conversation.id) ?? resolved.conversation, added };
}
