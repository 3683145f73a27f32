// Every request to ClubOS goes through here: one cookie jar for the session (Set-Cookie of every
// answer stored, 302s included, since login sets its cookies on a redirect), a deadline and a byte
// cap on every answer (response-limits.ts), and failures turned into typed errors. Redirects are
// never followed: a 302 to the login view is how ClubOS says the session is gone, and a redirect
// to another host is not ClubOS answering.
import { CookieJar } from 'tough-cookie';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { ClubOSError } from '../../common/errors/clubos-error';
import type { FormField } from './parse/form-fields';
import { describeBytes } from './response-limits';

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
  /** Most decoded body bytes accepted; defaults to the transport's `maxBytes`. */
  maxBytes?: number;
  /** Deadline of this request, headers and body; defaults to the transport's `timeoutMs`. */
  timeoutMs?: number;
}

/** Where the chunks of an answer's body go as they arrive; the transport waits for each. */
export type BodySink = (chunk: Uint8Array) => void | Promise<void>;

/**
 * A request whose body, when `sinkFor` gives a sink for the answer's status and location, is
 * handed to it chunk by chunk as it arrives (the inbox, streamed to the sync worker); otherwise
 * the body is kept as bytes.
 */
export interface TransportStreamRequest extends TransportRequest {
  sinkFor(head: { status: number; location: URL | null }): BodySink | null;
}

export interface TransportResponse {
  status: number;
  /** The `Location` header of a redirect, resolved against the base URL. */
  location: URL | null;
  body: string;
}

/** An answer whose body went to a sink (null), or was kept as UTF-8 bytes. */
export interface TransportStreamResponse {
  status: number;
  location: URL | null;
  body: Uint8Array | null;
}

export type TransportBytesResponse = TransportStreamResponse & { body: Uint8Array };

export interface ClubOSTransport {
  readonly baseUrl: URL;
  request(request: TransportStreamRequest): Promise<TransportStreamResponse>;
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
  maxBytes: number;
}

