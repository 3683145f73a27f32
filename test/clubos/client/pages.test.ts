// Login, dashboard, search and send-reply pages, parsed from hand-written fixtures.
import { ClubOSMissingFieldError } from '../../../common/errors/missing-field-error';
import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { pickSearchMatch, searchNameParts } from '../../../main/clubos/member-search-match';
import { parseDashboard } from '../../../main/clubos/parse/dashboard';
import { parseLoginPage } from '../../../main/clubos/parse/login-page';
import { isSomethingNotRight } from '../../../main/clubos/parse/something-not-right';
import { readAssignedJson } from '../../../main/clubos/parse/script-json';
import { parseSearchPage, parseSearchResults } from '../../../main/clubos/parse/search-page';
import { readSendReply } from '../../../main/clubos/parse/send-reply';
import { isSessionExpiredBody } from '../../../main/clubos/session-check';
import { fixture } from './fixtures';

const kindOf = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    if (e instanceof ClubOSError) return e.kind;
    throw e;
  }
  return 'none';
};

describe('login page', () => {
  it('reads the two form tokens', () => {
    expect(parseLoginPage(fixture('login-page.html'))).toMatchObject({
      tokens: { sourcePage: 'Vx3kP0qTz8mWbN5rLc2hYd7sJf4gUa1eQo9iRt6nMk0=', fp: 'aB3dE5gH7jK9' },
      error: null,
    });
  });

  it('reads the error a refused login comes back with, and tells a token refusal from a wrong password', () => {
    const wrong = parseLoginPage(fixture('login-page-wrong-password.html'));
    expect(wrong.error).toBe('Invalid username or password');
    expect(isSomethingNotRight(wrong.error ?? '')).toBe(false);
    const stale = parseLoginPage(fixture('login-page-token-error.html'));
    expect(stale.error).toBe("Something isn't right. Please refresh the page and try again.");
    expect(isSomethingNotRight(stale.error ?? '')).toBe(true);
  });

  it('refuses a page without the form or its tokens', () => {
    expect(kindOf(() => parseLoginPage(fixture('dashboard.html')))).toBe('parse');
    expect(kindOf(() => parseLoginPage(fixture('login-page.html').replace('name="__fp" value="aB3dE5gH7jK9"', 'name="__fp" value=""')))).toBe('parse');
  });
});

