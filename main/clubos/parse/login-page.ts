// The login view. ClubOS's page carries two forms (`#loginForm` and `#forgotForm`), each with its
// own token pair; the tokens and fields posted are the login form's own.
import type { HTMLElement } from 'node-html-parser';
import { ClubOSMissingFieldError } from '../../../common/errors/missing-field-error';
import { scrapeFormFields, type FormField } from './form-fields';
import { readFormTokens, type FormTokens } from './form-tokens';
import { collapsedText, parseHtml } from './html-document';

const PAGE = 'the login page';

export interface LoginPage {
  tokens: FormTokens;
  /** The login form as a browser would submit it (hidden `login`, tokens, empty username/password). */
  fields: FormField[];
  /** The page's login error alert, when ClubOS sent the form back with one. */
  error: string | null;
}

/** Throws a missing-field `parse` error when the page is not ClubOS's login form with both tokens. */
export function parseLoginPage(html: string): LoginPage {
  const root = parseHtml(html, PAGE);
  const form = findLoginForm(root);
  if (!form) throw new ClubOSMissingFieldError(PAGE, 'the login form (form#loginForm with a password field)');
  const tokens = readFormTokens(form);
  if (!tokens) throw new ClubOSMissingFieldError(PAGE, "the login form's _sourcePage/__fp tokens", 'form#loginForm');
  return { tokens, fields: scrapeFormFields(form), error: readLoginError(root, form) };
}

/** `#loginForm`, else the form that asks for a password (never the "forgot password" form). */
export function findLoginForm(root: HTMLElement): HTMLElement | null {
  return (
    root.querySelector('form#loginForm') ??
    root.querySelectorAll('form').find((f) => f.querySelector('input[type="password"]') !== null && f.querySelector('input[name="username"]') !== null) ??
    null
  );
}

/**
 * `.login-error`, else a visible alert beside the login form. ClubOS keeps empty, hidden alerts
 * (`.alert.hide`) on the page for its scripts; those say nothing.
 */
function readLoginError(root: HTMLElement, form: HTMLElement): string | null {
  const candidates = [...root.querySelectorAll('.login-error'), ...(form.parentNode?.querySelectorAll('.alert') ?? [])];
  for (const alert of candidates) {
    if (alert.classList.contains('hide')) continue;
    const text = collapsedText(alert);
    if (text !== '') return text;
  }
  return null;
}
