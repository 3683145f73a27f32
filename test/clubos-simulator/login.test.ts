import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/clubos-simulator';
import type { ClubOSSimulator } from '../../main/clubos-simulator';
import { manualClock } from '../../common/time/manual-clock';
import { createBrowser, hiddenTokens } from './sim-browser';

const NOW = Date.parse('2026-12-08T16:00:00Z');
let sim: ClubOSSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<ClubOSSimulator> {
  sim = await startSimulator({ clock: manualClock(NOW), members: 40, ...options });
  return sim;
}

describe('simulator login', () => {
  it('serves a login view with fresh per-page tokens and a pre-login session', async () => {
    const s = await start();
    expect(s.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const b = createBrowser(s.baseUrl);
    const first = await b.get('/action/Login/view?__fsk=123');
    expect(first.status).toBe(200);
    expect(first.setCookies.get('JSESSIONID')).toMatch(/^[0-9A-F]{32}$/);
    const form = parse(first.text).querySelector('form#loginForm');
    expect(form?.getAttribute('action')).toBe('/action/Login');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.querySelector('input[name=username]')).not.toBeNull();
    expect(form?.querySelector('input[type=password][name=password]')).not.toBeNull();
    // As on the captured page: `login` is a hidden input, the submit control a button outside the form.
    expect(form?.querySelector('input[type=hidden][name=login]')?.getAttribute('value')).toBe('Submit');
    expect(parse(first.text).querySelector('button.js-login')).not.toBeNull();
    expect(parse(first.text).querySelector('form#forgotForm')).not.toBeNull();
    const t1 = hiddenTokens(first.text, 'form#loginForm');
    expect(t1.sourcePage).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(t1.fp).toMatch(/^[A-Za-z0-9_-]{11}=$/);
    expect(hiddenTokens(first.text, 'form#forgotForm').sourcePage).not.toBe(t1.sourcePage);
    const t2 = hiddenTokens((await b.get('/action/Login/view')).text);
    expect(t2.sourcePage).not.toBe(t1.sourcePage);
    expect(t2.fp).not.toBe(t1.fp);
  });

  it('signs in with the five fields: 302 to the dashboard with the four cookies and a new JSESSIONID', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    const view = await b.get('/action/Login/view');
    const preLogin = view.setCookies.get('JSESSIONID');
    const res = await b.login();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/action/Dashboard/view');
    expect(res.setCookies.get('JSESSIONID')).toMatch(/^[0-9A-F]{32}$/);
    expect(res.setCookies.get('JSESSIONID')).not.toBe(preLogin);
    expect(res.setCookies.get('loggedInUserId')).toBe(s.loggedInUserId);
    expect(res.setCookies.get('delegatedUserId')).toBe(s.loggedInUserId);
    expect(res.setCookies.get('apiV3AccessToken')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    for (const c of res.headers.getSetCookie()) expect(c).toMatch(/; Path=\/; HttpOnly$/);
    expect((await b.get('/action/Dashboard/view')).status).toBe(200);
  });

  it('refuses a wrong password with the login page again and no loggedInUserId', async () => {
    const s = await start({ credentials: { username: 'frontdesk', password: 's3cret' } });
    const b = createBrowser(s.baseUrl);
    for (const [u, p] of [['frontdesk', 'wrong'], ['demo', 'demo']] as const) {
      const res = await b.login(u, p);
      expect(res.status).toBe(200);
      expect(res.setCookies.has('loggedInUserId')).toBe(false);
      expect(parse(res.text).querySelector('div.alert.alert-danger.login-error')?.text).toBe('Invalid username or password');
      expect(() => hiddenTokens(res.text)).not.toThrow();
    }
    expect((await b.login('frontdesk', 's3cret')).status).toBe(302);
  });

  it('accepts each token pair once, and only in the session that was served it', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    const tokens = hiddenTokens((await b.get('/action/Login/view')).text);
    const post = { login: 'Submit', username: 'demo', password: 'demo', _sourcePage: tokens.sourcePage, __fp: tokens.fp };
    expect((await b.post('/action/Login', post)).status).toBe(302);
    const reused = await b.post('/action/Login', post);
    expect(reused.status).toBe(200);
    expect(parse(reused.text).querySelector('.login-error')?.text).toBe("Something isn't right. Please refresh the page and try again.");

    const other = createBrowser(s.baseUrl);
    const stolen = hiddenTokens((await b.get('/action/Login/view')).text);
    const res = await other.post('/action/Login', { ...post, _sourcePage: stolen.sourcePage, __fp: stolen.fp });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Something isn't right");
    const missing = await other.post('/action/Login', { login: 'Submit', username: 'demo', password: 'demo' });
    expect(missing.text).toContain("Something isn't right");

    // A refused password uses the pair up too.
    const third = createBrowser(s.baseUrl);
    const t = hiddenTokens((await third.get('/action/Login/view')).text);
    const wrong = await third.post('/action/Login', { ...post, password: 'nope', _sourcePage: t.sourcePage, __fp: t.fp });
    expect(wrong.text).toContain('Invalid username or password');
    const again = await third.post('/action/Login', { ...post, _sourcePage: t.sourcePage, __fp: t.fp });
    expect(again.status).toBe(200);
    expect(again.text).toContain("Something isn't right");
  });

  it('answers an AJAX-style login with 403', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    const { sourcePage, fp } = hiddenTokens((await b.get('/action/Login/view')).text);
    const res = await b.post('/action/Login', { login: 'Submit', username: 'demo', password: 'demo', _sourcePage: sourcePage, __fp: fp }, { xhr: true });
    expect(res.status).toBe(403);
  });

  it('embeds the club context JSON and the owner select in the dashboard', async () => {
    const s = await start({ timeZone: 'America/Denver', staff: 5 });
    const b = createBrowser(s.baseUrl);
    await b.login();
    const page = await b.get('/action/Dashboard/view');
    const m = /window\.recentLeadsListViewData = (\{.*?\});\n/.exec(page.text);
    expect(m).not.toBeNull();
    // The captured shape: ids are JSON numbers, the zone and location live inside `actingUser`.
    const data = JSON.parse(m![1]!) as Record<string, unknown> & {
      actingUser: { tfoUserId: number; firstName: string; lastName: string; clubId: number; clubLocationId: number; timeZoneId: string; role: { name: string; id: number } };
      clubLocationList: Array<{ id: number; name: string; defaultSalesPersonId: number }>;
      clubEmployeesList: Array<{ id: number; name: string }>;
    };
    expect(data.loggedInUserId).toBe(Number(s.loggedInUserId));
    expect(data.actingUserId).toBe(Number(s.loggedInUserId));
    expect(data.actingUser.timeZoneId).toBe('America/Denver');
    expect(data.actingUser.tfoUserId).toBe(Number(s.loggedInUserId));
    expect(`${data.actingUser.firstName} ${data.actingUser.lastName}`).toBe(s.staff[0]!.name);
    expect(String(data.actingUser.clubId)).toMatch(/^\d{3}$/);
    expect(data.actingUser.role).toMatchObject({ name: 'Location Manager', id: 3 });
    expect(data.actingUser.clubLocationId).toBe(data.clubLocationList[0]!.id);
    expect(data.clubLocationList).toHaveLength(2);
    for (const l of data.clubLocationList) expect(String(l.id)).toMatch(/^\d{4}$/);
    const byName = [...s.staff].sort((a, b) => a.name.localeCompare(b.name));
    expect(data.clubEmployeesList).toEqual(byName.map((x) => ({ name: x.name, id: Number(x.id) })));

    const root = parse(page.text);
    const groups = root.querySelectorAll('select#messages-owner-select optgroup');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual(['Club Messages', 'Employee Messages']);
    expect(groups[0]!.querySelectorAll('option').map((o) => o.getAttribute('value'))).toEqual(data.clubLocationList.map((l) => String(l.id)));
    const employees = groups[1]!.querySelectorAll('option');
    expect(employees[0]!.getAttribute('value')).toBe(s.loggedInUserId);
    expect(employees[0]!.text).toBe('My Messages');
    expect(employees.slice(1).map((o) => [o.getAttribute('value'), o.text])).toEqual(byName.filter((x) => x.id !== s.loggedInUserId).map((x) => [x.id, x.name]));
    expect(root.querySelector('section#messages div#message-list.schedule-list')?.innerHTML).toBe('');
    expect(root.querySelector('div#message-count')?.innerHTML).toBe('');
    expect(root.querySelector('i#refresh-messages')).not.toBeNull();
    expect(root.querySelector('a#clear-messages')?.text).toBe('Clear all');
  });

  it('answers calls without a live session with "Session Expired" (XHR) or a redirect to login', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    const xhr = await b.post('/action/Dashboard/messages', { userId: s.loggedInUserId }, { xhr: true });
    expect(xhr.status).toBe(200);
    expect(xhr.text).toBe('Session Expired');
    expect(Buffer.byteLength(xhr.text)).toBe(15);
    const page = await b.get('/action/Dashboard/view');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/^\/action\/Login\/view\?__fsk=-?\d+$/);

    await b.login();
    expect((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text).toContain('message-list');
    s.expireSessions();
    expect((await b.get('/action/Dashboard/messages?_=2', { xhr: true })).text).toBe('Session Expired');
    await b.login();
    expect((await b.get('/action/Dashboard/messages?_=3', { xhr: true })).text).toContain('message-list');
  });

  it('logs out: 302 to the login view and the session is gone', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    await b.login();
    const out = await b.get('/action/Logout');
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toMatch(/^\/action\/Login\/view\?__fsk=-?\d+$/);
    expect((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text).toBe('Session Expired');
  });

  it('counts requests by path prefix and answers unknown paths with 404', async () => {
    const s = await start();
    const b = createBrowser(s.baseUrl);
    await b.login();
    await b.get('/action/Dashboard/view');
    expect((await b.get('/action/Nope')).status).toBe(404);
    expect((await b.get('/action/Login')).status).toBe(405);
    expect(s.requestCount('/action/Login')).toBe(3);
    expect(s.requestCount('/action/Dashboard')).toBe(1);
    expect(s.requestCount()).toBe(5);
  });

  it('refuses bad options with a clear error', async () => {
    await expect(startSimulator({ timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
    await expect(startSimulator({ members: 0 })).rejects.toThrow();
  });
});