describe('dashboard', () => {
  // This hand-written page has the view data of the old notes (a flat `actingUser` with `id` and
  // `name`, zone and location at the top): another shape a tolerant reader must read.
  it('reads the club context from the embedded JSON and the owner select', () => {
    expect(parseDashboard(fixture('dashboard.html'))).toEqual({
      clubId: '512',
      clubLocationId: '3586',
      timeZone: 'America/Chicago',
      loggedInUserId: '187032782',
      loggedInUserName: 'Alex Morgan',
      actingUser: { id: '187032782', name: 'Alex Morgan' },
      staff: [
        { id: '187032782', name: 'Alex Morgan' },
        { id: '187032790', name: 'Jordan Reyes' },
        { id: '187032799', name: "Sam O'Neil" },
      ],
      locations: [
        { id: '3586', name: 'Anytime Fitness Riverside' },
        { id: '3587', name: 'Anytime Fitness Downtown & Co' },
      ],
      owners: [
        { id: '3586', name: 'Anytime Fitness Riverside', kind: 'location' },
        { id: '3587', name: 'Anytime Fitness Downtown & Co', kind: 'location' },
        { id: '187032782', name: 'My Messages', kind: 'employee' },
        { id: '187032790', name: 'Jordan Reyes', kind: 'employee' },
        { id: '187032799', name: "Sam O'Neil", kind: 'employee' },
      ],
    });
  });

  it('takes what it can use and leaves the rest: an unknown zone, a missing id it has elsewhere, a list it cannot read', () => {
    const page = fixture('dashboard.html');
    expect(parseDashboard(page.replace('"America/Chicago"', '"Mars/Olympus_Mons"')).timeZone).toBeNull();
    expect(parseDashboard(page.replace('"loggedInUserId":"187032782",', '')).loggedInUserId).toBe('187032782');
    // A staff list with an item that is not a person is not used; the owner select names the staff.
    const staff = parseDashboard(page.replace('"clubEmployeesList":[', '"clubEmployeesList":[{"id":"x1","name":"Bad"},')).staff;
    expect(staff).toEqual([
      { id: '187032790', name: 'Jordan Reyes' },
      { id: '187032799', name: "Sam O'Neil" },
    ]);
    expect(parseDashboard(page.replace('window.recentLeadsListViewData', 'window.otherViewData')).clubId).toBe('512');
  });

  it('names the page and the field it cannot find, never a schema error', () => {
    const page = fixture('dashboard.html');
    const missing = (html: string): ClubOSMissingFieldError => {
      try {
        parseDashboard(html);
      } catch (error) {
        if (error instanceof ClubOSMissingFieldError) return error;
        throw error;
      }
      throw new Error('parsed');
    };
    const noIds = missing(page.replace('"loggedInUserId":"187032782",', '').replace('"id":"187032782","name":"Alex Morgan","clubId"', '"name":"Alex Morgan","clubId"'));
    expect([noIds.kind, noIds.page, noIds.field]).toEqual(['parse', 'the dashboard', "the signed-in user's id"]);
    expect(noIds.message).toMatch(/dashboard does not show the signed-in user's id \(looked in window\.recentLeadsListViewData/);
    expect(missing(page.replace('"clubId":"512",', '')).field).toBe('the club id');
    expect(missing(page.slice(0, page.indexOf('"clubEmployeesList"'))).page).toBe('the dashboard');
    expect(missing(page.replace('id="messages-owner-select"', 'id="something-else"')).field).toMatch(/inbox list/);
    expect(kindOf(() => parseDashboard(fixture('login-page.html')))).toBe('session');
  });

  it('reads a JSON assignment whose strings hold braces and quotes', () => {
    expect(readAssignedJson('x = 1; window.v = {"a":"} ]","b":[1,{"c":"\\"}"}]}; more();', 'window.v', 'test')).toEqual({ a: '} ]', b: [1, { c: '"}' }] });
    expect(kindOf(() => readAssignedJson('window.v = {"a": 1', 'window.v', 'test'))).toBe('parse');
    expect(kindOf(() => readAssignedJson('window.v = {a: 1}', 'window.v', 'test'))).toBe('parse');
    expect(kindOf(() => readAssignedJson('window.v == 3', 'window.v', 'test'))).toBe('parse');
  });
});

describe('session expired body', () => {
  it('is the literal 15-byte body, not a message that mentions it', () => {
    expect(isSessionExpiredBody(fixture('session-expired.txt'))).toBe(true);
    expect(isSessionExpiredBody('session expired\n')).toBe(true);
    expect(isSessionExpiredBody('<p>My session expired yesterday, can I reschedule?</p>')).toBe(false);
  });
});

describe('send reply', () => {
  it('counts only the exact confirmation line for the channel as sent', () => {
    expect(readSendReply(fixture('send-texted.html'), 'sms', '123456789')).toEqual({ outcome: 'sent', memberName: 'Jane Doe' });
    expect(readSendReply(fixture('send-emailed.html'), 'email', '123456789')).toEqual({ outcome: 'sent', memberName: 'Jane Doe' });
    expect(readSendReply(fixture('send-emailed.html'), 'sms', '123456789').outcome).toBe('rejected');
    expect(readSendReply(fixture('send-texted.html'), 'sms', '999999999').outcome).toBe('rejected');
  });

  it('tells opted out from refused, and treats an unknown answer as refused', () => {
    expect(readSendReply(fixture('send-opted-out.html'), 'sms', '123456789').outcome).toBe('opted_out');
    expect(readSendReply(fixture('send-something-not-right.html'), 'sms', '123456789').outcome).toBe('rejected');
    expect(readSendReply(fixture('send-unknown.html'), 'sms', '123456789').outcome).toBe('rejected');
    expect(readSendReply('', 'email', '123456789').outcome).toBe('rejected');
    expect(readSendReply('<a href="#">Jane Doe</a> has been texted. Or not.', 'sms', '123456789').outcome).toBe('rejected');
  });
});

describe('member search', () => {
  it('reads the search page tokens and the results', () => {
    expect(parseSearchPage(fixture('search-page.html')).tokens).toEqual({ sourcePage: 'Se4rCh5Pa6Ge7To8Ke9N0aB1cD2eF3gH4iJ5kL6mN7o=', fp: 'Fp8Se7Ar6Ch5' });
    expect(parseSearchResults(fixture('search-results.html')).map((r) => ({ id: r.id, fullName: r.fullName }))).toEqual([
      { id: '300000001', fullName: 'Janet Doerr' },
      { id: '123456789', fullName: 'Jane Doe' },
      { id: '300000002', fullName: 'JANE DOE-SMITH' },
    ]);
    expect(parseSearchResults(fixture('search-results-empty.html'))).toEqual([]);
  });

  it('refuses malformed results and login pages', () => {
    expect(kindOf(() => parseSearchResults('<div class="search-result" data-full-name="Jane Doe"></div>'))).toBe('parse');
    expect(kindOf(() => parseSearchResults('<div class="search-result" data-id="1"></div>'))).toBe('parse');
    expect(kindOf(() => parseSearchResults('<div class="search-results"><div class="search-result" data-id="1" data-full-name="A B">'))).toBe('parse');
    expect(kindOf(() => parseSearchResults(fixture('login-page.html')))).toBe('session');
    expect(kindOf(() => parseSearchResults(fixture('send-something-not-right.html')))).toBe('rejected');
    expect(kindOf(() => parseSearchResults('<html><body><h1>Error</h1></body></html>'))).toBe('parse');
    expect(parseSearchResults('<div class="search-results"><p class="no-results">No results found</p></div>')).toEqual([]);
    expect(kindOf(() => parseSearchPage(fixture('login-page.html')))).toBe('session');
    expect(kindOf(() => parseSearchPage('<form><input name="x"></form>'))).toBe('parse');
  });

  it('picks the first result with both names as whole words', () => {
    const results = parseSearchResults(fixture('search-results.html'));
    expect(pickSearchMatch(results, 'jane doe')?.id).toBe('123456789');
    expect(pickSearchMatch(results, 'Jane Q. Doe-Smith')?.id).toBe('300000002');
    expect(pickSearchMatch(results, 'Janet Doerr')?.id).toBe('300000001');
    expect(pickSearchMatch(results, 'Jan Doe')).toBeNull();
    expect(pickSearchMatch(results, '   ')).toBeNull();
    expect(searchNameParts('  Ana  María  López ')).toEqual({ first: 'Ana', last: 'López' });
  });
});
