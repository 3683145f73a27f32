// `GET /action/Login/view` and the login page served again after a refused post (MARKUP.md, Login).
import { escapeHtml } from './escape-html';
import { renderPage } from './render-page';

export const LOGIN_ERRORS = {
  credentials: 'Invalid username or password',
  tokens: "Something isn't right. Please refresh the page and try again.",
} as const;

export type LoginError = keyof typeof LOGIN_ERRORS;

export function renderLoginPage(form: { sourcePage: string; fp: string }, error?: LoginError): string {
  // The fixed messages go in verbatim (an apostrophe is safe in element content), so a client
  // that looks for the literal "Something isn't right" finds it, as it would on ClubOS.
  const alert = error === undefined ? '' : `  <div class="alert alert-danger login-error">${LOGIN_ERRORS[error]}</div>\n`;
  return renderPage(
    'Login',
    `<div class="login-container">
  <img class="logo" src="/images/clubos-logo.png" alt="ClubOS">
${alert}  <form id="loginForm" method="post" action="/action/Login">
    <input type="hidden" name="_sourcePage" value="${escapeHtml(form.sourcePage)}">
    <input type="hidden" name="__fp" value="${escapeHtml(form.fp)}">
    <label for="username">Username</label>
    <input type="text" id="username" name="username" value="" autocomplete="username">
    <label for="password">Password</label>
    <input type="password" id="password" name="password" value="" autocomplete="current-password">
    <input type="submit" name="login" value="Submit">
  </form>
  <a class="forgot-password" href="/action/Login/forgotPassword">Forgot password?</a>
</div>`,
  );
}
