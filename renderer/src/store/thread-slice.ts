// The open conversation: its messages paged backwards with `before` cursors, read state, and
// ClubOS history on demand.
import type { ApiError, Conversation, Message } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import { coalesce } from './coalesce';
import { insertPushed, mergeLatest, prependOlder } from './message-merge';
import type { GetState, LoadStatus, SetState } from './store-types';

export const THREAD_PAGE_SIZE = 50;
/** "After 2 s": how long an opened conversation must stay open before it counts as read. */
export const MARK_READ_DELAY_MS = 2_000;
/** How far back opening a search hit pages to find its message. */
const MAX_PAGES_TO_TARGET = 40;

export interface HistoryState {
  status: 'idle' | 'loading' | 'done' | 'error';
  added: number;
  error: ApiError | null;
}

export interface ThreadState {
  conversationId: number | null;
  conversation: Conversation | null;
  messages: Message[];
  prevCursor: string | null;
  status: LoadStatus;
  error: ApiError | null;
  loadingOlder: boolean;
  olderError: ApiError | null;
  /** The message to scroll to and highlight (a search hit), if any. */
  targetMessageId: number | null;
  /** Messages that arrived in the open thread and the user has not seen yet. */
  arrivals: number;
  history: HistoryState;
}

export interface ThreadActions {
  openThread: (conversationId: number, messageId?: number) => Promise<void>;
  closeThread: () => void;
  loadOlder: () => Promise<void>;
  /** Fetches the newest page and merges it (new messages arrived, or a refetch). */
  refreshThread: () => Promise<void>;
  /** New messages pushed in an event: added to the open thread without asking the core. */
  receiveMessages: (conversation: Conversation, messages: readonly Message[]) => void;
  /**
   * Marks the open conversation read if it has unread messages, and clears `arrivals`. `auto`:
   * the window decided (it was opened, or texts arrived in view), which the "manually" setting refuses.
   */
  markThreadRead: (options?: { auto?: boolean }) => Promise<void>;
  fetchHistory: () => Promise<void>;
}

const idleHistory: HistoryState = { status: 'idle', added: 0, error: null };

export const initialThreadState: ThreadState = {
  conversationId: null,
  conversation: null,
  messages: [],
  prevCursor: null,
  status: 'idle',
  error: null,
  loadingOlder: false,
  olderError: null,
  targetMessageId: null,
  arrivals: 0,
  history: idleHistory,
};

