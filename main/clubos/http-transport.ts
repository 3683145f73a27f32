// Every request to ClubOS goes through here: one cookie jar for the session (Set-Cookie of every
// answer stored, 302s included, since login sets its cookies on a redirect), a deadline on every
// request, and failures turned into typed errors. Redirects are never followed: a 302 to the login
// view is how ClubOS says the session is gone.
import { CookieJar } from 'tough-cookie';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { ClubOSError } from '../../common/errors/clubos-error';
import type { FormField } from './parse/form-fields';

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Absolute path on the ClubOS host, starting with `/`. */
  path: string;
  query?: Readonly<Record<string, string>>;
  form?: readonly FormField[];
  /** Sends `X-Requested-With: XMLHttpRequest`, as the dashboard's own XHR calls do. */
  xhr?: boolean;
  /** Path of the page the request claims to come from. */
  referer?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** The `Location` header of a redirect, resolved against the base URL. */
  location: URL | null;
  body: string;
}

export interface ClubOSTransport {
  readonly baseUrl: URL;
  request(request: TransportRequest): Promise<TransportResponse>;
  /** A cookie's value as ClubOS would see it on the next request, or null. */
  cookie(name: string): Promise<string | null>;
  /** Drops every cookie: the next request starts a fresh session. */
  forgetCookies(): void;
}

export interface TransportOptions {
  baseUrl: string;
  clock: Clock;
  logger: Logger;
  fetch: typeof fetch;
  timeoutMs: number;
}

export function createTransport(options: TransportOptions): ClubOSTransport {
  const baseUrl = new URL(options.baseUrl);
  const { clock, logger, timeoutMs } = options;
  let jar = new CookieJar();

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.path, baseUrl);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const sessionJar = jar;
    const headers: Record<string, string> = {
      Accept: req.xhr ? 'text/html, */*; q=0.01' : 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'Accept-Language': 'en-US,en;q=0.9',
    };
    const cookie = await sessionJar.getCookieString(url.href);
    if (cookie !== '') headers.Cookie = cookie;
    if (req.xhr) headers['X-Requested-With'] = 'XMLHttpRequest';
    if (req.referer !== undefined) headers.Referer = new URL(req.referer, baseUrl).href;
    let body: string | undefined;
    if (req.method === 'POST') {
      headers.Origin = baseUrl.origin;
      headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
      body = new URLSearchParams(req.form?.map(([k, v]) => [k, v]) ?? []).toString();
    }

    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    const started = clock.now();
    const line = { method: req.method, path: url.pathname };
    try {
      const response = await options.fetch(url, { method: req.method, headers, body, redirect: 'manual', signal });
      for (const setCookie of response.headers.getSetCookie()) await storeCookie(sessionJar, setCookie, url.href);
      const text = await readBodyText(response);
      logger.debug('ClubOS request', { ...line, status: response.status, durationMs: clock.now() - started });
      const location = response.headers.get('location');
      return { status: response.status, location: location === null ? null : new URL(location, url), body: text };
    } catch (cause) {
      const error = toTransportError(cause, { deadline, caller: req.signal, timeoutMs, what: `${req.method} ${url.pathname}` });
      logger.debug('ClubOS request failed', { ...line, kind: error.kind, durationMs: clock.now() - started });
      throw error;
    }
  }

  async function storeCookie(target: CookieJar, setCookie: string, url: string): Promise<void> {
    try {
      await target.setCookie(setCookie, url);
    } catch {
      // A cookie the jar cannot take is ClubOS's business until a call needs it; that call then
      // fails on the missing cookie. Its text may be a secret, so it is not logged.
      logger.warn('ClubOS sent a cookie that could not be stored');
    }
  }

  return {
    baseUrl,
    request,
    async cookie(name) {
      const cookies = await jar.getCookies(baseUrl.href);
      return cookies.find((c) => c.key === name)?.value ?? null;
    },
    forgetCookies() {
      jar = new CookieJar();
    },
  };
}

function toTransportError(
  cause: unknown,
  ctx: { deadline: AbortSignal; caller: AbortSignal | undefined; timeoutMs: number; what: string },
): ClubOSError {
  if (cause instanceof ClubOSError) return cause;
  if (ctx.caller?.aborted) return new ClubOSError('timeout', `${ctx.what} was cancelled`, undefined, { cause });
  if (ctx.deadline.aborted) return new ClubOSError('timeout', `${ctx.what}: no answer within ${ctx.timeoutMs} ms`, undefined, { cause });
  return new ClubOSError('network', `${ctx.what}: could not reach ClubOS`, undefined, { cause });
}

/**
 * The body as text, decoded piece by piece as it arrives. `response.text()` decodes the whole body
 * in one go, which for a years-long inbox (tens of MB) holds the event loop for 100+ ms.
 */
async function readBodyText(response: Response): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
