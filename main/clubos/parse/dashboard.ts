// The dashboard: who is signed in and which club, read by meaning from whatever view-data objects
// the page carries (club-facts.ts), and the readable inboxes from `select#messages-owner-select`.
// The club location and the time zone are not on every dashboard; they come back null, and the
// caller looks elsewhere (sign-in.ts).
import type { HTMLElement } from 'node-html-parser';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { ClubOSMissingFieldError } from '../../../common/errors/missing-field-error';
import type { ClubLocation, ClubPageContext, StaffMember } from '../types';
import { asClubOSId, readClubFacts } from './club-facts';
import { collapsedText, parseHtml, rejectLoginPage } from './html-document';
import { describeViewData, readPageViewData } from './view-data';

const PAGE = 'the dashboard';

type Owner = ClubPageContext['owners'][number];

export function parseDashboard(html: string): ClubPageContext {
  const root = parseHtml(html, PAGE);
  rejectLoginPage(root, PAGE);
  const data = readPageViewData(root);
  const facts = readClubFacts(data);
  const lookedIn = describeViewData(data);
  const owners = readOwners(root);

  const loggedInUserId = facts.loggedInUserId ?? facts.actingUser?.id ?? null;
  if (loggedInUserId === null) throw new ClubOSMissingFieldError(PAGE, "the signed-in user's id", lookedIn);
  const clubId = facts.clubId ?? asClubOSId(root.querySelector('input[name="filter.clubId"]')?.getAttribute('value'));
  if (clubId === null) throw new ClubOSMissingFieldError(PAGE, 'the club id', lookedIn);

  const staff = facts.staff ?? staffFromOwners(owners);
  const actingId = facts.actingUser?.id ?? loggedInUserId;
  const nameOf = (id: string): string | null =>
    (facts.actingUser?.id === id ? facts.actingUser.name : null) ?? staff.find((s) => s.id === id)?.name ?? null;
  const loggedInUserName = nameOf(loggedInUserId);
  if (loggedInUserName === null) throw new ClubOSMissingFieldError(PAGE, "the signed-in user's name", lookedIn);

  return {
    clubId,
    clubLocationId: facts.clubLocationId,
    timeZone: facts.timeZone,
    loggedInUserId,
    loggedInUserName,
    actingUser: { id: actingId, name: nameOf(actingId) ?? loggedInUserName },
    staff,
    locations: facts.locations ?? locationsFromOwners(owners),
    owners,
  };
}

/** The club's zone on any ClubOS page that names it, or null. Never throws on a page it cannot use. */
export function readPageTimeZone(html: string): string | null {
  try {
    const root = parseHtml(html, 'a ClubOS page');
    return readClubFacts(readPageViewData(root)).timeZone;
  } catch {
    return null;
  }
}

function readOwners(root: HTMLElement): Owner[] {
  const select = root.querySelector('select#messages-owner-select');
  if (!select) throw new ClubOSMissingFieldError(PAGE, 'the inbox list (select#messages-owner-select)');
  const owners: Owner[] = [];
  for (const option of select.querySelectorAll('option')) {
    // Only options naming a ClubOS id are inboxes; anything else ("All") is not one we can read.
    const id = asClubOSId(option.getAttribute('value'));
    if (id === null) continue;
    const group = option.closest('optgroup')?.getAttribute('label') ?? '';
    owners.push({ id, name: collapsedText(option), kind: /club|location/i.test(group) ? 'location' : 'employee' });
  }
  if (owners.length === 0) throw new ClubOSError('parse', "ClubOS's dashboard lists no inbox in select#messages-owner-select");
  return owners;
}

/** Employees as the owner select names them; "My Messages" is the user, not a name. */
function staffFromOwners(owners: readonly Owner[]): StaffMember[] {
  return owners.filter((o) => o.kind === 'employee' && !/^my messages$/i.test(o.name)).map((o) => ({ id: o.id, name: o.name }));
}

function locationsFromOwners(owners: readonly Owner[]): ClubLocation[] {
  return owners.filter((o) => o.kind === 'location').map((o) => ({ id: o.id, name: o.name }));
}
