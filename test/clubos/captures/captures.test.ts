// Every parser over every real capture in ../shared/clubos-captures: the values a sign-in,
// inbox, search and send need are read, by meaning, from what ClubOS really serves.
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { isSessionExpiredBody } from '../../../main/clubos/session-check';
import { isSomethingNotRight } from '../../../main/clubos/parse/something-not-right';
import { capturedPopupFields, readCapture } from './capture-files';
import { checkDashboard, checkLoginPage, checkPopupForm, checkSearchResults, parsePopup, popupAroundFields } from './contract-checks';

const firstTokens = (html: string): { sourcePage: string; fp: string } => {
  const root = parse(html);
  return {
    sourcePage: root.querySelector('input[name="_sourcePage"]')?.getAttribute('value') ?? '',
    fp: root.querySelector('input[name="__fp"]')?.getAttribute('value') ?? '',
  };
};

const STAFF = [
  { id: '561333305', name: 'Avery Brooks' },
  { id: '160457589', name: 'Casey Nguyen' },
  { id: '505577456', name: 'Drew Sullivan' },
  { id: '950616104', name: 'Jordan Patel' },
  { id: '524006412', name: 'Morgan Reyes' },
  { id: '107443035', name: 'Quinn Foster' },
  { id: '702166583', name: 'Riley Moreno' },
  { id: '896209458', name: 'Rowan Ellis' },
  { id: '697042720', name: 'Sloane Price' },
  { id: '838036018', name: 'Staff One' },
  { id: '951177137', name: 'Staff Two' },
  { id: '209407123', name: 'Taylor Kim' },
];
const LOCATIONS = [
  { id: '3586', name: 'Fond du Lac, WI' },
  { id: '1444', name: 'Seymour, WI' },
];

describe('real ClubOS captures', () => {
  it('login page: the login form\'s own tokens and fields, not the forgot-password form\'s', () => {
    const html = readCapture('login-page.html');
    checkLoginPage(html, { tokens: { sourcePage: 'mo81RgVTQwWuPZl4nSMxvG9TZDCvVwnfm0w4LeO_8Y4=', fp: 'nGYhFionYTI=' } });
  });

  it('dashboard: acting user, club, location, zone, owners, staff, and the search form\'s tokens', () => {
    const html = readCapture('dashboard-after-delegate.html');
    checkDashboard(html, {
      actingUser: { id: '950616104', name: 'Jordan Patel' },
      loggedInUserId: '950616104',
      clubId: '291',
      clubLocationId: '3586',
      timeZone: 'America/Chicago',
      owners: [
        ...LOCATIONS.map((l) => ({ ...l, kind: 'location' as const })),
        { id: '950616104', name: 'My Messages', kind: 'employee' },
        ...STAFF.filter((s) => s.id !== '950616104').map((s) => ({ ...s, kind: 'employee' as const })),
      ],
      staff: STAFF,
      locations: LOCATIONS,
      searchTokens: { sourcePage: 'EB5O6DebvDem8JqlRUS_rxLVOOOAa2EBgxvY0iH-xZzWzjNAkawzEw==', fp: 'sLwhWWg9mdI=' },
      firstTokensOnPage: firstTokens(html),
    });
  });

  it('search results: the six people with id, name, e-mail, phone and role', () => {
    checkSearchResults(readCapture('user-search-results.html'), [
      { id: '505577456', fullName: 'Drew Sullivan', email: 'fake-2@example.com', phone: null, role: { id: '2', name: 'Club Admin' } },
      { id: '950616104', fullName: 'Jordan Patel', email: 'fake-1@example.com', phone: null, role: { id: '3', name: 'Location Manager' } },
      { id: '524006412', fullName: 'Morgan Reyes', email: 'fake-3@example.com', phone: null, role: { id: '3', name: 'Location Manager' } },
      { id: '107443035', fullName: 'Quinn Foster', email: null, phone: null, role: { id: '3', name: 'Location Manager' } },
      { id: '697042720', fullName: 'Sloane Price', email: 'fake-4@example.com', phone: null, role: { id: '3', name: 'Location Manager' } },
      { id: '160457589', fullName: 'Casey Nguyen', email: 'fake-5@example.com', phone: null, role: { id: '4', name: 'Salesperson' } },
    ]);
  });

  it('search results page: the zone it names, and its search form\'s own tokens', async () => {
    const html = readCapture('user-search-results.html');
    const { readPageTimeZone } = await import('../../../main/clubos/parse/dashboard');
    const { parseSearchPage } = await import('../../../main/clubos/parse/search-page');
    expect(readPageTimeZone(html)).toBe('America/Chicago');
    const form = parseSearchPage(html);
    expect(form.tokens).not.toEqual(firstTokens(html));
    expect(form.tokens.sourcePage).toHaveLength(56);
  });

  it('FollowUp popup form: every captured field, the member, and tokens of 56 and 128 characters', () => {
    const fields = capturedPopupFields();
    const popup = parsePopup(popupAroundFields(fields));
    checkPopupForm(popup, { memberId: '950616104', memberName: 'Jordan Patel', fields });
    expect(popup.canText).toBe(true);
  });

  it('a needed field missing from a real page is a typed error naming the page and the field', async () => {
    const { parseDashboard } = await import('../../../main/clubos/parse/dashboard');
    const { ClubOSMissingFieldError } = await import('../../../common/errors/missing-field-error');
    const { toApiError } = await import('../../../common/errors/app-error');
    const html = readCapture('dashboard-after-delegate.html');
    const failure = (page: string): unknown => {
      try {
        parseDashboard(page);
        return null;
      } catch (error) {
        return error;
      }
    };
    const noClub = failure(html.replace('"clubId":291,', ''));
    expect(noClub).toBeInstanceOf(ClubOSMissingFieldError);
    expect(noClub).toMatchObject({ kind: 'parse', page: 'the dashboard', field: 'the club id', lookedIn: 'window.recentLeadsListViewData' });
    expect(toApiError(noClub)).toEqual({
      code: 'clubos_parse',
      message: "ClubOS's dashboard page does not show the club id, so Frontdesk cannot go on. ClubOS may have changed this page; the log has the details.",
    });
    const noUser = failure(html.replace(/"(actingUserId|tfoUserId|loggedInUserId)":950616104,/g, ''));
    expect(noUser).toMatchObject({ page: 'the dashboard', field: "the signed-in user's id" });
    // Without the zone or the location the dashboard still reads; they come back null.
    expect(parseDashboard(html.replace('"clubLocationId":3586,"timeZoneId":"America/Chicago",', '').replace(/window\.loggedInUserTimezone = "[^"]*";/, ''))).toMatchObject({
      clubId: '291',
      clubLocationId: null,
      timeZone: null,
    });
  });

  it('delegate refusal and session expiry: the exact bodies are recognised', () => {
    const refused = readCapture('delegate-refused.txt');
    expect(refused).toBe("<br />Something isn't right.  Please refresh the page and try your request again.<br />");
    expect(isSomethingNotRight(refused)).toBe(true);
    const expired = readCapture('session-expired.txt');
    expect(Buffer.byteLength(expired)).toBe(15);
    expect(isSessionExpiredBody(expired)).toBe(true);
  });
});
