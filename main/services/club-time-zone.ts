// The club time zone a person confirmed, per ClubOS account, for clubs whose ClubOS pages name
// none. Kept in the app database (not secret). Changing it applies to what is read from then on:
// nothing already stored is re-derived (README, "Club time zone").
import { z } from 'zod';
import type { FrontdeskDb } from '../../db';
import { assertTimeZone } from '../../common/time/club-time';
import { AppError } from '../../common/errors/app-error';

const KEY = 'clubTimeZones';
const stored = z.record(z.string(), z.string());

export interface ClubTimeZoneStore {
  /** The zone confirmed for `account`, or null. A stored name the runtime no longer knows is none. */
  confirmed(account: string): string | null;
  /** Throws `invalid_argument` for a zone the runtime does not know. */
  confirm(account: string, zone: string): void;
}

export function hostTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

export function clubTimeZoneStore(appDb: FrontdeskDb): ClubTimeZoneStore {
  const all = (): Record<string, string> => appDb.settings.get(KEY, stored) ?? {};
  return {
    confirmed(account) {
      const zone = all()[account];
      return zone !== undefined && isKnownTimeZone(zone) ? zone : null;
    },
    confirm(account, zone) {
      if (!isKnownTimeZone(zone)) throw new AppError('invalid_argument', `"${zone}" is not a time zone this computer knows.`);
      appDb.settings.set(KEY, { ...all(), [account]: zone });
    },
  };
}
