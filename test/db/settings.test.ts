import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { memoryDb } from './helpers';

describe('settings', () => {
  it('store JSON values by key and read them through a schema', () => {
    const { db } = memoryDb();
    const interval = z.number().int().min(5);
    expect(db.settings.get('pollIntervalSeconds', interval)).toBeUndefined();
    db.settings.set('pollIntervalSeconds', 30);
    db.settings.set('window', { width: 900, height: 700, maximized: false });
    expect(db.settings.get('pollIntervalSeconds', interval)).toBe(30);
    expect(db.settings.get('window', z.object({ width: z.number(), height: z.number(), maximized: z.boolean() }))).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
    db.settings.set('pollIntervalSeconds', 60);
    expect(db.settings.get('pollIntervalSeconds', interval)).toBe(60);
    db.settings.delete('pollIntervalSeconds');
    expect(db.settings.get('pollIntervalSeconds', interval)).toBeUndefined();
  });

  it('treat a stored value the schema no longer accepts as missing, and say so in the log', () => {
    const { db, logger } = memoryDb();
    db.settings.set('pollIntervalSeconds', 'often');
    expect(db.settings.get('pollIntervalSeconds', z.number())).toBeUndefined();
    expect(logger.lines.some((l) => l.level === 'warn' && l.fields.key === 'pollIntervalSeconds')).toBe(true);
  });

  it('refuse keys that look like secrets', () => {
    const { db } = memoryDb();
    for (const key of ['password', 'clubosToken', 'sessionCookie', 'apiSecret']) {
      expect(() => db.settings.set(key, 'x'), key).toThrow(/secrets are not stored/);
    }
  });
});
