// Opaque values the server hands out, drawn from the seeded RNG so a run can be replayed.
// Token shapes are those of the real pages (MARKUP.md): URL-safe base64 with `=` padding, of the
// lengths each form carries.
import type { Random } from './random';

function bytes(rng: Random, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
  return b;
}

/** URL-safe base64 that keeps its `=` padding, as ClubOS's tokens do. */
function paddedBase64Url(b: Buffer): string {
  return b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The `_sourcePage`/`__fp` lengths of one kind of form, in characters. */
export interface TokenShape {
  sourcePage: 44 | 56;
  fp: 12 | 32 | 128 | 940;
}

/** Characters → bytes for padded base64: 44 ↔ 32, 56 ↔ 40, 12 ↔ 8, 32 ↔ 24, 128 ↔ 96, 940 ↔ 705. */
const BYTES: Readonly<Record<number, number>> = { 44: 32, 56: 40, 12: 8, 32: 24, 128: 96, 940: 705 };

/** The login form's pair (the default). */
export const LOGIN_TOKENS: TokenShape = { sourcePage: 44, fp: 12 };
/** The dashboard's and search page's search forms. */
export const SEARCH_TOKENS: TokenShape = { sourcePage: 56, fp: 12 };
/** The search page's own filter form (its `__fp` grows with the form's many fields). */
export const USER_SEARCH_TOKENS: TokenShape = { sourcePage: 56, fp: 940 };
/** The e-mail form on every full page. */
export const EMAIL_TOKENS: TokenShape = { sourcePage: 56, fp: 32 };
/** The FollowUp popup's form. */
export const FOLLOWUP_TOKENS: TokenShape = { sourcePage: 56, fp: 128 };

export interface TokenSource {
  /** `_sourcePage` of the given length (default 44). */
  sourcePage(length?: TokenShape['sourcePage']): string;
  /** `__fp` of the given length (default 12). URL-safe base64, may end in `=`, which forms must encode. */
  fp(length?: TokenShape['fp']): string;
  /** `JSESSIONID`: 32 upper-case hex digits. */
  sessionId(): string;
  /** `apiV3AccessToken`: opaque to every client. */
  accessToken(): string;
  /** The `__fsk` query of a login-view URL: a signed 32-bit integer. */
  fsk(): number;
}

export function createTokenSource(rng: Random): TokenSource {
  return {
    sourcePage: (length = 44) => paddedBase64Url(bytes(rng, BYTES[length] ?? 32)),
    fp: (length = 12) => paddedBase64Url(bytes(rng, BYTES[length] ?? 8)),
    sessionId: () => bytes(rng, 16).toString('hex').toUpperCase(),
    accessToken: () => bytes(rng, 36).toString('base64url'),
    fsk: () => bytes(rng, 4).readInt32BE(0),
  };
}
