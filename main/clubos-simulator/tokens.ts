// Opaque values the server hands out, drawn from the seeded RNG so a run can be replayed.
import type { Random } from './random';

function bytes(rng: Random, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
  return b;
}

export interface TokenSource {
  /** `_sourcePage`: 44 characters of URL-safe base64 ending in `=`. */
  sourcePage(): string;
  /** `__fp`: 12 characters of standard base64 (may hold `+` and `/`, which forms must encode). */
  fp(): string;
  /** `JSESSIONID`: 32 upper-case hex digits. */
  sessionId(): string;
  /** `apiV3AccessToken`: opaque to every client. */
  accessToken(): string;
  /** The `__fsk` query of a login-view URL: a signed 32-bit integer. */
  fsk(): number;
}

export function createTokenSource(rng: Random): TokenSource {
  return {
    sourcePage: () => bytes(rng, 32).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    fp: () => bytes(rng, 9).toString('base64'),
    sessionId: () => bytes(rng, 16).toString('hex').toUpperCase(),
    accessToken: () => bytes(rng, 36).toString('base64url'),
    fsk: () => bytes(rng, 4).readInt32BE(0),
  };
}
