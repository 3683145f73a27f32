import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { watchAppStatus } from '../../main/shell/app-status';
import { fakeCore, sampleSyncStatus } from './fake-core';

const installed: MenuItemConstructorOptions[][] = [];
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => installed.push(menu.template),
  },
}));

const { buildAppMenuTemplate } = await import('../../main/shell/app-menu-template');
const { setupAppMenu } = await import('../../main/shell/app-menu');

const actions = () => ({
  syncNow: vi.fn(),
  togglePolling: vi.fn(),
  openSettings: vi.fn(),
  focusSearch: vi.fn(),
  showHelp: vi.fn(),
  openLogFolder: vi.fn(),
  importGymBot: vi.fn(),
});

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
/** Every item, depth first. */
const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...flatten(submenu(i))]);
const byLabel = (items: MenuItemConstructorOptions[], label: string) => flatten(items).find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('application menu template', () => {
  const base = { platform: 'linux' as NodeJS.Platform, packaged: true, polling: true, appName: 'Frontdesk' };

  it('binds Sync now to CmdOrCtrl+R, and nothing else takes it', () => {
    for (const packaged of [true, false]) {
      const a = actions();
      const template = buildAppMenuTemplate({ ...base, packaged }, a);
      const sync = byLabel(template, 'Sync now');
      expect(sync?.accelerator).toBe('CmdOrCtrl+R');
      click(sync);
      expect(a.syncNow).toHaveBeenCalled();
      const others = flatten(template).filter((i) => i !== sync && (i.accelerator === 'CmdOrCtrl+R' || i.role === 'reload'));
      expect(others).toEqual([]);
    }
  });

  it('labels the polling item by state and toggles it', () => {
    const a = actions();
    click(byLabel(buildAppMenuTemplate(base, a), 'Pause polling'));
    expect(byLabel(buildAppMenuTemplate({ ...base, polling: false }, a), 'Resume polling')).toBeDefined();
    expect(a.togglePolling).toHaveBeenCalledTimes(1);
  });

  it('has Settings, Find, Keyboard shortcuts and Open log folder wired to their actions', () => {
    const a = actions();
    const template = buildAppMenuTemplate(base, a);
    click(byLabel(template, 'Settings'));
    click(byLabel(template, 'Find'));
    click(byLabel(template, 'Keyboard shortcuts'));
    click(byLabel(template, 'Open log folder'));
    for (const fn of [a.openSettings, a.focusSearch, a.showHelp, a.openLogFolder]) expect(fn).toHaveBeenCalledTimes(1);
    expect(submenu(template.find((i) => i.role === 'help')).map((i) => i.label)).toEqual(['Keyboard shortcuts', 'Open log folder']);
  });

  it('has File → Import from gym bot… on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const a = actions();
      const template = buildAppMenuTemplate({ ...base, platform }, a);
      const file = template.find((i) => i.label === (platform === 'darwin' ? 'Inbox' : 'File'));
      const item = submenu(file).find((i) => i.label === 'Import from gym bot…');
      click(item);
      expect(a.importGymBot).toHaveBeenCalledTimes(1);
    }
  });

  it('shows the update item with its progress in Help (the app menu on macOS), and only while updates are on', () => {
    const a = { ...actions(), update: vi.fn() };
    const downloading = buildAppMenuTemplate({ ...base, update: { label: 'Downloading update 0.2.0… 41%', enabled: false, action: null } }, a);
    const help = submenu(downloading.find((i) => i.role === 'help'));
    expect(help.at(-1)).toMatchObject({ label: 'Downloading update 0.2.0… 41%', enabled: false });
    const ready = buildAppMenuTemplate({ ...base, update: { label: 'Restart to update to 0.2.0', enabled: true, action: 'restart' } }, a);
    click(byLabel(ready, 'Restart to update to 0.2.0'));
    expect(a.update).toHaveBeenCalledWith('restart');
    const mac = buildAppMenuTemplate({ ...base, platform: 'darwin', update: { label: 'Check for updates…', enabled: true, action: 'check' } }, a);
    expect(submenu(mac[0]).map((i) => i.label ?? i.role)).toContain('Check for updates…');
    expect(flatten(buildAppMenuTemplate({ ...base, update: null }, a)).some((i) => /update/i.test(i.label ?? ''))).toBe(false);
  });

  it('offers developer tools and force reload only in development', () => {
    const roles = (packaged: boolean) => flatten(buildAppMenuTemplate({ ...base, packaged }, actions())).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(false)).toContain('forceReload');
  });

  it('has File, Edit, View, Window and Help, and on macOS the app menu first with Settings in it', () => {
    const top = (platform: NodeJS.Platform) => buildAppMenuTemplate({ ...base, platform }, actions()).map((i) => i.label ?? i.role);
    expect(top('linux')).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(top('win32')).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(top('darwin')).toEqual(['Frontdesk', 'Inbox', 'Edit', 'View', 'windowMenu', 'help']);
    const mac = buildAppMenuTemplate({ ...base, platform: 'darwin' }, actions());
    expect(submenu(mac[0]).map((i) => i.label ?? i.role)).toContain('Settings…');
    expect(flatten(submenu(mac[1])).map((i) => i.role)).not.toContain('quit');
  });
});

describe('setupAppMenu', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    installed.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('installs the menu and rebuilds it only when polling flips', async () => {
    const core = fakeCore();
    const status = watchAppStatus({ core, timers: systemTimers, logger: memoryLogger() });
    await status.refresh();
    setupAppMenu(status, { platform: 'linux', packaged: true, appName: 'Frontdesk' }, actions());
    expect(installed).toHaveLength(1);
    expect(byLabel(installed[0]!, 'Pause polling')).toBeDefined();
    core.events.emit({ type: 'syncStatusChanged', status: sampleSyncStatus() });
    await vi.advanceTimersByTimeAsync(200);
    expect(installed).toHaveLength(1);
    core.events.emit({ type: 'syncStatusChanged', status: sampleSyncStatus({ polling: false }) });
    await vi.advanceTimersByTimeAsync(200);
    expect(installed).toHaveLength(2);
    expect(byLabel(installed[1]!, 'Resume polling')).toBeDefined();
  });
});
