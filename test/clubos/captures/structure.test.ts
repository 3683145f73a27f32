// One structural comparison of the simulator's pages against the real captures: every form, field
// name, token length, relied-on element and class, search-result attribute, and view-data key path
// and value type the capture has, the simulator's page must have too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type ClubOSSimulator } from '../../../main/clubos-simulator';
import { manualClock } from '../../../common/time/manual-clock';
import { createBrowser, type SimBrowser } from '../../clubos-simulator/sim-browser';
import { capturedPopupFields, readCapture, type CaptureFile } from './capture-files';
import { missingFrom, pageStructure, type StructureSpec } from './page-structure';

/** What the client's readers select on each page (main/clubos/parse/, MARKUP.md). */
const SPECS: Readonly<Record<'login' | 'dashboard' | 'search', StructureSpec>> = {
  login: {
    selectors: [
      'form#loginForm',
      'form#forgotForm',
      'form#loginForm input[name="username"]',
      'form#loginForm input[type="password"]',
      'form#loginForm input[type="hidden"][name="login"]',
      'button.js-login',
      '.js-login-form .alert',
    ],
  },
  dashboard: {
    selectors: [
      'section#messages',
      'div#message-list.schedule-list',
      'div#message-count',
      'i#refresh-messages',
      'a#clear-messages',
      'select#messages-owner-select',
      'select#messages-owner-select optgroup option',
      'form#emailForm',
      'form#quickSearchForm',
      'form#quickSearchForm input[name="filter.keyword"]',
      '#followup-popup > #followup-popup-content',
    ],
  },
  search: {
    selectors: [
      '.search-results-page',
      'form#userSearchForm',
      'form#quickSearchForm',
      'div.search-result',
      'div.search-result a.user-fullname',
      'div.search-result h3.usernames-search',
      'div.search-result .user-role img',
      'div.search-result .email-phone p.phone',
      'div.search-result p.email-search',
    ],
    items: ['div.search-result'],
  },
};

const compare = (simHtml: string, capture: CaptureFile, spec: StructureSpec): string[] =>
  missingFrom(pageStructure(simHtml, spec), pageStructure(readCapture(capture), spec));

describe('simulator pages keep the structure of the real captures', () => {
  let sim: ClubOSSimulator;
  let b: SimBrowser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startSimulator({ seed: 4, clock: manualClock(Date.UTC(2026, 10, 30, 15)), members: 30 });
    b = createBrowser(sim.baseUrl);
    pages.login = (await b.get('/action/Login/view')).text;
    await b.login();
    pages.dashboard = (await b.get('/action/Dashboard/view')).text;
    const page = (await b.get('/action/Dashboard/search')).text;
    const tokens = /id="quickSearchForm"[\s\S]*?name="_sourcePage" value="([^"]+)"[\s\S]*?name="__fp" value="([^"]+)"/.exec(page)!;
    const member = sim.members[0]!;
    pages.search = (
      await b.post('/action/UserSearch/', { 'filter.keyword': member.lastName, actAs: 'loggedIn', _sourcePage: tokens[1]!, __fp: tokens[2]! }, { xhr: true })
    ).text;
    await b.get(`/action/Delegate/${member.id}/url=false`, { xhr: true });
    pages.popup = (await b.post('/action/FollowUp', { followUpUserId: member.id, followUpType: '3' }, { xhr: true })).text;
  });
  afterAll(() => sim.close());

  it('the captures have every relied-on element (the spec itself is checked against ClubOS)', () => {
    for (const [name, file] of [['login', 'login-page.html'], ['dashboard', 'dashboard-after-delegate.html'], ['search', 'user-search-results.html']] as const) {
      const structure = pageStructure(readCapture(file), SPECS[name]);
      for (const [selector, count] of structure.selected) expect(count, `${file}: ${selector}`).toBeGreaterThan(0);
    }
  });

  it('login page, dashboard and search results: nothing the capture has is missing', () => {
    expect(compare(pages.login!, 'login-page.html', SPECS.login)).toEqual([]);
    expect(compare(pages.dashboard!, 'dashboard-after-delegate.html', SPECS.dashboard)).toEqual([]);
    expect(compare(pages.search!, 'user-search-results.html', SPECS.search)).toEqual([]);
  });

  it('FollowUp popup: every captured field name, and the captured token lengths', () => {
    const captured = capturedPopupFields();
    const form = pageStructure(pages.popup!, { selectors: [] }).forms.get('form#followup-form');
    expect(form).toBeDefined();
    expect(Object.keys(captured).filter((name) => !form!.fields.has(name))).toEqual([]);
    expect(form!.tokens).toBe(`${captured._sourcePage!.length}/${captured.__fp!.length}`);
  });

  it('fails when the simulator page loses something the capture has', () => {
    const broken = pages
      .dashboard!.replace('id="quickSearchForm"', 'id="searchForm"')
      .replace(/"actingUserId":(\d+)/, '"actingUserId":"$1"')
      .replace('"timeZoneId":', '"zone":')
      .replace('id="message-count"', 'id="count"');
    expect(compare(broken, 'dashboard-after-delegate.html', SPECS.dashboard)).toEqual(
      expect.arrayContaining([
        'form#quickSearchForm is missing',
        'window.recentLeadsListViewData.actingUserId is a string, not a number',
        'window.recentLeadsListViewData.actingUser.timeZoneId is missing',
        'no element matches div#message-count',
      ]),
    );
    const noAttribute = pages.search!.replace(/data-role-id="\d+"/g, '');
    expect(compare(noAttribute, 'user-search-results.html', SPECS.search)).toContain('div.search-result has no data-role-id attribute');
  });
});
