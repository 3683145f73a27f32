// Full-text search over every stored message of the account, newest first.
import type { Args, Result } from '../../common/contract';
import type { Session } from './account-session';
import { requireKnownOwner } from './known-owner';

export interface SearchService {
  search(query: Args<'search'>): Result<'search'>;
}

export function createSearchService(deps: { session: () => Session }): SearchService {
  return {
    search(query) {
      const { db } = deps.session();
      requireKnownOwner(db, query.ownerId);
      return db.search(query);
    },
  };
}
