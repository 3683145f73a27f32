// What a ClubOS page says about the signed-in user and the club, read by meaning from whatever
// view-data objects it carries. Real pages differ: the recent-leads dashboard nests the club
// location and zone in `actingUser` (JSON numbers for ids), other pages carry other objects, and
// some carry a club id only. Every fact is optional here; the page reader decides which it needs.
import { assertTimeZone } from '../../../common/time/club-time';
import type { ClubLocation, StaffMember } from '../types';
import { isJsonObject, type JsonObject, type PageViewData } from './view-data';
import { isClubOSId } from '../../../common/clubos-id';

export interface ClubFacts {
  loggedInUserId: string | null;
  /** The user the page acts as (the signed-in staff member, unless delegated). */
  actingUser: { id: string | null; name: string | null } | null;
  clubId: string | null;
  clubLocationId: string | null;
  /** IANA zone, only when the runtime knows it. */
  timeZone: string | null;
  staff: StaffMember[] | null;
  locations: ClubLocation[] | null;
}

/** A ClubOS id as the app keeps it (a string of digits), from a JSON number or string. */
export function asClubOSId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return isClubOSId(trimmed) ? trimmed : null;
  }
  return null;
}

function asText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function asTimeZone(value: unknown): string | null {
  const zone = asText(value);
  if (zone === null) return null;
  try {
    assertTimeZone(zone);
    return zone;
  } catch {
    return null;
  }
}

const PERSON_KEYS = ['actingUser', 'loggedInUser', 'currentUser', 'user'] as const;
const PERSON_ID_KEYS = ['tfoUserId', 'id', 'userId'] as const;
const ZONE_KEYS = ['timeZoneId', 'timeZone', 'timezone', 'clubTimeZone', 'timeZoneName'] as const;
const STAFF_LIST_KEYS = ['clubEmployeesList', 'employeesList', 'employees', 'staff'] as const;
const LOCATION_LIST_KEYS = ['clubLocationList', 'clubLocations', 'locations'] as const;
/** `window.*` strings that hold the club's zone on the pages seen so far. */
const ZONE_STRING = /time ?zone/i;
/** The permission statements and similar lists are large and hold nothing we read. */
const MAX_DEPTH = 3;

/** Every object inside the view data, breadth first, each with its depth. */
function* objectsIn(data: PageViewData): Generator<JsonObject> {
  let level: JsonObject[] = data.objects.map((o) => o.value);
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: JsonObject[] = [];
    for (const object of level) {
      yield object;
      for (const value of Object.values(object)) if (isJsonObject(value)) next.push(value);
    }
    level = next;
  }
}

/** The first value under one of `keys` that `convert` accepts. */
function firstValue<T>(data: PageViewData, keys: readonly string[], convert: (value: unknown) => T | null): T | null {
  for (const object of objectsIn(data)) {
    for (const key of keys) {
      if (!(key in object)) continue;
      const converted = convert(object[key]);
      if (converted !== null) return converted;
    }
  }
  return null;
}

function personName(object: JsonObject): string | null {
  const parts = [asText(object.firstName), asText(object.lastName)].filter((p): p is string => p !== null);
  if (parts.length > 0) return parts.join(' ');
  return asText(object.name) ?? asText(object.fullName);
}

function personId(object: JsonObject): string | null {
  for (const key of PERSON_ID_KEYS) {
    const id = asClubOSId(object[key]);
    if (id !== null) return id;
  }
  return null;
}

function readList<T>(data: PageViewData, keys: readonly string[], item: (object: JsonObject) => T | null): T[] | null {
  return firstValue(data, keys, (value) => {
    if (!Array.isArray(value)) return null;
    const items = value.map((v) => (isJsonObject(v) ? item(v) : null));
    // A list with an item we cannot read is not the list we are after.
    return items.every((i): i is T => i !== null) ? items : null;
  });
}

export function readClubFacts(data: PageViewData): ClubFacts {
  const person = firstValue(data, PERSON_KEYS, (value) => (isJsonObject(value) ? value : null));
  const actingUserId = (person ? personId(person) : null) ?? firstValue(data, ['actingUserId'], asClubOSId);
  const actingUserName = person ? personName(person) : null;
  const zoneFromStrings = [...data.strings].find(([name, value]) => ZONE_STRING.test(name) && asTimeZone(value) !== null)?.[1] ?? null;
  return {
    loggedInUserId: firstValue(data, ['loggedInUserId'], asClubOSId),
    actingUser: actingUserId === null && actingUserName === null ? null : { id: actingUserId, name: actingUserName },
    clubId: (person ? asClubOSId(person.clubId) : null) ?? firstValue(data, ['clubId'], asClubOSId),
    clubLocationId: (person ? asClubOSId(person.clubLocationId) : null) ?? firstValue(data, ['clubLocationId'], asClubOSId),
    timeZone:
      (person ? ZONE_KEYS.map((k) => asTimeZone(person[k])).find((z) => z !== null) ?? null : null) ??
      firstValue(data, ZONE_KEYS, asTimeZone) ??
      asTimeZone(zoneFromStrings),
    staff: readList(data, STAFF_LIST_KEYS, (o) => {
      const id = personId(o);
      const name = personName(o);
      return id !== null && name !== null ? { id, name } : null;
    }),
    locations: readList(data, LOCATION_LIST_KEYS, (o) => {
      const id = asClubOSId(o.id) ?? asClubOSId(o.clubLocationId);
      const name = asText(o.name);
      return id !== null && name !== null ? { id, name } : null;
    }),
  };
}
