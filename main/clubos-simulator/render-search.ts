// Member search in the structure of the captured results page (MARKUP.md, Member search): a full
// page with five forms (e-mail, quick search, copy, merge, the page's own search form), the zone in
// the head, and one `div.search-result` per person. `GET /action/Dashboard/search` serves the same
// page with no results. Staff appear in results as on ClubOS.
import { escapeHtml } from './escape-html';
import { renderPopups, renderQuickSearch } from './render-chrome';
import { hiddenTokens } from './render-login';
import { renderPage } from './render-page';
import type { SimRole } from './sim-roles';

type Tokens = { sourcePage: string; fp: string };

export interface SearchResultPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: SimRole;
  location: { id: string; name: string };
  /** `MM/DD/YY`. */
  created: string;
}

export interface SearchPageView {
  clubId: string;
  loggedInUserId: string;
  /** Null: the page names no zone (the `no-time-zone` dashboard shape). */
  timeZone: string | null;
  keyword: string;
  forms: { email: Tokens; quick: Tokens; page: Tokens };
  results: readonly SearchResultPerson[];
}

const COPY_OPTIONS = ['doWorkouts', 'doNutrition', 'doFiles', 'doTrainers', 'doGoals', 'doSchedule', 'doAvailability'] as const;
const ROLE_FILTERS = ['2', '3', '4', '5', '6', '7', '99'] as const;
/** The captured filter selects, in page order; their options are trimmed to "any". */
const FILTER_SELECTS = [
  'filter.active',
  'filter.clubLocationId',
  'filter.assignedClubLocationId',
  'filter.assignedMemberSalesFollowUpId',
  'filter.memberSalesFollowUpStatus',
  'filter.memberSalesFollowUpNotInterestedReason',
  'filter.memberSalesFollowUpSeqCompareType',
  'filter.memberSalesFollowUpSeqCompareValue',
  'filter.assignedPTFollowUpId',
  'filter.ptFollowUpStatus',
  'filter.ptFollowUpNotInterestedReason',
  'filter.ptFollowUpSeqCompareType',
  'filter.ptFollowUpSeqCompareValue',
  'filter.assignedTrainerId',
  'filter.userOriginId',
  'filter.source',
  'filter.employer',
  'filter.contactInfoFilter',
  'filter.dateType',
  'filter.sort',
] as const;
const FILTER_CHECKBOXES = ['onlyShowEmployeesCheckbox', 'filter.noMemberSalesFollowUpDate', 'filter.noPTFollowUpDate', 'filter.onlineOnly', 'filter.includeDeleted'] as const;

function renderFilters(view: SearchPageView): string {
  const roles = ROLE_FILTERS.map((id) => `            <label><input type="checkbox" name="filter.roleIds" value="${id}" /></label>`);
  const selects = FILTER_SELECTS.map((name) => `            <select name="${name}"><option value="">Any</option></select>`);
  const boxes = FILTER_CHECKBOXES.map((name) => `            <label><input type="checkbox" name="${name}" value="true" /></label>`);
  const dates = ['filter.fromDate', 'filter.toDate'].map((name) => `            <input type="text" name="${name}" value="" />`);
  return [`            <div class="filter-roles" data-club-id="${escapeHtml(view.clubId)}">`, ...roles, ...selects, ...boxes, ...dates, '            </div>'].join('\n');
}

function renderResult(p: SearchResultPerson, loggedInUserId: string): string {
  const id = escapeHtml(p.id);
  const name = escapeHtml(`${p.firstName} ${p.lastName}`);
  const delegate = `delegate(${id},'/action/Dashboard'); return false;`;
  const role = escapeHtml(p.role.name);
  return `        <div
            id="${id}"
            class="search-result"
            data-role-id="${p.role.id}"
            data-id="${id}"
            data-full-name="${name}"
            data-follow-up-type=""
            data-follow-up-id=""
            data-follow-up-with=""
            data-location-id="${escapeHtml(p.location.id)}"
            data-logged-in-user-id="${escapeHtml(loggedInUserId)}"
        >
            <div class="user-image">
                    <a class="user-fullname" href="#" onclick="${delegate}">
                        <img src="/images/profile/103_img_profile_male.gif" title="Profile image" alt="Profile image" />
                    </a>
            </div>
            <div id="${id}" class="extra-info user-info">
                <!-- User Name -->
                <h3 class="usernames-search">
                        <a class="user-fullname" href="#" onclick="${delegate}">
                    <span class="user-role">
                            <img src="/images/general/${escapeHtml(p.role.iconFile)}" title="${role}" alt="${role} icon" /> 
                    </span>
                        ${name}
                    </a>
                    <span class=""></span>
                </h3>
                <div class="gym">
                    ${escapeHtml(p.location.name)}
                </div>
                <div class="email-phone">
                    ${p.email === '' ? '' : `<p class="email email-search">${escapeHtml(p.email)}</p>`}
                    <p class="phone">${escapeHtml(p.phone)}</p>
                </div>
                <div class="created-date">
                    Date Created: ${escapeHtml(p.created)}
                </div>
            </div>
            <div class="action-container search-items-align">
                <span class="user-search-btn" data-tooltip="Email" >
                    <a href="#" aria-label="Email" class="email enabled-action email-btn-action" id="${id}:${name}">Email</a>
                </span>
            </div>
            <div class="ctas-container"></div>
        </div>`;
}

export function renderSearchPage(view: SearchPageView): string {
  const results = view.results.map((p) => renderResult(p, view.loggedInUserId)).join('\n');
  return renderPage(
    'User Search',
    `${renderPopups(view.forms.email)}
${renderQuickSearch(view.forms.quick)}
<div class="container" id="flex-layout-container">
<div class="search-results-page main">
    <div id="data-group-popup" class="search-action-user-popup popup650 popup">
        <div class="popup-content">
            <form id="copyForm">
                <input type="hidden" id="copyFromUserId" name="copyFromUserId" value=""/>
${COPY_OPTIONS.map((o) => `                <label><input type="checkbox" name="opts.${o}" /> ${o.slice(2)}</label>`).join('\n')}
            </form>
        </div>
    </div>
    <div id="merge-popup" class="popup">
        <form id="mergeForm">
            <input type="hidden" name="mergeFrom" />
            <input type="hidden" name="mergeTo" />
        </form>
    </div>
    <h1>User Search</h1>
    <form method="post" action="/action/UserSearch/" id="userSearchForm">
        <input name="pageNo" type="hidden" value="" />
        <input name="deleteId" type="hidden" value="" />
        <input name="filter.clubId" type="hidden" value="${escapeHtml(view.clubId)}" />
        <div class="filter-results">
            <h2>Filter Results <a href="#" class="reset-filters">Reset Filters</a></h2>
            <div class="search-input-bar">
                <div class="search-input">
                    <input type="text" id="search-result-keyword" name="filter.keyword" class="text autoclear left" value="${escapeHtml(view.keyword)}"/>
                </div>
            </div>
${renderFilters(view)}
        </div>
    ${hiddenTokens(view.forms.page)}</form>
    <div class="search-results">
${results}
    </div>
</div>
</div>`,
    { timeZone: view.timeZone },
  );
}
