// Member search: `GET /action/Dashboard/search` (a form with tokens) and the results of
// `POST /action/UserSearch/` (MARKUP.md, Member search).
import { escapeHtml } from './escape-html';
import { renderPage } from './render-page';
import type { PersonRecord } from './roster';

export function renderSearchPage(form: { sourcePage: string; fp: string }): string {
  return renderPage(
    'Search',
    `<form id="user-search-form" method="post" action="/action/UserSearch/">
  <input type="hidden" name="_sourcePage" value="${escapeHtml(form.sourcePage)}">
  <input type="hidden" name="__fp" value="${escapeHtml(form.fp)}">
  <input type="hidden" name="actAs" value="loggedIn">
  <input type="text" name="filter.keyword" value="" placeholder="Search">
  <input type="submit" name="search" value="Search">
</form>`,
  );
}

export function renderSearchResults(people: readonly PersonRecord[]): string {
  if (people.length === 0) return '<div class="search-results">\n  <p class="no-results">No results found</p>\n</div>\n';
  const items = people.map((p) => {
    const name = `${p.firstName} ${p.lastName}`;
    return `  <div class="search-result" data-id="${escapeHtml(p.id)}" data-full-name="${escapeHtml(name)}">
    <span class="search-result-name">${escapeHtml(name)}</span> <span class="search-result-email">${escapeHtml(p.email)}</span>
  </div>`;
  });
  return `<div class="search-results">\n${items.join('\n')}\n</div>\n`;
}
