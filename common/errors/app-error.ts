// Errors the core raises on purpose, each with the contract's error code. Anything else that
// escapes a handler becomes `internal`, logged, with a generic message.
import type { ApiError, Collision, ErrorCode, StaffMember } from '../contract';
import { isClubOSError, type ClubOSErrorKind } from './clubos-error';
import { isMissingFieldError } from './missing-field-error';

/** Typed details some errors carry across the bridge (see the contract's apiErrorSchema). */
export interface AppErrorDetail {
  assignee?: StaffMember;
  collision?: Collision;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: AppErrorDetail },
  ) {
    super(message, options);
    this.detail = options?.detail ?? {};
  }
  readonly detail: AppErrorDetail;
}

const CLUBOS_CODES: Record<ClubOSErrorKind, ErrorCode> = {
  network: 'clubos_network',
  timeout: 'clubos_timeout',
  too_large: 'clubos_too_large',
  tls: 'clubos_tls',
  wrong_host: 'clubos_wrong_host',
  no_session: 'clubos_no_session',
  redirect_loop: 'clubos_redirect_loop',
  http: 'clubos_network',
  session: 'clubos_session',
  credentials: 'clubos_credentials',
  parse: 'clubos_parse',
  rejected: 'clubos_rejected',
  opted_out: 'opted_out',
};

/** The `{ code, message }` a failure crosses the bridge as. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...error.detail };
  if (isMissingFieldError(error)) return { code: CLUBOS_CODES[error.kind], message: error.userMessage };
  if (isClubOSError(error)) return { code: CLUBOS_CODES[error.kind], message: error.message };
  return { code: 'internal', message: 'Something went wrong inside Frontdesk. The details are in the log.' };
}
