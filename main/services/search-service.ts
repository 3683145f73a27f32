// Full-text search over every stored message of the account, newest first.
import type { Args, Result } from '../../common/contract';
import type { Session } from './account-session';
import { requireKnownOwner } from './known-owner';

export interface SearchService {
  search(query: Args<'search'>): Result<'search'>;
  /** Members whose name matches every word of the query, one conversation each. */
  searchPeople(query: Args<'searchPeople'>): Result<'searchPeople'>;
}

export function createSearchService(deps: { session: () => Session }): SearchService {
  return {
    search(query) {
      const { db } = deps.session();
      requireKnownOwner(db, query.ownerId);
      return db.search(query);
    },
    searchPeople(query) {
      const { db } = deps.session();
      requireKnownOwner(db, query.ownerId);
      return { people: db.searchPeople(query) };
    },
  };
}
