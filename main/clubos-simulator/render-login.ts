// `GET /action/Login/view` and the login page served again after a refused post, in the structure
// of the captured page (MARKUP.md, Login): two forms, each with its own token pair in a hidden div;
// `login` is a hidden input and the submit control a `button.js-login` outside the form.
import { escapeHtml } from './escape-html';
import { renderPage } from './render-page';

export const LOGIN_ERRORS = {
  credentials: 'Invalid username or password',
  tokens: "Something isn't right. Please refresh the page and try again.",
} as const;

export type LoginError = keyof typeof LOGIN_ERRORS;

type Tokens = { sourcePage: string; fp: string };

/** ClubOS puts each form's pair at the end of the form, in a hidden div. */
export function hiddenTokens(form: Tokens): string {
  return `<div style="display: none;"><input type="hidden" name="_sourcePage" value="${escapeHtml(form.sourcePage)}" /><input type="hidden" name="__fp" value="${escapeHtml(form.fp)}" /></div>`;
}

export function renderLoginPage(forms: { login: Tokens; forgot: Tokens }, error?: LoginError): string {
  // The fixed messages go in verbatim (an apostrophe is safe in element content), so a client
  // that looks for the literal "Something isn't right" finds it. Where real ClubOS shows a refused
  // login is not captured; the alert sits where the captured page keeps its empty one.
  const alert =
    error === undefined ? '<div class="alert alert-warning hide"></div>' : `<div class="alert alert-danger login-error">${LOGIN_ERRORS[error]}</div>`;
  return renderPage(
    'Login',
    `<div class="container login-page">
    <div class="alert alert-info system-message"><p><b>Club OS will never ask you to log in on a different login page.</b></p></div>
    <div class="well well-lg login-container">
      <!-- Login -->
      <div class="js-login-form">
        ${alert}
        <form method="post" action="/action/Login" id="loginForm">
          <input type="hidden" name="login" value="Submit" />
          <div class="form-group">
            <input class="form-control input-lg" type="text" name="username" placeholder="Username" required autocomplete="username" aria-label="User name"  />
          </div>
          <div class="form-group form-group-password ">
            <div class="field-wrapper">
              <input class="form-control input-lg" type="password" name="password" placeholder="Password" required autocomplete="current-password" aria-label="Password"/>
            </div>
          </div>
        ${hiddenTokens(forms.login)}</form>
      </div>
      <!-- Forgot Password -->
      <div class="js-password-form hide">
        <div class="alert alert-success js-forgot-success hide"></div>
        <div class="alert alert-danger js-forgot-fail hide"></div>
        <form method="post" action="/action/Login" id="forgotForm" onsubmit="return false;">
          <div class="form-group">
            <input class="form-control input-lg" type="email" name="email" placeholder="Email" tabindex="4" autocomplete="email" aria-label="Email" />
          </div>
        ${hiddenTokens(forms.forgot)}</form>
      </div>
      <div class="login-actions js-login-form">
        <button class="pull-left btn btn-link js-to-password">Forgot username or password?</button>
        <button class="pull-right btn btn-brand js-login">Log In</button>
      </div>
      <div class="login-actions js-password-form hide">
        <button class="pull-left btn btn-link js-to-login">Back to login</button>
        <button class="pull-right btn btn-brand js-submit">Submit</button>
      </div>
    </div>
  </div>`,
  );
}
