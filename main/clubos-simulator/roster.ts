// The generated club: ids, staff, members and locations, all from the seed.
import type { Random } from './random';
import {
  AREA_CODES,
  CITY_NAMES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATION_SUFFIXES,
  MEMBERSHIP_TYPES,
  STAFF_ROLES,
} from './text-corpus';

/** How often a member texts: a few PT clients text a lot, most members once or never (§7.1). */
export type TextingHabit = 'pt' | 'regular' | 'occasional';

export interface PersonRecord {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string;
}

export interface StaffRecord extends PersonRecord {
  /** "First Last", as the dashboard lists employees. */
  name: string;
  role: string;
}

export interface MemberRecord extends PersonRecord {
  membership: string;
  habit: TextingHabit;
  /**
   * Opt-outs come from a minority who reply STOP to reminders, often more than once; PT clients
   * never opt out. Keeps most of a demo club reachable by text while STOP rows stay near 8%.
   */
  optOutProne: boolean;
}

export interface LocationRecord {
  id: string;
  name: string;
  defaultSalesPersonId: string;
}

export interface Roster {
  clubId: string;
  locations: LocationRecord[];
  /** `staff[0]` is the account the credentials sign in as. */
  staff: StaffRecord[];
  members: MemberRecord[];
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

/** "Alex M.": how FollowUp entries name their author. */
export function shortName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName.charAt(0)}.`;
}

function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function generateRoster(rng: Random, counts: { members: number; staff: number }): Roster {
  const usedIds = new Set<string>();
  const newId = (digits: number): string => {
    for (;;) {
      const id = String(rng.int(10 ** (digits - 1), 10 ** digits - 1));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const phone = (): string => `(${rng.pick(AREA_CODES)}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
  const email = (first: string, last: string): string =>
    `${asciiFold(first)}.${asciiFold(last)}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`;

  // Unique full names keep name-keyed conversations unambiguous, and no member may share a
  // staff short name: a client tells staff entries from member entries by the author.
  const usedFullNames = new Set<string>();
  const staffShortNames = new Set<string>();
  const newName = (isStaff: boolean): { firstName: string; lastName: string } => {
    for (let attempt = 0; ; attempt++) {
      const firstName = rng.pick(FIRST_NAMES);
      // Past the plain combinations, a middle initial keeps names unique for large clubs.
      const lastName = attempt < 50 ? rng.pick(LAST_NAMES) : `${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(LAST_NAMES)}`;
      const name = { firstName, lastName };
      const full = fullName(name);
      const short = shortName(name);
      if (usedFullNames.has(full)) continue;
      if (staffShortNames.has(short)) continue;
      usedFullNames.add(full);
      if (isStaff) staffShortNames.add(short);
      return name;
    }
  };

  const staff: StaffRecord[] = [];
  for (let i = 0; i < counts.staff; i++) {
    const n = newName(true);
    staff.push({
      id: newId(9),
      ...n,
      name: fullName(n),
      email: email(n.firstName, n.lastName),
      mobilePhone: phone(),
      role: i === 0 ? 'Location Manager' : rng.pick(STAFF_ROLES),
    });
  }

  const members: MemberRecord[] = [];
  for (let i = 0; i < counts.members; i++) {
    const n = newName(false);
    const r = rng.next();
    const habit: TextingHabit = r < 0.04 ? 'pt' : r < 0.25 ? 'regular' : 'occasional';
    members.push({
      id: newId(9),
      ...n,
      email: email(n.firstName, n.lastName),
      mobilePhone: phone(),
      membership: rng.pick(MEMBERSHIP_TYPES),
      habit,
      optOutProne: habit === 'occasional' && rng.chance(0.33),
    });
  }

  const city = rng.pick(CITY_NAMES);
  const suffixes = [...LOCATION_SUFFIXES];
  const locations: LocationRecord[] = [0, 1].map((i) => {
    const suffix = suffixes.splice(rng.int(0, suffixes.length - 1), 1)[0] ?? 'Main';
    const salesPerson = staff[Math.min(i, staff.length - 1)];
    return { id: newId(4), name: `${city} - ${suffix}`, defaultSalesPersonId: salesPerson?.id ?? '' };
  });

  return { clubId: newId(3), locations, staff, members };
}
