// The conversation list: inbox (owner), filter and tag, cursor paging, counts and the selection.
import type { ApiError, Conversation, ConversationChanges, Counts, ListFilter } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import { coalesce } from './coalesce';
import { mergeFirstPage, placeConversations, raisedChanged, replaceConversation } from './list-merge';
import type { GetState, LoadStatus, SetState } from './store-types';
import { saveView } from './view-memory';
import { saveListPrefs, type ListDensity, type ListSort } from './list-prefs';

export const LIST_PAGE_SIZE = 100;
/** Rows from the end of what is loaded at which the next page is fetched. */
export const LOAD_MORE_THRESHOLD = 20;

export interface ListState {
  ownerId: string | null;
  filter: ListFilter;
  tag: string | null;
  items: Conversation[];
  nextCursor: string | null;
  status: LoadStatus;
  error: ApiError | null;
  loadingMore: boolean;
  loadMoreError: ApiError | null;
  counts: Counts | null;
  selectedId: number | null;
  sort: ListSort;
  density: ListDensity;
}

export interface ListActions {
  setInbox: (ownerId: string | null) => void;
  setFilter: (filter: ListFilter) => void;
  setTag: (tag: string | null) => void;
  setSort: (sort: ListSort) => void;
  setDensity: (density: ListDensity) => void;
  /** Replaces the list with its first page, showing the loading state. */
  loadList: () => Promise<void>;
  /** Refetches the first page in the background and merges it (see mergeFirstPage). */
  refreshList: () => Promise<void>;
  loadMore: () => Promise<void>;
  refreshCounts: () => Promise<void>;
  /** A newer copy of one conversation, from an event or an action's result. */
  applyConversation: (conversation: Conversation) => void;
  /** A change pushed by the core: its conversations placed in the list, its counts shown. */
  applyChanges: (ownerId: string, changes: ConversationChanges) => void;
  /** Counts pushed by the core after a change of one owner's conversation. */
  applyCounts: (ownerId: string, changes: Pick<ConversationChanges, 'counts' | 'ownerCounts'>) => void;
  selectConversation: (id: number, messageId?: number) => void;
  selectRelative: (delta: 1 | -1) => void;
}

export const initialListState: ListState = {
  ownerId: null,
  filter: 'all',
  tag: null,
  items: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
  loadMoreError: null,
  counts: null,
  selectedId: null,
  sort: 'newest',
  density: 'compact',
};

