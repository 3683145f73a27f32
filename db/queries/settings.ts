// Non-secret settings as JSON values by key. Secrets belong in the OS keystore
// (main/services/credential-store.ts), so keys that look like one are refused.
import type { z } from 'zod';
import type { DbContext } from '../db-context';
import { DbError } from '../errors';
import type { JsonValue } from '../types';

const SECRET_KEY = /pass(word)?|secret|token|cookie|credential|session/i;

export interface SettingsQueries {
  /** The stored value parsed by `schema`; undefined when missing or no longer valid (logged). */
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  set(key: string, value: JsonValue): void;
  delete(key: string): void;
}

export function settingsQueries(ctx: DbContext): SettingsQueries {
  return {
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const raw: unknown = ctx.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
      if (typeof raw !== 'string') return undefined;
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      ctx.logger.warn('stored setting no longer valid; using the default', { key });
      return undefined;
    },
    set(key, value) {
      if (key.length === 0 || key.length > 100) throw new DbError('invalid_argument', 'setting key: 1–100 characters');
      if (SECRET_KEY.test(key)) throw new DbError('invalid_argument', `setting ${key}: secrets are not stored in the database`);
      const json = JSON.stringify(value);
      ctx
        .prepare(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(key, json, ctx.nowIso());
    },
    delete(key) {
      ctx.prepare('DELETE FROM settings WHERE key = ?').run(key);
    },
  };
}
