// A minimal browser for driving the simulator with plain fetch: a cookie jar, no redirect
// following (tests look at every 302), and form-token scraping.
import { parse } from 'node-html-parser';

export interface SimPage {
  status: number;
  headers: Headers;
  text: string;
  /** `Set-Cookie` name → value of this response. */
  setCookies: Map<string, string>;
}

export interface SimBrowser {
  readonly cookies: Map<string, string>;
  get(path: string, opts?: { xhr?: boolean; signal?: AbortSignal }): Promise<SimPage>;
  post(path: string, form: Record<string, string>, opts?: { xhr?: boolean; signal?: AbortSignal }): Promise<SimPage>;
  /** Login view → login post; returns the post's answer. */
  login(username?: string, password?: string): Promise<SimPage>;
}

/** The token pair of one form (by default the page's first): ClubOS pages carry several. */
export function hiddenTokens(html: string, formSelector = 'form'): { sourcePage: string; fp: string } {
  const form = parse(html).querySelector(formSelector);
  const sourcePage = form?.querySelector('input[name=_sourcePage]')?.getAttribute('value');
  const fp = form?.querySelector('input[name=__fp]')?.getAttribute('value');
  if (!sourcePage || !fp) throw new Error(`${formSelector} has no form tokens`);
  return { sourcePage, fp };
}

/** Every named field of the page's form, as the real client posts it back (checked boxes only). */
export function formFields(html: string, selector: string): Record<string, string> {
  const form = parse(html).querySelector(selector);
  if (!form) throw new Error(`no ${selector}`);
  const out: Record<string, string> = {};
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' && el.getAttribute('type') === 'checkbox' && el.getAttribute('checked') === undefined) continue;
    if (tag === 'input' && el.getAttribute('type') === 'submit') continue;
    if (tag === 'select') out[name] = el.querySelector('option[selected]')?.getAttribute('value') ?? el.querySelector('option')?.getAttribute('value') ?? '';
    else if (tag === 'textarea') out[name] = el.text;
    else out[name] = el.getAttribute('value') ?? '';
  }
  return out;
}

export function createBrowser(baseUrl: string): SimBrowser {
  const cookies = new Map<string, string>();

  const send = async (path: string, init: RequestInit, xhr: boolean): Promise<SimPage> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (xhr) headers.set('X-Requested-With', 'XMLHttpRequest');
    const res = await fetch(baseUrl + path, { ...init, headers, redirect: 'manual' });
    const setCookies = new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      setCookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    for (const [k, v] of setCookies) cookies.set(k, v);
    return { status: res.status, headers: res.headers, text: await res.text(), setCookies };
  };

  const browser: SimBrowser = {
    cookies,
    get: (path, opts = {}) => send(path, { method: 'GET', ...(opts.signal ? { signal: opts.signal } : {}) }, opts.xhr ?? false),
    post: (path, form, opts = {}) =>
      send(
        path,
        {
          method: 'POST',
          body: new URLSearchParams(form).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', Origin: baseUrl, Referer: `${baseUrl}/action/Dashboard/view` },
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
        opts.xhr ?? false,
      ),
    async login(username = 'demo', password = 'demo') {
      const view = await browser.get('/action/Login/view?__fsk=-12345');
      const { sourcePage, fp } = hiddenTokens(view.text);
      return browser.post('/action/Login', { login: 'Submit', username, password, _sourcePage: sourcePage, __fp: fp });
    },
  };
  return browser;
}
