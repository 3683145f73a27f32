// One sign-in (protocol §1): the login view for fresh tokens, the five-field post, the two
// session cookies, then the dashboard for the club context.
import { ClubOSError } from '../../common/errors/clubos-error';
import type { ClubOSTransport } from './http-transport';
import { parseDashboard } from './parse/dashboard';
import { isLoginPage, parseHtml } from './parse/html-document';
import { parseLoginPage } from './parse/login-page';
import { isSomethingNotRight } from './parse/something-not-right';
import { requireOk } from './session-check';
import type { ClubContext } from './types';

export const LOGIN_VIEW = '/action/Login/view';
export const DASHBOARD_VIEW = '/action/Dashboard/view';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs in on a fresh cookie jar and returns the club context. Throws `credentials` only when
 * ClubOS turned the username/password down; a refused form token is a `session` error, since a
 * new attempt with fresh tokens can succeed.
 */
export async function signInToClubOS(http: ClubOSTransport, credentials: Credentials): Promise<ClubContext> {
  http.forgetCookies();
  const view = await http.request({ method: 'GET', path: LOGIN_VIEW });
  if (view.status >= 500) throw new ClubOSError('http', `ClubOS failed the login view (HTTP ${view.status})`, view.status);
  if (view.status !== 200) throw new ClubOSError('http', `ClubOS answered the login view with HTTP ${view.status}`, view.status);
  const { tokens } = parseLoginPage(view.body);

  // No X-Requested-With: ClubOS refuses AJAX-style logins.
  const post = await http.request({
    method: 'POST',
    path: '/action/Login',
    referer: LOGIN_VIEW,
    form: [
      ['login', 'Submit'],
      ['username', credentials.username],
      ['password', credentials.password],
      ['_sourcePage', tokens.sourcePage],
      ['__fp', tokens.fp],
    ],
  });
  if (post.status >= 500) throw new ClubOSError('http', `ClubOS failed the login (HTTP ${post.status})`, post.status);
  if (post.status === 200) throw refusal(post.body);
  if (post.status < 300 || post.status >= 400) throw new ClubOSError('http', `ClubOS answered the login with HTTP ${post.status}`, post.status);
  const [session, userId] = await Promise.all([http.cookie('JSESSIONID'), http.cookie('loggedInUserId')]);
  if (!session || !userId) throw new ClubOSError('credentials', 'ClubOS did not open a session for this username and password');

  const context = parseDashboard(requireOk(await http.request({ method: 'GET', path: DASHBOARD_VIEW, referer: LOGIN_VIEW }), 'the dashboard'));
  if (context.loggedInUserId !== userId) throw new ClubOSError('parse', 'the dashboard is for another user than the one signed in');
  return context;
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
