import { describe, expect, it } from 'vitest';
import { conversation, memoryDb, msg, OWNER, T0 } from './helpers';

describe('owners', () => {
  it('are added, renamed, listed, enabled and disabled, keeping their sync state', () => {
    const { db } = memoryDb();
    expect(db.owners.upsert({ ownerId: OWNER, name: 'Alex M.' })).toEqual({
      ownerId: OWNER,
      name: 'Alex M.',
      enabled: true,
      lastSuccessAt: null,
      lastError: null,
      consecutiveFailures: 0,
      historyImported: false,
      importStartedAt: null,
      importRecentStored: false,
    });
    db.owners.recordSyncSuccess(OWNER, T0, { historyImported: true });
    expect(db.owners.upsert({ ownerId: OWNER, name: 'Alex Morgan' })).toMatchObject({ name: 'Alex Morgan', historyImported: true });
    expect(db.owners.setEnabled(OWNER, false).enabled).toBe(false);
    expect(db.owners.upsert({ ownerId: OWNER, name: 'Alex Morgan' }).enabled).toBe(false); // enabled kept unless given
    expect(db.owners.upsert({ ownerId: OWNER, name: 'Alex Morgan', enabled: true }).enabled).toBe(true);
    db.owners.upsert({ ownerId: '2002', name: 'Club' });
    expect(db.owners.list().map((o) => o.ownerId)).toEqual([OWNER, '2002']);
    expect(() => db.owners.upsert({ ownerId: 'abc', name: 'x' })).toThrow(/owner\.ownerId/);
    expect(() => db.owners.setEnabled('999', true)).toThrow(/owner 999 does not exist/);
  });

  it('record failures (counted, or as told) and successes (which clear them)', () => {
    const { db } = memoryDb();
    db.owners.upsert({ ownerId: OWNER, name: 'Alex' });
    db.owners.recordSyncFailure(OWNER, { code: 'clubos_network', message: 'connection refused' });
    db.owners.recordSyncFailure(OWNER, { code: 'clubos_network', message: 'connection refused' });
    expect(db.owners.get(OWNER)).toMatchObject({ consecutiveFailures: 2, lastError: { code: 'clubos_network', message: 'connection refused' } });
    db.owners.recordSyncFailure(OWNER, { code: 'clubos_session', message: 'expired' }, 7);
    expect(db.owners.get(OWNER)?.consecutiveFailures).toBe(7);
    db.owners.recordSyncSuccess(OWNER, T0 + 1000);
    expect(db.owners.get(OWNER)).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: '2026-11-25T13:00:01.000Z',
      historyImported: false,
    });
    db.owners.setHistoryImported(OWNER, true);
    expect(db.owners.get(OWNER)?.historyImported).toBe(true);
    expect(() => db.owners.recordSyncSuccess('999', T0)).toThrow(/does not exist/);
  });

  it('remember when their first import began: the first attempt\'s moment, kept by later attempts', () => {
    const { db } = memoryDb();
    db.owners.upsert({ ownerId: OWNER, name: 'Alex' });
    expect(db.owners.beginImport(OWNER, T0).importStartedAt).toBe('2026-11-25T13:00:00.000Z');
    db.owners.setImportRecentStored(OWNER);
    expect(db.owners.beginImport(OWNER, T0 + 3_600_000)).toMatchObject({ importStartedAt: '2026-11-25T13:00:00.000Z', importRecentStored: true });
    expect(() => db.owners.beginImport('999', T0)).toThrow(/does not exist/);
  });

  it('are removed with everything they own', () => {
    const { db } = memoryDb();
    db.owners.upsert({ ownerId: OWNER, name: 'Alex' });
    const c = conversation(db, 'Jane Doe');
    db.messages.insert([msg(c, 1)]);
    expect(db.owners.remove(OWNER)).toBe(true);
    expect(db.owners.remove(OWNER)).toBe(false);
    expect(db.conversations.get(c)).toBeNull();
    expect(db.search({ query: 'message' }).hits).toEqual([]);
  });
});
