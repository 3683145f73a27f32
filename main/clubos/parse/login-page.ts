import { ClubOSError } from '../../../common/errors/clubos-error';
import { readFormTokens, type FormTokens } from './form-tokens';
import { collapsedText, parseHtml } from './html-document';

export interface LoginPage {
  tokens: FormTokens;
  /** The page's `login-error` alert, when ClubOS sent the form back with one. */
  error: string | null;
}

/** Throws `parse` when the page is not ClubOS's login form with both tokens. */
export function parseLoginPage(html: string): LoginPage {
  const root = parseHtml(html, 'the login page');
  const form = root.querySelector('form#loginForm') ?? root.querySelector('form[action="/action/Login"]');
  if (!form) throw new ClubOSError('parse', 'the login page has no login form');
  const tokens = readFormTokens(form);
  if (!tokens) throw new ClubOSError('parse', 'the login form lacks its _sourcePage/__fp tokens');
  const alert = root.querySelector('.login-error');
  const error = alert ? collapsedText(alert) : '';
  return { tokens, error: error === '' ? null : error };
}
