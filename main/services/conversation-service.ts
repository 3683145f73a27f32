// Conversations as staff work them: the list, counts, one thread, read state, status, tags, a
// member's ClubOS history on request, and waking snoozes that came due. Every change is written
// here and announced here, with the conversation's new state and the counts after it.
import type { Args, Conversation, Counts, Message, Result } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import type { Clock } from '../../common/time/clock';
import type { Logger } from '../../common/log/logger';
import type { FrontdeskDb } from '../../db';
import { importHistory } from '../ingest/history-import';
import { resolveMemberId } from '../ingest/member-identity';
import type { Session } from './account-session';
import type { ConversationEvents } from './change-feed';
import { requireKnownOwner } from './known-owner';
import { staffShortName } from '../clubos/staff-short-name';

/** The signed-in staff member as ClubOS names them after "by" (their replies carry the same name). */
function staffActor(session: Session): string | null {
  const name = session.knownContext()?.loggedInUserName;
  return name ? staffShortName(name) || null : null;
}

/** How often snoozed conversations are checked for having come due. */
const SNOOZE_CHECK_MS = 30_000;

export interface ConversationService {
  list(query: Args<'listConversations'>): Result<'listConversations'>;
  /** The conversation, or `not_found`. */
  get(id: number): Conversation;
  counts(ownerId?: string): Counts;
  messages(query: Args<'listMessages'>): { items: Message[]; prevCursor: string | null };
  markRead(id: number): Conversation;
  markUnread(id: number, messageId?: number): Conversation;
  setStatus(id: number, change: Omit<Args<'setStatus'>, 'conversationId'>): Conversation;
  setTags(id: number, tags: readonly string[]): Conversation;
  /** Stores the member's ClubOS history (texts and emails both ways) that is not stored yet. */
  fetchHistory(id: number): Promise<{ added: number }>;
  /** Staff saw to it without replying: the member's texts stored until now stop waiting. */
  markHandled(id: number): Conversation;
  /** Undo of markHandled: the mark goes back to what it was (null: none). */
  restoreHandled(id: number, handledAt: string | null): Conversation;
  /** Unread messages over every owner: the tray icon and the app badge. */
  unreadTotal(): number;
  /** Reopens snoozed conversations whose time has come, now and every 30 s until closed. */
  watchSnoozes(): () => void;
}

export function createConversationService(deps: {
  session: () => Session;
  changes: ConversationEvents;
  clock: Clock;
  logger: Logger;
}): ConversationService {
  const { clock, changes } = deps;
  const log = deps.logger.scope('conversations');
  const db = (): FrontdeskDb => deps.session().db;

  const get = (id: number): Conversation => {
    const c = db().conversations.get(id);
    if (!c) throw new AppError('not_found', `Conversation ${id} does not exist.`);
    return c;
  };
  const updated = (conversation: Conversation): Conversation => changes.updated(db(), conversation);
  const owner = (ownerId: string | undefined): string | undefined => requireKnownOwner(db(), ownerId);

  const wakeDueSnoozes = (): void => {
    try {
      for (const c of db().conversations.wakeDueSnoozes(clock.now())) updated(c);
    } catch (error) {
      log.error('waking snoozed conversations failed', { error });
    }
  };

  return {
    list: (query) => {
      owner(query.ownerId);
      return db().conversations.list({ ...query, now: clock.now() });
    },
    get,
    counts: (ownerId) => db().conversations.counts({ ...(owner(ownerId) ? { ownerId } : {}), now: clock.now() }),
    messages({ conversationId, before, limit }) {
      get(conversationId);
      return db().messages.page({ conversationId, before: before ?? null, ...(limit ? { limit } : {}) });
    },
    markRead: (id) => updated(db().conversations.markRead(id)),
    markUnread: (id, messageId) => updated(db().conversations.markUnread(id, messageId)),
    setStatus(id, { status, snoozedUntil }) {
      const session = deps.session();
      const current = session.db;
      const changed = current.conversations.setStatus(id, { status, snoozedUntil: snoozedUntil ?? null, actor: staffActor(session) });
      // A closed conversation is no longer waiting: its "No reply yet" / overdue mark goes.
      if (status === 'resolved' || status === 'archived') current.outreach.attention.clear(id);
      return updated(get(changed.id));
    },
    setTags: (id, tags) => updated(db().conversations.setTags(id, tags)),

    async fetchHistory(id) {
      const current = deps.session();
      const { conversation, memberId } = await resolveMemberId(current.db, current.client, get(id));
      const [history, context] = await Promise.all([current.client.getHistory(memberId), current.clubContext()]);
      const { insertedIds } = importHistory(current.db, conversation, history, { timeZone: context.timeZone, now: clock.now() });
      changes.updated(current.db, get(conversation.id));
      changes.messagesAdded(current.db, { ownerId: conversation.ownerId, insertedIds, conversationIds: [conversation.id], quiet: true });
      return { added: insertedIds.length };
    },

    markHandled(id) {
      get(id);
      return updated(db().conversations.markHandled(id));
    },
    restoreHandled(id, handledAt) {
      get(id);
      return updated(db().conversations.restoreHandled(id, handledAt));
    },

    unreadTotal: () => db().conversations.unreadTotals(clock.now()).total,

    watchSnoozes() {
      const timer = setInterval(wakeDueSnoozes, SNOOZE_CHECK_MS);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
