// Login view, login post and logout (MARKUP.md, Login and Logout).
import { z } from 'zod';
import { htmlResponse, redirectResponse } from './http-io';
import type { SimResponse } from './http-io';
import { renderLoginPage } from './render-login';
import type { LoginError } from './render-login';
import type { Session } from './session-store';
import { loginViewUrl } from './sim-context';
import type { SimDeps, SimRequest } from './sim-context';

const loginForm = z.object({
  login: z.literal('Submit'),
  username: z.string(),
  password: z.string(),
  _sourcePage: z.string().min(1),
  __fp: z.string().min(1),
});

/** The request's session, or a fresh pre-login one that the response must hand out. */
function sessionFor(req: SimRequest, deps: SimDeps): { session: Session; isNew: boolean } {
  return req.session ? { session: req.session, isNew: false } : { session: deps.sessions.create(), isNew: true };
}

function loginPage(req: SimRequest, deps: SimDeps, error?: LoginError): SimResponse {
  const { session, isNew } = sessionFor(req, deps);
  const forms = { login: deps.sessions.issueForm(session, 'login'), forgot: deps.sessions.issueForm(session, 'forgot') };
  const page = htmlResponse(renderLoginPage(forms, error));
  return isNew ? { ...page, cookies: [['JSESSIONID', session.id]] } : page;
}

export function loginView(req: SimRequest, deps: SimDeps): SimResponse {
  return loginPage(req, deps);
}

export function loginPost(req: SimRequest, deps: SimDeps): SimResponse {
  // ClubOS refuses AJAX-style logins.
  if (req.xhr) return htmlResponse('<h1>403 Forbidden</h1>', 403);
  if (deps.faults.fire('somethingNotRight', req.path)) return loginPage(req, deps, 'tokens');
  const parsed = loginForm.safeParse(req.form);
  if (!req.session || !parsed.success) return loginPage(req, deps, 'tokens');
  const form = parsed.data;
  if (!deps.sessions.consumeForm(req.session, form._sourcePage, form.__fp, 'login')) return loginPage(req, deps, 'tokens');
  if (form.username !== deps.credentials.username || form.password !== deps.credentials.password) {
    return loginPage(req, deps, 'credentials');
  }
  // A new session id on login, as servlet containers do against session fixation.
  deps.sessions.drop(req.session.id);
  const session = deps.sessions.create();
  const userId = deps.state.loggedInUserId;
  session.userId = userId;
  session.delegatedId = userId;
  return redirectResponse('/action/Dashboard/view', [
    ['JSESSIONID', session.id],
    ['loggedInUserId', userId],
    ['delegatedUserId', userId],
    ['apiV3AccessToken', deps.tokens.accessToken()],
  ]);
}

export function logout(req: SimRequest, deps: SimDeps): SimResponse {
  if (req.session) deps.sessions.drop(req.session.id);
  return redirectResponse(loginViewUrl(deps.tokens));
}
