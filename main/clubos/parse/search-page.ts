// Member search: the search page supplies the form tokens, UserSearch answers result items.
import { ClubOSError } from '../../../common/errors/clubos-error';
import type { MemberSearchResult } from '../types';
import { readFormTokens, type FormTokens } from './form-tokens';
import { collapsedText, parseHtml, rejectLoginPage, requireBalanced } from './html-document';
import { isSomethingNotRight } from './something-not-right';

export function parseSearchPage(html: string): FormTokens {
  const root = parseHtml(html, 'the search page');
  rejectLoginPage(root, 'the search page');
  for (const form of root.querySelectorAll('form')) {
    const tokens = readFormTokens(form);
    if (tokens) return tokens;
  }
  throw new ClubOSError('parse', 'the search page has no form with _sourcePage/__fp tokens');
}

/**
 * Every result, in ClubOS's order. No results is an empty list only inside the results container;
 * a refusal or any other page fails, so a broken search never reads as "no such member".
 */
export function parseSearchResults(html: string): MemberSearchResult[] {
  const root = parseHtml(html, 'the search results');
  rejectLoginPage(root, 'the search results');
  requireBalanced(html, 'the search results');
  if (isSomethingNotRight(collapsedText(root))) throw new ClubOSError('rejected', 'ClubOS refused the member search ("Something isn\'t right")');
  const items = root.querySelectorAll('.search-result');
  if (items.length === 0 && !root.querySelector('.search-results')) throw new ClubOSError('parse', 'the member search answered neither results nor an empty result list');
  return items.map((item, index) => {
    const id = (item.getAttribute('data-id') ?? '').trim();
    const fullName = (item.getAttribute('data-full-name') ?? '').replace(/\s+/g, ' ').trim();
    if (!/^\d{1,12}$/.test(id)) throw new ClubOSError('parse', `search result ${index} has no ClubOS id`);
    if (fullName === '') throw new ClubOSError('parse', `search result ${index} has no name`);
    return { id, fullName };
  });
}
