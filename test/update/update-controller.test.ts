// The auto-update state machine and schedule with a fake updater (fake timers): checks at start
// and every 6 hours, progress in the menu item, Restart to update, off in demo and development.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { createUpdateController, UPDATE_CHECK_INTERVAL_MS } from '../../main/update/update-controller';
import { initialUpdateState, nextUpdateState, updateMenuItem, type UpdateState } from '../../main/update/update-state';

function fakeUpdater() {
  const emitter = new EventEmitter();
  const updater = Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(() => Promise.resolve(null)),
    quitAndInstall: vi.fn(),
  });
  return updater;
}

describe('update state', () => {
  const now = 1_000;
  it('walks checking → downloading with progress → ready, and a later check keeps ready', () => {
    let s: UpdateState = initialUpdateState;
    s = nextUpdateState(s, { type: 'checking' }, now);
    expect(updateMenuItem(s)).toEqual({ label: 'Checking for updates…', enabled: false, action: null });
    s = nextUpdateState(s, { type: 'available', version: '0.2.0' }, now);
    s = nextUpdateState(s, { type: 'progress', percent: 41.7 }, now);
    expect(updateMenuItem(s)?.label).toBe('Downloading update 0.2.0… 41%');
    // Progress never goes backwards (a retried chunk), nor past 100.
    s = nextUpdateState(s, { type: 'progress', percent: 12 }, now);
    expect(s).toMatchObject({ percent: 41 });
    s = nextUpdateState(s, { type: 'downloaded', version: '0.2.0' }, now);
    expect(updateMenuItem(s)).toEqual({ label: 'Restart to update to 0.2.0', enabled: true, action: 'restart' });
    for (const e of [{ type: 'checking' }, { type: 'not-available' }, { type: 'error', message: 'offline' }, { type: 'available', version: '0.2.0' }] as const) {
      expect(nextUpdateState(s, e, now)).toBe(s);
    }
  });

  it('records an error or an up-to-date check, and stays off when off', () => {
    const failed = nextUpdateState({ kind: 'checking' }, { type: 'error', message: 'sha512 checksum mismatch' }, now);
    expect(failed).toEqual({ kind: 'idle', lastCheckedAt: now, lastError: 'sha512 checksum mismatch', upToDate: false });
    expect(updateMenuItem(failed)?.action).toBe('check');
    expect(nextUpdateState({ kind: 'checking' }, { type: 'not-available' }, now)).toMatchObject({ upToDate: true });
    const off: UpdateState = { kind: 'off', reason: 'demo' };
    expect(nextUpdateState(off, { type: 'downloaded', version: '9.9.9' }, now)).toBe(off);
    expect(updateMenuItem(off)).toBeNull();
  });
});

describe('update controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks when turned on and every 6 hours, downloads in the background and installs on Restart to update', async () => {
    const updater = fakeUpdater();
    const controller = createUpdateController({ updater, timers: systemTimers, now: () => Date.now(), logger: memoryLogger() });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(controller.state()).toEqual({ kind: 'off', reason: 'development' });
    const seen: string[] = [];
    controller.subscribe((s) => seen.push(updateMenuItem(s)?.label ?? 'off'));

    controller.setOff(null);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('checking-for-update');
    updater.emit('update-not-available', { version: '0.1.0' });
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);

    updater.emit('checking-for-update');
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 50 });
    // No second check while downloading.
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(seen).toEqual([
      'Check for updates…',
      'Checking for updates…',
      'Check for updates…',
      'Checking for updates…',
      'Downloading update 0.2.0… 0%',
      'Downloading update 0.2.0… 50%',
      'Restart to update to 0.2.0',
    ]);
    controller.restartToUpdate();
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
    controller.dispose();
  });

  it('does not check while off (demo, development), and stops checking when turned off', async () => {
    const updater = fakeUpdater();
    const controller = createUpdateController({ updater, timers: systemTimers, now: () => Date.now(), logger: memoryLogger() });
    controller.setOff('demo');
    controller.checkNow();
    controller.restartToUpdate();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    controller.setOff(null);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('update-not-available');
    controller.setOff('demo');
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed check out of unhandled rejections and shows it as checkable again', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockImplementation(() => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')));
    const controller = createUpdateController({ updater, timers: systemTimers, now: () => Date.now(), logger: memoryLogger() });
    controller.setOff(null);
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state()).toMatchObject({ kind: 'idle', lastError: 'net::ERR_INTERNET_DISCONNECTED' });
    controller.dispose();
  });
});

describe('auto-update in the shell', () => {
  it('is off in development, off in demo mode, and on once signed in', async () => {
    const { setupAutoUpdate } = await import('../../main/shell/auto-update');
    const { fakeCore, sampleAccount } = await import('../main/fake-core');
    const dev = fakeUpdater();
    const devCore = fakeCore();
    const inDev = setupAutoUpdate({ packaged: false, core: devCore, timers: systemTimers, logger: memoryLogger(), updater: dev });
    expect(inDev.controller.state()).toEqual({ kind: 'off', reason: 'development' });
    expect(inDev.menu.current()).toBeNull();

    const updater = fakeUpdater();
    const core = fakeCore();
    const packaged = setupAutoUpdate({ packaged: true, core, timers: systemTimers, logger: memoryLogger(), updater });
    await vi.waitFor(() => expect(packaged.controller.state()).toEqual({ kind: 'off', reason: 'demo' }));
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    core.events.emit({ type: 'accountChanged', account: sampleAccount({ mode: 'signed_in', username: 'frontdesk' }) });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(packaged.menu.current()).toEqual({ label: 'Check for updates…', enabled: true, action: 'check' });
    core.events.emit({ type: 'accountChanged', account: sampleAccount() });
    expect(packaged.controller.state()).toEqual({ kind: 'off', reason: 'demo' });
    packaged.dispose();
    inDev.dispose();
    expect(dev.checkForUpdates).not.toHaveBeenCalled();
  });
});
