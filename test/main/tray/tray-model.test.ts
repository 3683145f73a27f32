import { describe, expect, it } from 'vitest';
import { buildTrayModel, lastSyncedAt, trayBadge } from '../../../main/shell/tray/tray-model';
import { sampleSyncStatus } from '../fake-core';

const formatTime = (iso: string) => `<${iso.slice(11, 16)}>`;

describe('trayBadge', () => {
  it('shows nothing for 0, the digit for 1–9 and 9+ above', () => {
    expect(trayBadge(0)).toBe('none');
    expect(trayBadge(-3)).toBe('none');
    expect(trayBadge(Number.NaN)).toBe('none');
    for (let n = 1; n <= 9; n++) expect(trayBadge(n)).toBe(String(n));
    expect(trayBadge(10)).toBe('9+');
    expect(trayBadge(12_345)).toBe('9+');
  });
});

describe('buildTrayModel', () => {
  const owner = sampleSyncStatus().owners[0]!;

  it('lists Open, Sync now, Pause polling, the last sync time and Quit', () => {
    const model = buildTrayModel({ unread: 3, sync: sampleSyncStatus(), demo: false, formatTime });
    expect(model.menu).toEqual([
      { kind: 'action', action: 'open', label: 'Open Frontdesk', enabled: true },
      { kind: 'separator' },
      { kind: 'action', action: 'syncNow', label: 'Sync now', enabled: true },
      { kind: 'action', action: 'togglePolling', label: 'Pause polling', enabled: true },
      { kind: 'info', label: 'Last synced <15:41>' },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit Frontdesk', enabled: true },
    ]);
    expect(model.badge).toBe('3');
    expect(model.tooltip).toBe('Frontdesk\n3 unread messages\nSynced <15:41>');
  });

  it('offers Resume when polling is paused and says so in the tooltip', () => {
    const model = buildTrayModel({ unread: 0, sync: sampleSyncStatus({ polling: false }), demo: false, formatTime });
    expect(model.menu).toContainEqual({ kind: 'action', action: 'togglePolling', label: 'Resume polling', enabled: true });
    expect(model.tooltip).toBe('Frontdesk\nNo unread messages\nPolling paused');
  });

  it('labels demo mode and disables sync before the first status', () => {
    const model = buildTrayModel({ unread: 1, sync: null, demo: true, formatTime });
    expect(model.tooltip).toBe('Frontdesk (demo)\n1 unread message\nStarting…');
    expect(model.menu.filter((e) => e.kind === 'action' && !e.enabled).map((e) => e.kind === 'action' && e.action)).toEqual(['syncNow', 'togglePolling']);
    expect(model.menu).toContainEqual({ kind: 'info', label: 'Not synced yet' });
  });

  it('puts sign-in failures and retries ahead of the sync time', () => {
    const sync = (state: typeof owner.state) => sampleSyncStatus({ owners: [owner, { ...owner, ownerId: '100000002', state }] });
    expect(buildTrayModel({ unread: 0, sync: sync('auth_failed'), demo: false, formatTime }).tooltip).toMatch(/ClubOS sign-in failed$/);
    expect(buildTrayModel({ unread: 0, sync: sync('backing_off'), demo: false, formatTime }).tooltip).toMatch(/Cannot reach ClubOS, retrying$/);
    expect(buildTrayModel({ unread: 0, sync: sync('syncing'), demo: false, formatTime }).tooltip).toMatch(/Syncing…$/);
  });

  it('takes the latest successful sync over all owners, by instant not by text', () => {
    const status = sampleSyncStatus({
      owners: [
        { ...owner, lastSuccessAt: '2026-03-02T15:41:00.000Z' },
        { ...owner, ownerId: '100000002', lastSuccessAt: '2026-03-02T10:50:00-06:00' },
        { ...owner, ownerId: '100000003', lastSuccessAt: null },
      ],
    });
    expect(lastSyncedAt(status)).toBe('2026-03-02T10:50:00-06:00');
    expect(lastSyncedAt(sampleSyncStatus({ owners: [{ ...owner, lastSuccessAt: null }] }))).toBeNull();
  });
});
