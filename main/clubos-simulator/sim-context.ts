// What every request handler gets: the simulator's state and services, and the parsed request.
import type { Clock } from '../../common/time/clock';
import type { FaultController } from './faults';
import { htmlResponse, redirectResponse } from './http-io';
import type { SimResponse } from './http-io';
import type { StaffRecord } from './roster';
import type { Session, SessionStore } from './session-store';
import type { SimState } from './state';
import type { TokenSource } from './tokens';
import type { DashboardShape } from './types';

export interface SimDeps {
  state: SimState;
  sessions: SessionStore;
  tokens: TokenSource;
  faults: FaultController;
  clock: Clock;
  credentials: { username: string; password: string };
  memberIdsInLinks: boolean;
  dashboardShape: DashboardShape;
}

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** `X-Requested-With` present: jQuery-style XHR. */
  xhr: boolean;
  /** The session the JSESSIONID cookie names, signed in or not. */
  session: Session | undefined;
  /** The urlencoded body of a POST (empty for other methods). */
  form: Record<string, string>;
}

/** A request that carries a signed-in session. */
export interface SignedInRequest extends SimRequest {
  session: Session;
  user: StaffRecord;
}

export const SOMETHING_NOT_RIGHT = "Something isn't right. Please refresh the page and try again.";
/** The exact body of a refused `Delegate/<id>/url=false` (two spaces, `<br />` around it). */
export const DELEGATE_REFUSED = "<br />Something isn't right.  Please refresh the page and try your request again.<br />";
export const OPTED_OUT_REFUSAL = "Something isn't right. This member has opted out of text messages.";
/** The literal 15-byte body ClubOS answers XHR calls with once the session is gone. */
export const SESSION_EXPIRED_BODY = 'Session Expired';

export function loginViewUrl(tokens: TokenSource): string {
  return `/action/Login/view?__fsk=${tokens.fsk()}`;
}

/** How ClubOS answers a call without a live session: XHR gets the body, a page load the login view. */
export function sessionGoneResponse(xhr: boolean, tokens: TokenSource): SimResponse {
  return xhr ? htmlResponse(SESSION_EXPIRED_BODY) : redirectResponse(loginViewUrl(tokens));
}
