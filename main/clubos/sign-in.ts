// One sign-in (protocol §1): the login view for fresh tokens, the login form's post, the two
// session cookies, then the dashboard for the club context. Some dashboards name no time zone;
// then the search page, which carries the user's zone on the pages captured so far, is asked.
import { ClubOSError } from '../../common/errors/clubos-error';
import type { ClubOSTransport } from './http-transport';
import { parseDashboard, readPageTimeZone } from './parse/dashboard';
import { isLoginPage, parseHtml } from './parse/html-document';
import { parseLoginPage } from './parse/login-page';
import { isSomethingNotRight } from './parse/something-not-right';
import { requireOk } from './session-check';
import type { FormField } from './parse/form-fields';
import type { ClubPageContext } from './types';

export const LOGIN_VIEW = '/action/Login/view';
export const DASHBOARD_VIEW = '/action/Dashboard/view';
export const SEARCH_VIEW = '/action/Dashboard/search';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs in on a fresh cookie jar and returns the club context. Throws `credentials` only when
 * ClubOS turned the username/password down; a refused form token is a `session` error, since a
 * new attempt with fresh tokens can succeed.
 */
export async function signInToClubOS(http: ClubOSTransport, credentials: Credentials): Promise<ClubPageContext> {
  http.forgetCookies();
  const view = await http.request({ method: 'GET', path: LOGIN_VIEW });
  if (view.status >= 500) throw new ClubOSError('http', `ClubOS failed the login view (HTTP ${view.status})`, view.status);
  if (view.status !== 200) throw new ClubOSError('http', `ClubOS answered the login view with HTTP ${view.status}`, view.status);
  const login = parseLoginPage(view.body);

  // No X-Requested-With: ClubOS refuses AJAX-style logins.
  const post = await http.request({
    method: 'POST',
    path: '/action/Login',
    referer: LOGIN_VIEW,
    form: loginForm(login.fields, credentials),
  });
  if (post.status >= 500) throw new ClubOSError('http', `ClubOS failed the login (HTTP ${post.status})`, post.status);
  if (post.status === 200) throw refusal(post.body);
  if (post.status < 300 || post.status >= 400) throw new ClubOSError('http', `ClubOS answered the login with HTTP ${post.status}`, post.status);
  const [session, userId] = await Promise.all([http.cookie('JSESSIONID'), http.cookie('loggedInUserId')]);
  if (!session || !userId) throw new ClubOSError('credentials', 'ClubOS did not open a session for this username and password');

  const context = parseDashboard(requireOk(await http.request({ method: 'GET', path: DASHBOARD_VIEW, referer: LOGIN_VIEW }), 'the dashboard'));
  if (context.loggedInUserId !== userId) throw new ClubOSError('parse', 'the dashboard is for another user than the one signed in');
  if (context.timeZone !== null) return context;
  return { ...context, timeZone: await timeZoneFromSearchPage(http) };
}

/** The login form as ClubOS served it, with the credentials filled in (and `login=Submit` if it had none). */
function loginForm(fields: readonly FormField[], credentials: Credentials): FormField[] {
  const filled: FormField[] = fields.map(([name, value]) =>
    name === 'username' ? [name, credentials.username] : name === 'password' ? [name, credentials.password] : [name, value],
  );
  const has = (name: string): boolean => filled.some(([n]) => n === name);
  const missing: FormField[] = [];
  if (!has('login')) missing.push(['login', 'Submit']);
  if (!has('username')) missing.push(['username', credentials.username]);
  if (!has('password')) missing.push(['password', credentials.password]);
  // ClubOS's own form starts with `login`; keep that order when we add it.
  return [...missing.filter(([n]) => n === 'login'), ...filled, ...missing.filter(([n]) => n !== 'login')];
}

/** The zone the search page names, or null (a failure here must not fail the sign-in). */
async function timeZoneFromSearchPage(http: ClubOSTransport): Promise<string | null> {
  try {
    const page = await http.request({ method: 'GET', path: SEARCH_VIEW, referer: DASHBOARD_VIEW });
    return page.status === 200 ? readPageTimeZone(page.body) : null;
  } catch {
    return null;
  }
}

/** Why a 200 answer to the login post is not a session. */
function refusal(body: string): ClubOSError {
  if (!isLoginPage(parseHtml(body, 'the login answer'))) {
    return new ClubOSError('parse', 'ClubOS answered the login with an unexpected page');
  }
  const { error } = parseLoginPage(body);
  if (error !== null && isSomethingNotRight(error)) {
    return new ClubOSError('session', 'ClubOS refused the login form ("Something isn\'t right"); a later attempt uses fresh tokens');
  }
  return new ClubOSError('credentials', 'ClubOS refused the username or password');
}
