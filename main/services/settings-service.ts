// The user's non-secret settings, stored in the app database and validated by the contract's
// schema on the way in and on the way out (a value written by an older version that no longer
// fits falls back to its default).
import { settingsSchema, type Settings } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
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

export type SettingsListener = (saved: Settings, change: Partial<Settings>) => void;

export interface SettingsService {
  get(): Settings;
  update(change: Partial<Settings>): Settings;
  /** Called after every save with the saved settings and the change; returns the unsubscribe. */
  onSaved(listener: SettingsListener): () => void;
}

export function settingsService(db: FrontdeskDb, logger: Logger): SettingsService {
  let cached: Settings | null = null;
  const listeners = new Set<SettingsListener>();
  const get = (): Settings => (cached ??= { ...DEFAULT_SETTINGS, ...(db.settings.get(KEY, storedSettings) ?? {}) });
  return {
    get,
    update(change) {
      const next = settingsSchema.parse({ ...get(), ...change });
      db.settings.set(KEY, next);
      cached = next;
      for (const listener of [...listeners]) {
        // The settings are stored by now: a failing listener must not report the save as failed.
        try {
          listener(next, change);
        } catch (error) {
          logger.error('applying saved settings failed', { error });
        }
      }
      return next;
    },
    onSaved(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
