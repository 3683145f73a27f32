// The same contract checks as captures.test.ts, on the simulator's pages, in every dashboard
// shape it serves: what passes on a real capture must pass on our simulator, and the reverse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageTimeZone } from '../../../main/clubos/parse/dashboard';
import { parseSearchPage } from '../../../main/clubos/parse/search-page';
import { startSimulator, type ClubOSSimulator, type DashboardShape } from '../../../main/clubos-simulator';
import { manualClock } from '../../../common/time/manual-clock';
import { createBrowser, hiddenTokens, type SimBrowser } from '../../clubos-simulator/sim-browser';
import { capturedPopupFields, readCapture } from './capture-files';
import { checkDashboard, checkLoginPage, checkPopupForm, checkSearchResults, parsePopup } from './contract-checks';

const SHAPES: readonly DashboardShape[] = ['recent-leads', 'no-time-zone', 'other-view-data'];
const byName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.name.localeCompare(b.name));

describe.each(SHAPES)('simulator pages, dashboard shape %s', (shape) => {
  let sim: ClubOSSimulator;
  let b: SimBrowser;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 12, clock: manualClock(Date.UTC(2026, 10, 30, 15)), timeZone: 'America/Denver', dashboardShape: shape, members: 40 });
    b = createBrowser(sim.baseUrl);
  });
  afterAll(() => sim.close());

  it('login page passes the login-page checks', async () => {
    const html = (await b.get('/action/Login/view')).text;
    checkLoginPage(html, { tokens: hiddenTokens(html, 'form#loginForm') });
    expect(hiddenTokens(html, 'form#forgotForm')).not.toEqual(hiddenTokens(html, 'form#loginForm'));
  });

  it('dashboard passes the dashboard checks', async () => {
    await b.login();
    const html = (await b.get('/action/Dashboard/view')).text;
    const me = sim.staff.find((s) => s.id === sim.loggedInUserId)!;
    const captured = shape === 'recent-leads';
    checkDashboard(html, {
      actingUser: { id: me.id, name: me.name },
      loggedInUserId: me.id,
      clubId: sim.clubId,
      clubLocationId: captured ? sim.locations[0]!.id : null,
      timeZone: captured ? sim.timeZone : null,
      owners: [
        ...sim.locations.map((l) => ({ id: l.id, name: l.name, kind: 'location' as const })),
        { id: me.id, name: 'My Messages', kind: 'employee' },
        ...byName(sim.staff.filter((s) => s.id !== me.id)).map((s) => ({ id: s.id, name: s.name, kind: 'employee' as const })),
      ],
      staff: byName(sim.staff).map((s) => ({ id: s.id, name: s.name })),
      locations: sim.locations.map((l) => ({ id: l.id, name: l.name })),
      searchTokens: hiddenTokens(html, 'form#quickSearchForm'),
      firstTokensOnPage: hiddenTokens(html),
    });
  });

  it('search results pass the search checks; staff appear in results too', async () => {
    const member = sim.members[5]!;
    const staff = sim.staff[2]!;
    const search = async (keyword: string): Promise<string> => {
      const page = (await b.get('/action/Dashboard/search')).text;
      expect(readPageTimeZone(page)).toBe(shape === 'no-time-zone' ? null : sim.timeZone);
      const form = Object.fromEntries(parseSearchPage(page).fields);
      return (await b.post('/action/UserSearch/', { ...form, 'filter.keyword': keyword }, { xhr: true })).text;
    };
    const name = `${member.firstName} ${member.lastName}`;
    checkSearchResults(await search(name), [{ id: member.id, fullName: name, email: member.email, phone: member.mobilePhone, role: { id: '1', name: 'Member' } }]);
    const staffResults = checkSearchResults(await search(staff.name), [
      { id: staff.id, fullName: staff.name, email: expect.stringMatching(/@/) as string, phone: null, role: expect.objectContaining({}) as { id: string; name: string } },
    ]);
    expect(staffResults[0]!.role.name).not.toBe('Member');
  });

  it('FollowUp popup passes the popup checks with every captured field', async () => {
    const member = sim.members.find((m) => !sim.isOptedOut(m.id))!;
    expect((await b.get(`/action/Delegate/${member.id}/url=false`, { xhr: true })).status).toBe(200);
    const html = (await b.post('/action/FollowUp', { followUpUserId: member.id, followUpType: '3' }, { xhr: true })).text;
    const expected: Record<string, string | undefined> = Object.fromEntries(Object.keys(capturedPopupFields()).map((name) => [name, undefined]));
    Object.assign(expected, {
      'followUpUser.tfoUserId': member.id,
      'followUpLog.tfoUserId': member.id,
      'followUpUser.firstName': member.firstName,
      'followUpUser.lastName': member.lastName,
      'followUpUser.email': member.email,
      'followUpUser.mobilePhone': member.mobilePhone,
      'followUpUser.clubId': sim.clubId,
      'followUpLog.followUpAction': '3',
    });
    checkPopupForm(parsePopup(html), { memberId: member.id, memberName: `${member.firstName} ${member.lastName}`, fields: expected });
  });

  it('answers a refused delegation and an expired session with the captured bodies', async () => {
    expect((await b.get('/action/Delegate/1/url=false', { xhr: true })).text).toBe(readCapture('delegate-refused.txt'));
    sim.expireSessions();
    expect((await b.post('/action/Dashboard/messages', { userId: sim.loggedInUserId }, { xhr: true })).text).toBe(readCapture('session-expired.txt'));
  });
});
