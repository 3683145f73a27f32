// Outreach settings (waiting rules, the late limit for scheduled texts), app-wide in the app
// database, validated by the contract's schema on the way in and out. Business hours are not
// here: they are Knowledge's (Settings → Knowledge); migration 007 moved a stored schedule there.
import { outreachSettingsSchema, type OutreachSettings } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import { DEFAULT_WAITING_RULES } from './waiting-rules';

const KEY = 'outreach';
// Tolerant on the way out: a key this version no longer knows is ignored, not an error.
const stored = outreachSettingsSchema.partial();

export const DEFAULT_OUTREACH_SETTINGS: OutreachSettings = {
  waitingRules: DEFAULT_WAITING_RULES,
  lateLimitMinutes: 60,
};

export interface OutreachSettingsStore {
  get(): OutreachSettings;
  update(change: Partial<OutreachSettings>): OutreachSettings;
}

export function outreachSettingsStore(db: FrontdeskDb): OutreachSettingsStore {
  let cached: OutreachSettings | null = null;
  const get = (): OutreachSettings => (cached ??= { ...DEFAULT_OUTREACH_SETTINGS, ...(db.settings.get(KEY, stored) ?? {}) });
  return {
    get,
    update(change) {
      const next = outreachSettingsSchema.parse({ ...get(), ...change });
      db.settings.set(KEY, next);
      cached = next;
      return next;
    },
  };
}
