// Member search by name (MARKUP.md, Member search).
import { z } from 'zod';
import { htmlResponse } from './http-io';
import type { SimResponse } from './http-io';
import { renderSearchPage, renderSearchResults } from './render-search';
import { fullName } from './roster';
import { SOMETHING_NOT_RIGHT } from './sim-context';
import type { SimDeps, SignedInRequest } from './sim-context';

const MAX_RESULTS = 50;

const searchForm = z.object({
  _sourcePage: z.string().min(1),
  __fp: z.string().min(1),
  'filter.keyword': z.string(),
});

export function searchPage(req: SignedInRequest, deps: SimDeps): SimResponse {
  return htmlResponse(renderSearchPage(deps.sessions.issueForm(req.session, 'search')));
}

/** Members whose full name contains every word of the keyword, case-insensitively. */
export function searchResults(req: SignedInRequest, deps: SimDeps): SimResponse {
  if (deps.faults.fire('somethingNotRight', req.path)) return htmlResponse(SOMETHING_NOT_RIGHT);
  const parsed = searchForm.safeParse(req.form);
  if (!parsed.success) return htmlResponse(SOMETHING_NOT_RIGHT);
  if (!deps.sessions.consumeForm(req.session, parsed.data._sourcePage, parsed.data.__fp, 'search')) return htmlResponse(SOMETHING_NOT_RIGHT);
  const words = parsed.data['filter.keyword'].toLowerCase().split(/\s+/).filter((w) => w !== '');
  const found =
    words.length === 0
      ? []
      : deps.state.roster.members.filter((m) => {
          const name = fullName(m).toLowerCase();
          return words.every((w) => name.includes(w));
        });
  return htmlResponse(renderSearchResults(found.slice(0, MAX_RESULTS)));
}