export function createTransport(options: TransportOptions): ClubOSTransport {
  const baseUrl = new URL(options.baseUrl);
  const { clock, logger } = options;
  let jar = new CookieJar();

  function request(req: TransportStreamRequest): Promise<TransportStreamResponse>;
  function request(req: TransportRequest): Promise<TransportResponse>;
  async function request(req: TransportRequest | TransportStreamRequest): Promise<TransportResponse | TransportStreamResponse> {
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

    const timeoutMs = req.timeoutMs ?? options.timeoutMs;
    const maxBytes = req.maxBytes ?? options.maxBytes;
    const deadline = AbortSignal.timeout(timeoutMs);
    // Ours to abort when the body goes over its cap, so the connection is dropped, not drained.
    const stop = new AbortController();
    const signal = AbortSignal.any(req.signal ? [deadline, stop.signal, req.signal] : [deadline, stop.signal]);
    const started = clock.now();
    const line = { method: req.method, path: url.pathname };
    try {
      const response = await options.fetch(url, { method: req.method, headers, body, redirect: 'manual', signal });
      for (const setCookie of response.headers.getSetCookie()) await storeCookie(sessionJar, setCookie, url.href);
      const location = response.headers.get('location');
      const target = location === null ? null : new URL(location, url);
      const refusal = refuseAnswer(response, target, { baseUrl, maxBytes, path: url.pathname });
      if (refusal) {
        stop.abort(refusal);
        await response.body?.cancel().catch(() => {});
        throw refusal;
      }
      const sink = 'sinkFor' in req ? req.sinkFor({ status: response.status, location: target }) : null;
      if (sink) {
        await readBodyChunks(response, maxBytes, url.pathname, stop, sink);
        logger.debug('ClubOS request', { ...line, status: response.status, durationMs: clock.now() - started });
        return { status: response.status, location: target, body: null };
      }
      const chunks: Uint8Array[] = [];
      await readBodyChunks(response, maxBytes, url.pathname, stop, (chunk) => void chunks.push(chunk));
      logger.debug('ClubOS request', { ...line, status: response.status, durationMs: clock.now() - started });
      if ('sinkFor' in req) return { status: response.status, location: target, body: joinChunks(chunks) };
      return { status: response.status, location: target, body: await decodeInSlices(chunks) };
    } catch (cause) {
      if (cause instanceof SinkFailure) throw cause.error;
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

/**
 * An answer that is not worth reading: a redirect off the ClubOS host, a declared length over
 * the cap, or a body that cannot be a page (ClubOS answers HTML, plain text or JSON).
 */
function refuseAnswer(response: Response, target: URL | null, ctx: { baseUrl: URL; maxBytes: number; path: string }): ClubOSError | null {
  if (target !== null && response.status >= 300 && response.status < 400 && target.origin !== ctx.baseUrl.origin) {
    return new ClubOSError(
      'wrong_host',
      `ClubOS's address sent Frontdesk to ${target.host} instead of ${ctx.baseUrl.host}. The network may want a sign-in first (public Wi-Fi) or a proxy is in the way; Frontdesk keeps trying.`,
      response.status,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > ctx.maxBytes) return tooLarge(ctx.maxBytes, ctx.path, response.status);
  const type = response.headers.get('content-type');
  if (type !== null && !isPageType(type)) {
    const shown = type.split(';')[0]?.trim().slice(0, 60) ?? '';
    return new ClubOSError('parse', `ClubOS answered ${ctx.path} with ${shown || 'an unknown type'} instead of a page; Frontdesk will try again later.`, response.status);
  }
  return null;
}

function isPageType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type.startsWith('text/') || type === 'application/json' || type === 'application/xhtml+xml' || type === 'application/javascript';
}

function tooLarge(maxBytes: number, path: string, status: number): ClubOSError {
  return new ClubOSError(
    'too_large',
    `ClubOS sent more than ${describeBytes(maxBytes)} for ${path}, more than any real answer; Frontdesk stopped reading it and will try again later.`,
    status,
  );
}

/** Node's TLS and OpenSSL error codes, anywhere in the cause chain fetch wraps them in. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$|EPROTO$)/;

function tlsCode(cause: unknown): string | null {
  let current: unknown = cause;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODE.test(code)) return code;
    current = current.cause;
  }
  return null;
}

/** A zlib failure decoding a compressed body: the server lied about its encoding. */
function isDecodingFailure(cause: unknown): boolean {
  let current: unknown = cause;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) return true;
    current = current.cause;
  }
  return false;
}

function toTransportError(
  cause: unknown,
  ctx: { deadline: AbortSignal; caller: AbortSignal | undefined; timeoutMs: number; what: string },
): ClubOSError {
  if (cause instanceof ClubOSError) return cause;
  if (ctx.caller?.aborted) return new ClubOSError('timeout', `${ctx.what} was cancelled`, undefined, { cause });
  if (ctx.deadline.aborted) {
    return new ClubOSError('timeout', `ClubOS did not answer within ${Math.round(ctx.timeoutMs / 1000)} s (${ctx.what}); Frontdesk will try again later.`, undefined, {
      cause,
    });
  }
  const tls = tlsCode(cause);
  if (tls !== null) {
    return new ClubOSError(
      'tls',
      `The secure connection to ClubOS failed (${tls}). A network that intercepts web traffic (a Wi-Fi sign-in page, a company proxy) or a wrong clock can cause this; Frontdesk keeps trying.`,
      undefined,
      { cause },
    );
  }
  if (isDecodingFailure(cause)) return new ClubOSError('parse', `ClubOS sent a damaged compressed answer (${ctx.what})`, undefined, { cause });
  return new ClubOSError('network', `Could not reach ClubOS (${ctx.what}); Frontdesk will try again later.`, undefined, { cause });
}

/**
 * The body's chunks, each handed to `sink` (and awaited) as it arrives, given up as soon as they
 * pass `maxBytes`; a sink that throws stops the reading, drops the connection, and its error is
 * the request's. The chunks are already decompressed, so the cap counts the decoded size. A text
 * answer's sink holds the bytes and they are decoded only once the whole body is in
 * (decodeInSlices): a body that goes over the cap never becomes strings on the JavaScript heap
 * (which V8 grows and keeps), only buffers that are freed with it.
 */
async function readBodyChunks(response: Response, maxBytes: number, path: string, stop: AbortController, sink: BodySink): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes, path, response.status);
      try {
        await sink(value);
      } catch (error) {
        throw new SinkFailure(error);
      }
    }
  } catch (error) {
    stop.abort(error);
    await reader.cancel(error).catch(() => {});
    throw error;
  }
}

/** The sink's own failure (its reader is gone): passed on as it is, not taken for ClubOS's. */
class SinkFailure extends Error {
  constructor(readonly error: unknown) {
    super('the body\'s reader failed');
  }
}

/** One buffer holding every chunk (a small answer to the inbox request that is not the inbox: a redirect, an error). */
function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const size = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const DECODE_SLICE_BYTES = 1024 * 1024;

/** Decoding runs in slices with a turn of the event loop between them: tens of MB in one go hold the window for 100+ ms. */
async function decodeInSlices(chunks: Uint8Array[]): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let sinceYield = 0;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (!chunk) continue;
    // Each chunk is let go once decoded, so bytes and text are not both held whole.
    chunks[i] = EMPTY;
    parts.push(decoder.decode(chunk, { stream: true }));
    sinceYield += chunk.byteLength;
    if (sinceYield >= DECODE_SLICE_BYTES) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const EMPTY = new Uint8Array(0);
