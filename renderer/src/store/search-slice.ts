// Message search: results replace the list while a query is submitted; opening a hit opens its
// conversation at the message.
import type { ApiError, Conversation, SearchHit } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, LoadStatus, SetState } from './store-types';

export const SEARCH_PAGE_SIZE = 50;

export interface SearchState {
  /** What is in the search box. */
  query: string;
  /** The query the results are for; null when no search is shown. */
  submitted: string | null;
  hits: SearchHit[];
  /** Members whose name matches, shown above the messages: one row each. */
  people: Conversation[];
  /** How many messages match in all (capped by the core at 10,001); null until known. */
  total: number | null;
  nextCursor: string | null;
  status: LoadStatus;
  error: ApiError | null;
  loadingMore: boolean;
}

export interface SearchActions {
  setSearchQuery: (query: string) => void;
  /** Searches for the box's text; an empty box closes the results. */
  runSearch: () => Promise<void>;
  loadMoreHits: () => Promise<void>;
  clearSearch: () => void;
  openSearchHit: (hit: SearchHit) => void;
}

export const initialSearchState: SearchState = {
  query: '',
  submitted: null,
  hits: [],
  people: [],
  total: null,
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
};

export function createSearchActions(deps: AppDeps, set: SetState, get: GetState): SearchActions {
  const { api } = deps;
  let generation = 0;
  const patch = (p: Partial<SearchState>): void => set((s) => ({ search: { ...s.search, ...p } }));

  const args = (query: string, cursor: string | null) => {
    const { ownerId } = get().list;
    return {
      query,
      limit: SEARCH_PAGE_SIZE,
      scope: 'body' as const,
      ...(cursor === null ? { withTotal: true } : {}),
      ...(ownerId !== null ? { ownerId } : {}),
      ...(cursor !== null ? { cursor } : {}),
    };
  };

  return {
    setSearchQuery(query) {
      patch({ query });
    },
    async runSearch() {
      const query = get().search.query.trim();
      const mine = ++generation;
      if (query === '') {
        set({ search: { ...initialSearchState } });
        return;
      }
      patch({ submitted: query, status: 'loading', error: null, hits: [], people: [], total: null, nextCursor: null, loadingMore: false });
      try {
        const { ownerId } = get().list;
        const [page, found] = await Promise.all([
          unwrap(api.search(args(query, null))),
          unwrap(api.searchPeople({ query, limit: 10, ...(ownerId !== null ? { ownerId } : {}) })),
        ]);
        if (mine !== generation) return;
        const total = page.total ?? null;
        patch({ hits: page.hits, people: found.people, total, nextCursor: page.nextCursor, status: 'ready' });
        const messages = total ?? page.hits.length;
        const peopleText = found.people.length === 0 ? '' : found.people.length === 1 ? '1 person, ' : `${found.people.length} people, `;
        get().announce(found.people.length === 0 && messages === 0 ? 'Nothing found.' : `${peopleText}${messages} ${messages === 1 ? 'message' : 'messages'}.`);
      } catch (error) {
        if (mine === generation) patch({ status: 'error', error: toApiError(error) });
      }
    },
    async loadMoreHits() {
      const { submitted, nextCursor, loadingMore, status } = get().search;
      if (submitted === null || nextCursor === null || loadingMore || status !== 'ready') return;
      const mine = generation;
      patch({ loadingMore: true });
      try {
        const page = await unwrap(api.search(args(submitted, nextCursor)));
        if (mine !== generation) return;
        patch({ hits: [...get().search.hits, ...page.hits], nextCursor: page.nextCursor, loadingMore: false });
      } catch (error) {
        if (mine === generation) patch({ loadingMore: false, error: toApiError(error) });
      }
    },
    clearSearch() {
      generation++;
      set({ search: { ...initialSearchState } });
    },
    openSearchHit(hit) {
      get().selectConversation(hit.conversationId, hit.messageId);
    },
  };
}
