// How the list is ordered and how dense it is: chosen by the user, kept across restarts.
import { z } from 'zod';
import type { ViewStorage } from './app-deps';

export type ListSort = 'newest' | 'longest_waiting';
export type ListDensity = 'compact' | 'comfortable';

export interface ListPrefs {
  sort: ListSort;
  density: ListDensity;
}

export const DEFAULT_LIST_PREFS: ListPrefs = { sort: 'newest', density: 'compact' };

const KEY = 'frontdesk.listPrefs';
const prefsSchema = z.object({
  sort: z.enum(['newest', 'longest_waiting']).catch('newest'),
  density: z.enum(['compact', 'comfortable']).catch('compact'),
});

export function loadListPrefs(storage: ViewStorage | null | undefined): ListPrefs {
  if (!storage) return DEFAULT_LIST_PREFS;
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return DEFAULT_LIST_PREFS;
    const parsed = prefsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_LIST_PREFS;
  } catch {
    return DEFAULT_LIST_PREFS;
  }
}

export function saveListPrefs(storage: ViewStorage | null | undefined, prefs: ListPrefs): void {
  if (!storage) return;
  try {
    storage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Only the preference is lost.
  }
}