export function createListActions(deps: AppDeps, set: SetState, get: GetState): ListActions {
  const { api } = deps;
  // Each (re)load of the first page gets a number; answers for an older view are dropped.
  let generation = 0;

  const patch = (p: Partial<ListState>): void => set((s) => ({ list: { ...s.list, ...p } }));

  const query = (cursor: string | null) => {
    const { filter, ownerId, tag, sort } = get().list;
    return {
      filter,
      ...(sort !== 'newest' ? { sort } : {}),
      limit: LIST_PAGE_SIZE,
      ...(ownerId !== null ? { ownerId } : {}),
      ...(tag !== null ? { tag } : {}),
      ...(cursor !== null ? { cursor } : {}),
    };
  };

  const remember = (): void => {
    const { ownerId, filter, tag, selectedId } = get().list;
    saveView(deps.viewStorage, { ownerId, filter, tag, selectedId });
  };

  const refreshList = coalesce(async () => {
    const mine = generation;
    try {
      const page = await unwrap(api.listConversations(query(null)));
      if (mine !== generation) return;
      const { items, nextCursor, selectedId } = get().list;
      patch({ ...mergeFirstPage({ items, nextCursor }, page, selectedId), status: 'ready', error: null });
    } catch (error) {
      // A failed background refresh keeps the rows already shown; only an empty list shows the error.
      if (mine === generation && get().list.items.length === 0) patch({ status: 'error', error: toApiError(error) });
    }
  });

  const refreshCounts = coalesce(async () => {
    const { ownerId } = get().list;
    try {
      const counts = await unwrap(api.getCounts(ownerId !== null ? { ownerId } : {}));
      if (get().list.ownerId === ownerId) patch({ counts });
    } catch {
      // Counts are decoration; the next event or refresh tries again.
    }
  });

  const changeView = (p: Partial<ListState>): void => {
    patch(p);
    remember();
    void get().loadList();
    void refreshCounts();
  };

  const savePrefs = (): void => {
    const { sort, density } = get().list;
    saveListPrefs(deps.prefStorage, { sort, density });
  };

  return {
    setSort(sort) {
      if (get().list.sort === sort) return;
      patch({ sort });
      savePrefs();
      void get().loadList();
    },
    setDensity(density) {
      if (get().list.density === density) return;
      patch({ density });
      savePrefs();
    },
    setInbox(ownerId) {
      get().setNavOpen(false);
      if (get().list.ownerId === ownerId) return;
      changeView({ ownerId, tag: null });
    },
    setFilter(filter) {
      get().setNavOpen(false);
      if (get().list.filter === filter && get().list.tag === null) return;
      changeView({ filter, tag: null });
    },
    setTag(tag) {
      get().setNavOpen(false);
      if (get().list.tag === tag) return;
      changeView({ tag });
    },
    async loadList() {
      const mine = ++generation;
      patch({ status: 'loading', error: null, items: [], nextCursor: null, loadingMore: false, loadMoreError: null });
      try {
        const page = await unwrap(api.listConversations(query(null)));
        if (mine !== generation) return;
        patch({ items: page.items, nextCursor: page.nextCursor, status: 'ready' });
      } catch (error) {
        if (mine === generation) patch({ status: 'error', error: toApiError(error) });
      }
    },
    refreshList,
    async loadMore() {
      const { nextCursor, loadingMore, status } = get().list;
      if (nextCursor === null || loadingMore || status !== 'ready') return;
      const mine = generation;
      patch({ loadingMore: true, loadMoreError: null });
      try {
        const page = await unwrap(api.listConversations(query(nextCursor)));
        if (mine !== generation) return;
        const ids = new Set(get().list.items.map((c) => c.id));
        patch({
          items: [...get().list.items, ...page.items.filter((c) => !ids.has(c.id))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (error) {
        if (mine === generation) patch({ loadingMore: false, loadMoreError: toApiError(error) });
      }
    },
    refreshCounts,
    applyConversation(conversation) {
      const { items: current, nextCursor, selectedId, filter, tag, ownerId, sort, status } = get().list;
      if (status === 'ready' && raisedChanged(current, conversation)) {
        // Overdue or reminded: it moves above the rest (and back down once answered).
        patch(placeConversations({ items: current, nextCursor }, [conversation], { filter, tag, ownerId }, selectedId, deps.now(), sort));
      } else {
        const items = replaceConversation(current, conversation);
        if (items) patch({ items });
      }
      const thread = get().thread;
      if (thread.conversationId === conversation.id) set({ thread: { ...thread, conversation } });
    },
    applyChanges(ownerId, changes) {
      const { items, nextCursor, selectedId, filter, tag, status } = get().list;
      const view = { filter, tag, ownerId: get().list.ownerId, me: get().team.status?.me?.id ?? null };
      // A list still loading gets the change with its answer.
      if (status === 'ready') patch(placeConversations({ items, nextCursor }, changes.conversations, view, selectedId, deps.now(), get().list.sort));
      get().applyCounts(ownerId, changes);
      const thread = get().thread;
      const open = changes.conversations.find((c) => c.id === thread.conversationId);
      if (open) set({ thread: { ...get().thread, conversation: open } });
    },
    applyCounts(ownerId, { counts, ownerCounts }) {
      const shown = get().list.ownerId;
      // Counts of another owner's inbox did not change.
      if (shown === null) patch({ counts });
      else if (shown === ownerId) patch({ counts: ownerCounts });
    },
    selectConversation(id, messageId) {
      const { selectedId } = get().list;
      get().showPane('thread');
      if (selectedId === id && messageId === undefined && get().thread.status !== 'error') return;
      patch({ selectedId: id });
      remember();
      void get().openThread(id, messageId);
    },
    selectRelative(delta) {
      const { items, selectedId, nextCursor } = get().list;
      if (items.length === 0) return;
      const index = selectedId === null ? -1 : items.findIndex((c) => c.id === selectedId);
      const target = index < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(Math.max(index + delta, 0), items.length - 1);
      const next = items[target];
      if (next && next.id !== selectedId) get().selectConversation(next.id);
      if (nextCursor !== null && target >= items.length - LOAD_MORE_THRESHOLD) void get().loadMore();
    },
  };
}
