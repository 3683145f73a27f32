// Every ClubOS failure is one of these. Callers branch on `kind`; nothing is swallowed.

export type ClubOSErrorKind =
  | 'network' // connection refused, reset, DNS
  | 'timeout' // no answer within the request's deadline
  | 'too_large' // an answer over its byte cap (decoded size), stopped unread
  | 'tls' // the secure connection failed: certificate or handshake (an intercepting network)
  | 'wrong_host' // an answer sent us to another host than ClubOS (captive portal, proxy, SSO)
  | 'no_session' // ClubOS took the login but handed out no session cookies
  | 'redirect_loop' // ClubOS sends the signed-in client back to its login page
  | 'http' // 5xx or another unexpected status
  | 'session' // session expired and re-login did not bring it back
  | 'credentials' // ClubOS refused the username/password: stop, do not retry
  | 'parse' // a page that cannot be parsed whole
  | 'rejected' // ClubOS answered but refused the action ("Something isn't right")
  | 'opted_out'; // the member opted out of SMS

export class ClubOSError extends Error {
  override readonly name = 'ClubOSError';
  constructor(
    readonly kind: ClubOSErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth retrying later with backoff (as opposed to stopping until the user acts). */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Everything but a refused password, a refused action and an opted-out member is worth another try later. */
const RETRYABLE: ReadonlySet<ClubOSErrorKind> = new Set<ClubOSErrorKind>([
  'network',
  'timeout',
  'too_large',
  'tls',
  'wrong_host',
  'no_session',
  'redirect_loop',
  'http',
  'parse',
  'session',
]);

export function isClubOSError(e: unknown): e is ClubOSError {
  return e instanceof ClubOSError;
}
