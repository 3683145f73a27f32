// The one module that touches `window.frontdesk`, plus the helpers that turn an `Outcome` into a
// value or a typed error, so the store never handles raw bridge failures.
import type { ApiError, ErrorCode, Outcome } from '../../common/contract';
import type { FrontdeskApi } from '../../common/frontdesk-api';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** With `already_assigned` and `confirm_needed`: who holds it, what a send would collide with. */
    readonly details: Pick<ApiError, 'assignee' | 'collision'> = {},
  ) {
    super(message);
  }
}

const BRIDGE_FAILURE: ApiError = {
  code: 'internal',
  message: 'Frontdesk could not reach its background process. Try again, or restart the app.',
};

/** The preload bridge; fails loudly when the page is opened outside the app. */
export function frontdeskApi(): FrontdeskApi {
  const api = (window as Partial<Window>).frontdesk;
  if (!api) throw new Error('window.frontdesk is missing: this page must run inside Frontdesk');
  return api;
}

/** Awaits a request and returns its value; a refusal or a broken bridge throws `ApiRequestError`. */
export async function unwrap<T>(pending: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await pending;
  } catch {
    throw new ApiRequestError(BRIDGE_FAILURE.code, BRIDGE_FAILURE.message);
  }
  if (!outcome.ok) {
    const { code, message, assignee, collision } = outcome.error;
    throw new ApiRequestError(code, message, { ...(assignee ? { assignee } : {}), ...(collision ? { collision } : {}) });
  }
  return outcome.value;
}

/** The `{ code, message }` to show for anything a request threw. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiRequestError) return { code: error.code, message: error.message, ...error.details };
  // Not a refusal from the core but a bug on this side: keep it visible in the devtools console.
  console.error(error);
  return BRIDGE_FAILURE;
}
