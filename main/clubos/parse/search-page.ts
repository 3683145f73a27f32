// Member search. The page the client starts from holds several forms with their own token pairs
// (on a real dashboard the e-mail form's pair comes first); the tokens and fields posted are those
// of the form that searches: `#quickSearchForm`, else a form posting to `/action/UserSearch/` with
// a keyword field. UserSearch answers a full page whose `div.search-result` items are the results.
import type { HTMLElement } from 'node-html-parser';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { ClubOSMissingFieldError } from '../../../common/errors/missing-field-error';
import type { MemberSearchResult } from '../types';
import { asClubOSId } from './club-facts';
import { scrapeFormFields, type FormField } from './form-fields';
import { readFormTokens, type FormTokens } from './form-tokens';
import { collapsedText, parseHtml, rejectLoginPage, requireBalanced } from './html-document';
import { isSomethingNotRight } from './something-not-right';
import { CLUBOS_ID_DIGITS } from '../../../common/clubos-id';

const DELEGATE_CALL = new RegExp(String.raw`delegate\(\s*['"]?(${CLUBOS_ID_DIGITS})`);

export const SEARCH_ACTION = '/action/UserSearch/';
const KEYWORD = 'filter.keyword';

export interface SearchForm {
  tokens: FormTokens;
  /** The search form as a browser would submit it; the client fills in `filter.keyword`. */
  fields: FormField[];
}

export function parseSearchPage(html: string): SearchForm {
  const page = 'the search page';
  const root = parseHtml(html, page);
  rejectLoginPage(root, page);
  const form = findSearchForm(root);
  if (!form) throw new ClubOSMissingFieldError(page, `the member search form (a form posting to ${SEARCH_ACTION} with ${KEYWORD})`);
  const tokens = readFormTokens(form);
  if (!tokens) throw new ClubOSMissingFieldError(page, "the search form's _sourcePage/__fp tokens", `form#${form.id || '(no id)'}`);
  return { tokens, fields: scrapeFormFields(form) };
}

function postsToUserSearch(form: HTMLElement): boolean {
  const action = (form.getAttribute('action') ?? '').trim().replace(/\/?$/, '/');
  return /(^|\/)action\/UserSearch\/$/i.test(action) && form.querySelector(`input[name="${KEYWORD}"]`) !== null;
}

export function findSearchForm(root: HTMLElement): HTMLElement | null {
  const quick = root.querySelector('form#quickSearchForm');
  if (quick && postsToUserSearch(quick) && readFormTokens(quick)) return quick;
  const forms = root.querySelectorAll('form').filter(postsToUserSearch);
  return forms.find((f) => readFormTokens(f) !== null) ?? forms[0] ?? null;
}

/**
 * Every result, in ClubOS's order. No results is an empty list only on a page that is a search
 * answer; a refusal or any other page fails, so a broken search never reads as "no such member".
 */
export function parseSearchResults(html: string): MemberSearchResult[] {
  const page = 'the search results';
  const root = parseHtml(html, page);
  rejectLoginPage(root, page);
  requireBalanced(html, page);
  const items = root.querySelectorAll('div.search-result');
  if (items.length === 0) {
    if (isSomethingNotRight(collapsedText(root))) throw new ClubOSError('rejected', 'ClubOS refused the member search ("Something isn\'t right")');
    // Not the quick-search popup's empty `ul.search-results`, which every full page carries.
    const isAnswer = root.querySelector('.search-results-page, #userSearchForm, div.search-results, .no-results') !== null;
    if (!isAnswer) throw new ClubOSError('parse', 'the member search answered neither results nor an empty result list');
  }
  return items.map((item, index) => readResult(item, index));
}

function readResult(item: HTMLElement, index: number): MemberSearchResult {
  const page = 'the search results';
  const link = item.querySelector('a.user-fullname');
  const delegated = DELEGATE_CALL.exec(link?.getAttribute('onclick') ?? '')?.[1];
  const id = asClubOSId(item.getAttribute('data-id')) ?? asClubOSId(item.getAttribute('id')) ?? asClubOSId(delegated);
  if (id === null) throw new ClubOSMissingFieldError(page, `result ${index + 1}'s ClubOS id`, 'data-id, id, delegate(…)');
  const fullName = textOrNull(item.getAttribute('data-full-name')) ?? nameFromHeading(item);
  if (fullName === null) throw new ClubOSMissingFieldError(page, `result ${index + 1}'s name`, 'data-full-name, h3.usernames-search');
  const roleIcon = item.querySelector('.user-role img');
  return {
    id,
    fullName,
    email: textOrNull(item.querySelector('.email-search, .email-phone .email')?.text),
    phone: textOrNull(item.querySelector('.email-phone .phone, p.phone')?.text),
    role: {
      id: asClubOSId(item.getAttribute('data-role-id')),
      name: textOrNull(roleIcon?.getAttribute('title')) ?? textOrNull(item.querySelector('.user-role')?.text),
    },
    locationId: asClubOSId(item.getAttribute('data-location-id')),
  };
}

/** The heading's own text, without the role badge inside it. */
function nameFromHeading(item: HTMLElement): string | null {
  const heading = item.querySelector('h3.usernames-search, a.user-fullname');
  if (!heading) return null;
  const copy = heading.clone() as HTMLElement;
  for (const badge of copy.querySelectorAll('.user-role')) badge.remove();
  return textOrNull(copy.text);
}

function textOrNull(text: string | null | undefined): string | null {
  const collapsed = (text ?? '').replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}
