// Full-text search over every stored message of the account, newest first.
import type { Args, Result } from '../../common/contract';
import type { Session } from './account-session';

export interface SearchService {
  search(query: Args<'search'>): Result<'search'>;
}

export function createSearchService(deps: { session: () => Session }): SearchService {
  return { search: (query) => deps.session().db.search(query) };
}
