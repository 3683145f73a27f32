import { CLUBOS_ID_DIGITS, type ClubOSId } from '../../../common/clubos-id';

const DELEGATE_HREF = new RegExp(String.raw`^(?:https?://[^/]+)?/action/Delegate/(${CLUBOS_ID_DIGITS})(?:/|$)`);

/** The member id a sender link's href carries (`/action/Delegate/<id>/…`); null for `#` and for id 0. */
export function memberIdFromHref(href: string): ClubOSId | null {
  const id = DELEGATE_HREF.exec(href.trim())?.[1] ?? null;
  return id === '0' ? null : id;
}
