// One sign-in (protocol §1): the login view for fresh tokens, the login form's post, the two
// session cookies, then the dashboard for the club context. Some dashboards name no time zone;
// then the search page, which carries the user's zone on the pages captured so far, is asked.
// Each way it can fail is its own typed error with its own message, because only one of them
// (ClubOS refusing the password) means the user must act; the others (no session cookies, a
// redirect loop, another host, TLS) are the network's or ClubOS's trouble and are retried with backoff.
import { ClubOSError } from '../../common/errors/clubos-error';
import type { ClubOSTransport } from './http-transport';
import { parseDashboard, readPageTimeZone } from './parse/dashboard';
import { isLoginPage, parseHtml } from './parse/html-document';
import { parseLoginPage } from './parse/login-page';
import { isSomethingNotRight } from './parse/something-not-right';
import { isLoginRedirect, requireOk } from './session-check';
import type { TransportResponse } from './http-transport';
import type { FormField } from './parse/form-fields';
import type { ClubPageContext } from './types';

export const LOGIN_VIEW = '/action/Login/view';
export const DASHBOARD_VIEW = '/action/Dashboard/view';
export const SEARCH_VIEW = '/action/Dashboard/search';
/** Same-host redirects followed to reach the login form (e.g. one that adds `?__fsk=`). */
const MAX_LOGIN_VIEW_REDIRECTS = 3;

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
  const login = parseLoginPage(await openLoginView(http));

  // No X-Requested-With: ClubOS refuses AJAX-style logins.
  const post = await http.request({
    method: 'POST',
    path: '/action/Login',
    referer: LOGIN_VIEW,
    form: loginForm(login.fields, credentials),
  });
  if (post.status >= 500) throw new ClubOSError('http', `ClubOS failed the sign-in (HTTP ${post.status}); Frontdesk will try again later.`, post.status);
  if (post.status === 200) throw refusal(post.body);
  if (post.status < 300 || post.status >= 400) throw new ClubOSError('http', `ClubOS answered the sign-in with HTTP ${post.status}; Frontdesk will try again later.`, post.status);
  const [session, userId] = await Promise.all([http.cookie('JSESSIONID'), http.cookie('loggedInUserId')]);
  if (!session || !userId) {
    const missing = [session ? null : 'JSESSIONID', userId ? null : 'loggedInUserId'].filter((n) => n !== null).join(' and ');
    throw new ClubOSError(
      'no_session',
      `ClubOS took the sign-in but sent back no session cookie (${missing}), so Frontdesk is not signed in. Something between this computer and ClubOS (a proxy, a filter) may be removing cookies; Frontdesk keeps trying.`,
      post.status,
    );
  }

  const dashboard = await http.request({ method: 'GET', path: DASHBOARD_VIEW, referer: LOGIN_VIEW });
  if (isLoginRedirect(dashboard)) throw redirectLoop('right after signing in', dashboard.status);
  const context = parseDashboard(requireOk(dashboard, 'the dashboard'));
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

/** The login form's page, following a few same-host redirects (another host fails in the transport). */
async function openLoginView(http: ClubOSTransport): Promise<string> {
  const visited = new Set<string>();
  let path = LOGIN_VIEW;
  for (;;) {
    visited.add(path);
    const view: TransportResponse = await http.request({ method: 'GET', path });
    if (view.status >= 300 && view.status < 400 && view.location !== null) {
      const next = view.location.pathname + view.location.search;
      if (visited.has(next) || visited.size > MAX_LOGIN_VIEW_REDIRECTS) throw redirectLoop('before the login form', view.status);
      path = next;
      continue;
    }
    if (view.status >= 500) throw new ClubOSError('http', `ClubOS failed the login page (HTTP ${view.status}); Frontdesk will try again later.`, view.status);
    if (view.status !== 200) throw new ClubOSError('http', `ClubOS answered the login page with HTTP ${view.status}; Frontdesk will try again later.`, view.status);
    return view.body;
  }
}

function redirectLoop(when: string, status: number): ClubOSError {
  return new ClubOSError(
    'redirect_loop',
    `ClubOS keeps redirecting Frontdesk back to its login page ${when}, so no session opens. Frontdesk keeps trying; if it lasts, check that ClubOS signs in in a browser.`,
    status,
  );
}

/** Why a 200 answer to the login post is not a session. */
function refusal(body: string): ClubOSError {
  if (!isLoginPage(parseHtml(body, 'the login answer'))) {
    return new ClubOSError('parse', 'ClubOS answered the sign-in with a page Frontdesk does not recognise; Frontdesk will try again later.');
  }
  const { error } = parseLoginPage(body);
  if (error !== null && isSomethingNotRight(error)) {
    return new ClubOSError('session', 'ClubOS refused the login form ("Something isn\'t right"); a later attempt uses fresh tokens');
  }
  return new ClubOSError('credentials', 'ClubOS refused the username or password. Sign in again in Settings → Account.');
}
