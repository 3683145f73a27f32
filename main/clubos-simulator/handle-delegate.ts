// Delegation (acting for a member) and the profile page it leads to (MARKUP.md, Delegation).
import { htmlResponse, redirectResponse } from './http-io';
import type { SimResponse } from './http-io';
import { renderProfile } from './render-profile';
import type { PersonRecord } from './roster';
import { DELEGATE_REFUSED } from './sim-context';
import type { SimDeps, SignedInRequest } from './sim-context';

const DELEGATE_PATH = /^\/action\/Delegate\/([^/]+)\/url=(.*)$/;
const SAFE_TARGET = /^\/action\/[A-Za-z0-9/_.-]*$/;

export function isDelegatePath(path: string): boolean {
  return DELEGATE_PATH.test(path);
}

/** The person a session acts for: a member or, undelegated, the signed-in staff member. */
export function delegatedPerson(req: SignedInRequest, deps: SimDeps): { person: PersonRecord; membership: string | null; isMember: boolean } {
  const id = req.session.delegatedId ?? req.user.id;
  const member = deps.state.member(id);
  if (member) return { person: member, membership: member.membership, isMember: true };
  return { person: deps.state.staffMember(id) ?? req.user, membership: null, isMember: false };
}

/** `GET /action/Delegate/<id>/url=false` (XHR, 200) or `…/url=<path>` (302 there); id 0 undoes it. */
export function delegate(req: SignedInRequest, deps: SimDeps): SimResponse {
  const m = DELEGATE_PATH.exec(req.path);
  const rawId = m?.[1] ?? '';
  let target: string;
  try {
    target = decodeURIComponent(m?.[2] ?? 'false');
  } catch {
    target = 'false';
  }
  const id = rawId === '0' ? req.user.id : rawId;
  if (!deps.state.member(id) && !deps.state.staffMember(id)) return htmlResponse(DELEGATE_REFUSED);
  req.session.delegatedId = id;
  const cookies: Array<readonly [string, string]> = [
    ['delegatedUserId', id],
    ['apiV3AccessToken', deps.tokens.accessToken()],
  ];
  // Only paths of this server: never an open redirect.
  if (SAFE_TARGET.test(target)) return redirectResponse(target, cookies);
  return { ...htmlResponse(''), cookies };
}

export function leadProfile(req: SignedInRequest, deps: SimDeps): SimResponse {
  const { person, membership } = delegatedPerson(req, deps);
  return htmlResponse(renderProfile(person, membership));
}
