// What staff do to a conversation: resolve, reopen, snooze, archive, mark unread, tag. Each applies
// the core's answer at once (the matching event may come later) and then refreshes the list,
// which drops rows that no longer match the filter (except the open one).
import type { ConversationStatus } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, SetState } from './store-types';

export interface ConversationActions {
  setConversationStatus: (conversationId: number, status: ConversationStatus, snoozedUntil?: string) => Promise<boolean>;
  markConversationUnread: (conversationId: number) => Promise<boolean>;
  setConversationTags: (conversationId: number, tags: string[]) => Promise<boolean>;
}

const STATUS_DONE: Readonly<Record<ConversationStatus, string>> = {
  open: 'Conversation reopened.',
  pending: 'Conversation marked pending.',
  snoozed: 'Conversation snoozed.',
  resolved: 'Conversation resolved.',
  archived: 'Conversation archived.',
};

export function createConversationActions(deps: AppDeps, _set: SetState, get: GetState): ConversationActions {
  const { api } = deps;

  const run = async (what: string, request: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await request();
      get().announce(done);
      void get().refreshList();
      void get().refreshCounts();
      return true;
    } catch (error) {
      get().alert(`Could not ${what}: ${toApiError(error).message}`);
      return false;
    }
  };

  return {
    setConversationStatus(conversationId, status, snoozedUntil) {
      return run(
        `change the status`,
        async () => {
          const args = status === 'snoozed' && snoozedUntil !== undefined ? { conversationId, status, snoozedUntil } : { conversationId, status };
          get().applyConversation(await unwrap(api.setStatus(args)));
        },
        STATUS_DONE[status],
      );
    },
    markConversationUnread(conversationId) {
      return run(
        'mark the conversation unread',
        async () => get().applyConversation(await unwrap(api.markUnread({ conversationId }))),
        'Marked unread.',
      );
    },
    setConversationTags(conversationId, tags) {
      return run(
        'save the tags',
        async () => get().applyConversation(await unwrap(api.setTags({ conversationId, tags }))),
        'Tags saved.',
      );
    },
  };
}
