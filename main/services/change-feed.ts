// What the services tell the window after a write: the changed conversations as they now are and
// the counts after the change (Mailspring's change records, for one list). Built here, once, so
// a window, the tray and notifications apply a change without asking the database again.
import { MAX_PUSHED_MESSAGES, type Conversation, type ConversationChanges, type Message } from '../../common/contract';
import type { EventBus } from '../../common/event-bus';
import type { Clock } from '../../common/time/clock';
import type { FrontdeskDb } from '../../db';

export interface MessageChanges extends ConversationChanges {
  /** The new messages, oldest first; null when there are more than a window should be sent. */
  messages: Message[] | null;
}

/** The changed conversations of one owner, read back after the write, with the counts. */
export function conversationChanges(db: FrontdeskDb, ownerId: string, conversationIds: readonly number[], now: number): ConversationChanges {
  return {
    conversations: db.conversations.getMany(conversationIds),
    ...db.conversations.countsWithOwner(ownerId, now),
  };
}

/** The changes of newly stored messages; the messages themselves only when there are few. */
export function messageChanges(
  db: FrontdeskDb,
  ownerId: string,
  added: { insertedIds: readonly number[]; conversationIds: readonly number[] },
  now: number,
): MessageChanges {
  const few = added.insertedIds.length <= MAX_PUSHED_MESSAGES;
  return { ...conversationChanges(db, ownerId, added.conversationIds, now), messages: few ? db.messages.getMany(added.insertedIds) : null };
}

export interface ConversationEvents {
  /** Announces a conversation's new state (with the counts after it) and returns it. */
  updated(db: FrontdeskDb, conversation: Conversation): Conversation;
  /** Announces messages a service stored outside a poll (history fetched on request). */
  messagesAdded(
    db: FrontdeskDb,
    added: { ownerId: string; insertedIds: readonly number[]; conversationIds: readonly number[]; quiet: boolean; remote?: boolean },
  ): void;
}

export function conversationEvents(events: Pick<EventBus, 'emit'>, clock: Clock): ConversationEvents {
  return {
    updated(db, conversation) {
      const now = clock.now();
      events.emit({
        type: 'conversationUpdated',
        conversation,
        ...db.conversations.countsWithOwner(conversation.ownerId, now),
      });
      return conversation;
    },
    messagesAdded(db, added) {
      if (added.insertedIds.length === 0) return;
      events.emit({
        type: 'messagesAdded',
        ownerId: added.ownerId,
        conversationIds: [...added.conversationIds],
        count: added.insertedIds.length,
        quiet: added.quiet,
        ...(added.remote ? { remote: true } : {}),
        ...messageChanges(db, added.ownerId, added, clock.now()),
      });
    },
  };
}
