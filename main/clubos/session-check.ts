// How ClubOS says a session is gone: the literal body `Session Expired` (XHR calls), a redirect
// to the login view (page calls), or 401/403.
import { ClubOSError } from '../../common/errors/clubos-error';
import type { BodySink, TransportBytesResponse, TransportResponse } from './http-transport';

/** The longest body that can still be `Session Expired` with whitespace around it. */
const EXPIRED_MAX_BYTES = 256;

export function isSessionExpiredBody(body: string | Uint8Array): boolean {
  if (typeof body !== 'string') return body.byteLength <= EXPIRED_MAX_BYTES && isSessionExpiredBody(new TextDecoder().decode(body));
  return body.trim().toLowerCase() === 'session expired';
}

type AnyResponse = TransportResponse | TransportBytesResponse;

export function isLoginRedirect(response: AnyResponse): boolean {
  return response.status >= 300 && response.status < 400 && response.location !== null && /^\/action\/Login(\/|$)/i.test(response.location.pathname);
}

/** Throws `session` for a lost session and `http` for a server failure; otherwise returns. */
export function assertLiveSession(response: AnyResponse, what: string): void {
  if (response.status === 401 || response.status === 403) throw new ClubOSError('session', `ClubOS answered ${response.status} to ${what}`, response.status);
  if (isLoginRedirect(response)) throw new ClubOSError('session', `ClubOS sent ${what} to the login page`, response.status);
  if (response.status >= 500) throw new ClubOSError('http', `ClubOS failed ${what} (HTTP ${response.status})`, response.status);
  if (response.status === 200 && isSessionExpiredBody(response.body)) throw new ClubOSError('session', `ClubOS answered ${what} with "Session Expired"`, 200);
}

/** A live session and a 200 answer, or a typed error. */
export function requireOk(response: TransportBytesResponse, what: string): Uint8Array;
export function requireOk(response: TransportResponse, what: string): string;
export function requireOk(response: AnyResponse, what: string): string | Uint8Array {
  assertLiveSession(response, what);
  if (response.status !== 200) throw new ClubOSError('http', `ClubOS answered ${what} with an unexpected HTTP ${response.status}`, response.status);
  return response.body;
}

/**
 * A 200 answer's body on its way to `sink`, held back until it is longer than "Session Expired"
 * can be: ClubOS says an XHR's session is gone with that body and a 200, and the sink (the sync
 * worker's reader) must not take it for a page. `end` throws `session` for it, else hands over
 * what was held.
 */
export function sessionExpiredGuard(sink: BodySink, what: string): { write: BodySink; end(): Promise<void> } {
  let held: Uint8Array[] | null = [];
  let heldBytes = 0;
  const flush = async (): Promise<void> => {
    const chunks = held ?? [];
    held = null;
    for (const chunk of chunks) await sink(chunk);
  };
  return {
    async write(chunk) {
      if (!held) return sink(chunk);
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes > EXPIRED_MAX_BYTES) await flush();
    },
    async end() {
      if (held && isSessionExpiredBody(joined(held))) throw new ClubOSError('session', `ClubOS answered ${what} with "Session Expired"`, 200);
      await flush();
    },
  };
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
