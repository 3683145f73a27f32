import { ClubOSError } from './errors';
import type { ClubOSId } from './types';

const CLUBOS_ID = /^\d{1,12}$/;

export function isClubOSId(value: string): value is ClubOSId {
  return CLUBOS_ID.test(value);
}

/** Ids end up in URL paths (`/action/Delegate/<id>/…`), so anything but digits is refused before any request. */
export function requireClubOSId(value: string, what: string): ClubOSId {
  if (!isClubOSId(value)) throw new ClubOSError('rejected', `${what} is not a ClubOS id`);
  return value;
}