export function createThreadActions(deps: AppDeps, set: SetState, get: GetState): ThreadActions {
  const { api } = deps;
  // Bumped on every open: answers for a conversation the user already left are dropped.
  let opening = 0;
  // New messages announced while the thread was still loading: the load may have missed them.
  let refreshAfterOpen = false;

  const patch = (p: Partial<ThreadState>): void => set((s) => ({ thread: { ...s.thread, ...p } }));
  const isCurrent = (token: number): boolean => token === opening;

  const refreshThread = coalesce(async () => {
    const token = opening;
    const id = get().thread.conversationId;
    if (id !== null && get().thread.status === 'loading') refreshAfterOpen = true;
    if (id === null || get().thread.status !== 'ready') return;
    try {
      const [conversation, page] = await Promise.all([
        unwrap(api.getConversation({ conversationId: id })),
        unwrap(api.listMessages({ conversationId: id, limit: THREAD_PAGE_SIZE })),
      ]);
      if (!isCurrent(token)) return;
      const { messages, prevCursor, arrivals } = get().thread;
      const known = new Set(messages.map((m) => m.id));
      const added = page.items.filter((m) => !known.has(m.id) && m.direction !== 'outbound').length;
      patch({ ...mergeLatest(messages, prevCursor, page.items, page.prevCursor), conversation, arrivals: arrivals + added });
      get().applyConversation(conversation);
    } catch {
      // The thread on screen stays; the next event or a gap refetch tries again.
    }
  });

  // The pending "read after a moment" of the conversation just opened.
  let readTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelReadTimer = (): void => {
    if (readTimer !== null) clearTimeout(readTimer);
    readTimer = null;
  };
  const markReadMode = () => get().session.settings?.markRead ?? 'after_delay';

  const receiveMessages = (conversation: Conversation, pushed: readonly Message[]): void => {
    const thread = get().thread;
    if (thread.conversationId !== conversation.id) return;
    // Still loading: the load may have missed them, so it refreshes once it is done.
    if (thread.status === 'loading') refreshAfterOpen = true;
    if (thread.status !== 'ready') return;
    const { messages, arrivals, prevCursor } = get().thread;
    const oldest = messages[0];
    const fresh = insertPushed(messages, pushed.filter((m) => m.conversationId === conversation.id), prevCursor !== null ? oldest : undefined);
    const added = fresh.length - messages.length;
    const inbound = added === 0 ? 0 : fresh.filter((m) => m.direction !== 'outbound').length - messages.filter((m) => m.direction !== 'outbound').length;
    patch({ messages: fresh, conversation, arrivals: arrivals + inbound });
  };

  const markThreadRead = async (options: { auto?: boolean } = {}): Promise<void> => {
    const { conversationId, conversation } = get().thread;
    if (conversationId === null) return;
    patch({ arrivals: 0 });
    if (options.auto && markReadMode() === 'manually') return;
    if (conversation !== null && conversation.unreadCount === 0) return;
    try {
      const updated = await unwrap(api.markRead({ conversationId }));
      // Applied even if the user moved on: the list row must lose its unread badge either way.
      get().applyConversation(updated);
      void get().refreshCounts();
    } catch (error) {
      get().alert(`Could not mark the conversation read: ${toApiError(error).message}`);
    }
  };

  return {
    async openThread(conversationId, messageId) {
      const token = ++opening;
      cancelReadTimer();
      refreshAfterOpen = false;
      const listed = get().list.items.find((c) => c.id === conversationId) ?? null;
      set((s) => ({
        thread: {
          ...initialThreadState,
          conversationId,
          conversation: listed,
          status: 'loading',
          targetMessageId: messageId ?? null,
        },
        composer: { ...s.composer, sendError: null },
      }));
      void get().loadSuggestions(conversationId);
      void get().loadActions(conversationId);
      void get().loadOpenDraft(conversationId);
      void get().loadNotes(conversationId);
      void get().loadConversationTeam(conversationId);
      try {
        const [conversation, page] = await Promise.all([
          unwrap(api.getConversation({ conversationId })),
          unwrap(api.listMessages({ conversationId, limit: THREAD_PAGE_SIZE })),
        ]);
        let messages = page.items;
        let prevCursor = page.prevCursor;
        for (let pages = 0; messageId !== undefined && prevCursor !== null && pages < MAX_PAGES_TO_TARGET; pages++) {
          if (messages.some((m) => m.id === messageId)) break;
          const older = await unwrap(api.listMessages({ conversationId, before: prevCursor, limit: THREAD_PAGE_SIZE }));
          if (!isCurrent(token)) return;
          messages = prependOlder(messages, older.items);
          prevCursor = older.prevCursor;
        }
        if (!isCurrent(token)) return;
        patch({ conversation, messages, prevCursor, status: 'ready' });
        get().applyConversation(conversation);
        if (refreshAfterOpen) {
          refreshAfterOpen = false;
          void refreshThread();
        }
        // Skimming with j must not empty Unread: only a conversation that stays open is read.
        const mode = markReadMode();
        if (mode === 'immediately') await markThreadRead();
        else if (mode === 'after_delay') {
          cancelReadTimer();
          readTimer = setTimeout(() => {
            readTimer = null;
            if (isCurrent(token)) void markThreadRead();
          }, MARK_READ_DELAY_MS);
        }
      } catch (error) {
        if (isCurrent(token)) patch({ status: 'error', error: toApiError(error) });
      }
    },
    closeThread() {
      opening++;
      cancelReadTimer();
      set({ thread: initialThreadState });
    },
    async loadOlder() {
      const { conversationId, prevCursor, loadingOlder, status } = get().thread;
      if (conversationId === null || prevCursor === null || loadingOlder || status !== 'ready') return;
      const token = opening;
      patch({ loadingOlder: true, olderError: null });
      try {
        const page = await unwrap(api.listMessages({ conversationId, before: prevCursor, limit: THREAD_PAGE_SIZE }));
        if (!isCurrent(token)) return;
        patch({ messages: prependOlder(get().thread.messages, page.items), prevCursor: page.prevCursor, loadingOlder: false });
      } catch (error) {
        if (isCurrent(token)) patch({ loadingOlder: false, olderError: toApiError(error) });
      }
    },
    refreshThread,
    receiveMessages,
    markThreadRead,
    async fetchHistory() {
      const { conversationId, history } = get().thread;
      if (conversationId === null || history.status === 'loading') return;
      const token = opening;
      patch({ history: { status: 'loading', added: 0, error: null } });
      try {
        const { added } = await unwrap(api.fetchHistory({ conversationId }));
        if (!isCurrent(token)) return;
        patch({ history: { status: 'done', added, error: null } });
        if (added > 0) {
          // History lands before what is loaded: reload the thread from its newest page.
          const page = await unwrap(api.listMessages({ conversationId, limit: THREAD_PAGE_SIZE }));
          if (isCurrent(token)) patch({ messages: page.items, prevCursor: page.prevCursor });
          void get().refreshList();
        }
      } catch (error) {
        if (isCurrent(token)) patch({ history: { status: 'error', added: 0, error: toApiError(error) } });
      }
    },
  };
}
