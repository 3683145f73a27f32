// The user's non-secret settings, stored in the app database and validated by the contract's
// schema on the way in and on the way out (a value written by an older version that no longer
// fits falls back to its default).
import { settingsSchema, type Settings } from '../../common/contract';
import type { FrontdeskDb } from '../../db';

export const DEFAULT_SETTINGS: Settings = {
  pollIntervalSeconds: 10,
  notifications: 'name_and_text',
  launchAtLogin: false,
  historyAsRead: true,
  waitingIgnoresImportedAfterDays: 3,
  markRead: 'after_delay',
};

const KEY = 'settings';
const storedSettings = settingsSchema.partial();

export interface SettingsService {
  get(): Settings;
  update(change: Partial<Settings>): Settings;
}

export function settingsService(db: FrontdeskDb): SettingsService {
  let cached: Settings | null = null;
  const get = (): Settings => (cached ??= { ...DEFAULT_SETTINGS, ...(db.settings.get(KEY, storedSettings) ?? {}) });
  return {
    get,
    update(change) {
      const next = settingsSchema.parse({ ...get(), ...change });
      db.settings.set(KEY, next);
      cached = next;
      return next;
    },
  };
}
