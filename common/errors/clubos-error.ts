// Every ClubOS failure is one of these. Callers branch on `kind`; nothing is swallowed.

export type ClubOSErrorKind =
  | 'network' // connection refused, reset, DNS
  | 'timeout' // no answer within the request's deadline
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
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'http' || this.kind === 'parse' || this.kind === 'session';
  }
}

export function isClubOSError(e: unknown): e is ClubOSError {
  return e instanceof ClubOSError;
}
