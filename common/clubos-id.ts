// ClubOS user ids (staff, members, prospects, locations): the one definition of what one looks
// like, shared by the client, the database's input checks and the IPC contract.
import { z } from 'zod';
import { ClubOSError } from './errors/clubos-error';

/** A ClubOS user id (staff, member, prospect): numeric, usually 9 digits. */
export type ClubOSId = string;

/** Digits only, at most 12 (ClubOS ids are 9 today): for patterns that find an id inside a URL. */
export const CLUBOS_ID_DIGITS = String.raw`\d{1,12}`;
/** A whole ClubOS id. */
export const CLUBOS_ID_PATTERN = new RegExp(`^${CLUBOS_ID_DIGITS}$`);
/** A ClubOS id where zod parses input: IPC arguments, database input, stored view state. */
export const clubosIdSchema = z.string().regex(CLUBOS_ID_PATTERN, 'expected a numeric ClubOS id');

export function isClubOSId(value: string): value is ClubOSId {
  return CLUBOS_ID_PATTERN.test(value);
}

/** Ids end up in URL paths (`/action/Delegate/<id>/…`), so anything but digits is refused before any request. */
export function requireClubOSId(value: string, what: string): ClubOSId {
  if (!isClubOSId(value)) throw new ClubOSError('rejected', `${what} is not a ClubOS id`);
  return value;
}
