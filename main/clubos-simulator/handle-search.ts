// Member search by name (MARKUP.md, Member search).
import { z } from 'zod';
import { htmlResponse } from './http-io';
import type { SimResponse } from './http-io';
import { deriveSeed } from './mulberry32';
import { renderSearchPage, type SearchResultPerson } from './render-search';
import { fullName, type PersonRecord } from './roster';
import { SOMETHING_NOT_RIGHT } from './sim-context';
import type { SimDeps, SignedInRequest } from './sim-context';
import { homeLocationId } from './home-location';
import { MEMBER_ROLE, staffRole } from './sim-roles';
import { EMAIL_TOKENS, SEARCH_TOKENS, USER_SEARCH_TOKENS } from './tokens';

const MAX_RESULTS = 50;

const searchForm = z.object({
  _sourcePage: z.string().min(1),
  __fp: z.string().min(1),
  'filter.keyword': z.string(),
});

function page(req: SignedInRequest, deps: SimDeps, keyword: string, results: SearchResultPerson[]): SimResponse {
  const issue = (purpose: 'email' | 'search', shape: typeof EMAIL_TOKENS) => deps.sessions.issueForm(req.session, purpose, undefined, shape);
  return htmlResponse(
    renderSearchPage({
      clubId: deps.state.roster.clubId,
      loggedInUserId: req.user.id,
      timeZone: deps.dashboardShape === 'no-time-zone' ? null : deps.state.timeZone,
      keyword,
      forms: { email: issue('email', EMAIL_TOKENS), quick: issue('search', SEARCH_TOKENS), page: issue('search', USER_SEARCH_TOKENS) },
      results,
    }),
  );
}

export function searchPage(req: SignedInRequest, deps: SimDeps): SimResponse {
  return page(req, deps, '', []);
}

/** Stable per person: which location they belong to and when their account was made. */
function resultOf(person: PersonRecord, deps: SimDeps, staff: boolean, role: string): SearchResultPerson {
  const seed = deriveSeed(11, person.id);
  const locationId = homeLocationId(person.id, deps);
  const location = deps.state.roster.locations.find((l) => l.id === locationId) ?? { id: locationId, name: '' };
  const created = `${String((seed % 12) + 1).padStart(2, '0')}/${String((seed % 28) + 1).padStart(2, '0')}/${String(18 + (seed % 7))}`;
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    // Staff rows on the captured page show an empty phone.
    phone: staff ? '' : person.mobilePhone,
    role: staff ? staffRole(role) : MEMBER_ROLE,
    location: { id: location.id, name: location.name },
    created,
  };
}

/** Members and staff whose full name contains every word of the keyword, case-insensitively. */
export function searchResults(req: SignedInRequest, deps: SimDeps): SimResponse {
  if (deps.faults.fire('somethingNotRight', req.path)) return htmlResponse(SOMETHING_NOT_RIGHT);
  const parsed = searchForm.safeParse(req.form);
  if (!parsed.success) return htmlResponse(SOMETHING_NOT_RIGHT);
  if (!deps.sessions.consumeForm(req.session, parsed.data._sourcePage, parsed.data.__fp, 'search')) return htmlResponse(SOMETHING_NOT_RIGHT);
  const keyword = parsed.data['filter.keyword'];
  const words = keyword.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const matches = (p: PersonRecord): boolean => words.length > 0 && words.every((w) => fullName(p).toLowerCase().includes(w));
  const { roster } = deps.state;
  const found = [
    ...roster.staff.filter(matches).map((s) => resultOf(s, deps, true, s.role)),
    ...roster.members.filter(matches).map((m) => resultOf(m, deps, false, '')),
  ].sort((a, b) => fullName(a).localeCompare(fullName(b)));
  return page(req, deps, keyword, found.slice(0, MAX_RESULTS));
}
