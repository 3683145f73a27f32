// What staff do to a conversation: resolve, reopen, snooze, archive, mark unread, tag. Each applies
// the core's answer at once (the matching event may come later) and then refreshes the list,
// which drops rows that no longer match the filter (except the open one).
import type { Conversation, ConversationStatus } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, SetState } from './store-types';

export interface ConversationActions {
  setConversationStatus: (conversationId: number, status: ConversationStatus, snoozedUntil?: string) => Promise<boolean>;
  markConversationUnread: (conversationId: number) => Promise<boolean>;
  setConversationTags: (conversationId: number, tags: string[]) => Promise<boolean>;
  /** Nothing to answer: the conversation leaves "Needs reply" until the member texts again. */
  markConversationHandled: (conversationId: number) => Promise<boolean>;
}

/** Status changes the undo toast offers to take back. */
const UNDOABLE: ReadonlySet<ConversationStatus> = new Set(['resolved', 'archived', 'snoozed']);

const STATUS_DONE: Readonly<Record<ConversationStatus, string>> = {
  open: 'Conversation reopened.',
  pending: 'Conversation marked pending.',
  snoozed: 'Conversation snoozed.',
  resolved: 'Conversation resolved.',
  archived: 'Conversation archived.',
};

export function createConversationActions(deps: AppDeps, _set: SetState, get: GetState): ConversationActions {
  const { api } = deps;

  /** The copy the window shows now: the open thread's, else the list row's. */
  const known = (conversationId: number): Conversation | null => {
    const { thread, list } = get();
    if (thread.conversation?.id === conversationId) return thread.conversation;
    return list.items.find((c) => c.id === conversationId) ?? null;
  };

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
    async setConversationStatus(conversationId, status, snoozedUntil) {
      const before = known(conversationId);
      const ok = await run(
        `change the status`,
        async () => {
          const args = status === 'snoozed' && snoozedUntil !== undefined ? { conversationId, status, snoozedUntil } : { conversationId, status };
          get().applyConversation(await unwrap(api.setStatus(args)));
        },
        STATUS_DONE[status],
      );
      if (ok && before && before.status !== status && UNDOABLE.has(status)) {
        const previous = before.status;
        const until = before.snoozedUntil;
        get().offerUndo(STATUS_DONE[status], async () => {
          await run(
            'undo',
            async () => {
              const args = previous === 'snoozed' && until !== null ? { conversationId, status: previous, snoozedUntil: until } : { conversationId, status: previous === 'snoozed' ? ('open' as const) : previous };
              get().applyConversation(await unwrap(api.setStatus(args)));
            },
            'Undone.',
          );
        });
      }
      return ok;
    },
    async markConversationHandled(conversationId) {
      const before = known(conversationId);
      const ok = await run(
        'mark the conversation handled',
        async () => get().applyConversation(await unwrap(api.markHandled({ conversationId }))),
        'Marked handled.',
      );
      if (ok) {
        const handledAt = before?.handledAt ?? null;
        get().offerUndo('Marked handled.', async () => {
          await run('undo', async () => get().applyConversation(await unwrap(api.restoreHandled({ conversationId, handledAt }))), 'Undone.');
        });
      }
      return ok;
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
