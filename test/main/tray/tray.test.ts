import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { memoryLogger } from '../../../common/log/logger';
import { systemTimers } from '../../../common/time/timers';
import { watchAppStatus } from '../../../main/shell/app-status';
import { createSyncActions } from '../../../main/shell/sync-actions';
import { conversationUpdatedEvent, fakeCore, messagesAddedEvent, sampleAccount, sampleConversation, sampleSyncStatus } from '../fake-core';

const trays: FakeTray[] = [];
const setBadgeCount = vi.fn();

class FakeImage {
  representations: Array<{ scaleFactor: number; width: number; height: number; buffer: Buffer }> = [];
  constructor(
    readonly buffer: Buffer,
    readonly options: { width: number; height: number; scaleFactor: number },
  ) {}
  addRepresentation(r: { scaleFactor: number; width: number; height: number; buffer: Buffer }) {
    this.representations.push(r);
  }
}
class FakeTray {
  image: FakeImage;
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  handlers = new Map<string, () => void>();
  destroyed = false;
  constructor(image: FakeImage) {
    this.image = image;
    trays.push(this);
  }
  setImage(image: FakeImage) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: MenuItemConstructorOptions[] }) {
    this.menu = menu.template;
  }
  on(event: string, handler: () => void) {
    this.handlers.set(event, handler);
  }
  destroy() {
    this.destroyed = true;
  }
}

vi.mock('electron', () => ({
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
  nativeImage: { createFromBitmap: (buffer: Buffer, options: { width: number; height: number; scaleFactor: number }) => new FakeImage(buffer, options) },
  app: { setBadgeCount },
}));

const { setupTray } = await import('../../../main/shell/tray/tray');
const { drawTrayIcon } = await import('../../../main/shell/tray/tray-icon-pixels');

async function setup(platform: NodeJS.Platform = 'linux') {
  const core = fakeCore();
  core.setUnread(3);
  const status = watchAppStatus({ core, timers: systemTimers, logger: memoryLogger() });
  await status.refresh();
  const sync = createSyncActions({ sync: core.services.sync, isPolling: () => status.current().sync?.polling ?? false, logger: memoryLogger() });
  const open = vi.fn();
  const quit = vi.fn();
  const tray = setupTray({
    status,
    platform,
    formatTime: () => '9:41 AM',
    actions: { open, quit, syncNow: sync.syncNow, togglePolling: sync.togglePolling },
  });
  const fake = trays.at(-1)!;
  const click = (label: string) => {
    const item = fake.menu.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no menu item "${label}" in ${fake.menu.map((i) => i.label).join(', ')}`);
    (item.click as () => void)();
  };
  return { core, status, tray, fake, open, quit, click };
}

describe('tray', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    trays.length = 0;
    setBadgeCount.mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the unread badge, the tooltip and the app badge count', async () => {
    const { fake } = await setup();
    expect(fake.image.buffer.equals(drawTrayIcon('3', 16))).toBe(true);
    expect(fake.image.options).toEqual({ width: 16, height: 16, scaleFactor: 1 });
    expect(fake.image.representations).toEqual([{ scaleFactor: 2, width: 32, height: 32, buffer: drawTrayIcon('3', 32) }]);
    expect(fake.tooltip).toBe('Frontdesk (demo)\n3 unread messages\nSynced 9:41 AM');
    expect(setBadgeCount).toHaveBeenLastCalledWith(3);
  });

  it('menu items call the engine: Sync now, Pause, then Resume', async () => {
    const { core, fake, click } = await setup();
    expect(fake.menu.map((i) => i.label ?? i.type)).toEqual(['Open Frontdesk', 'separator', 'Sync now', 'Pause polling', 'Last synced 9:41 AM', 'separator', 'Quit Frontdesk']);
    click('Sync now');
    expect(core.services.sync.syncNow).toHaveBeenCalledWith();
    click('Pause polling');
    expect(core.services.sync.stopPolling).toHaveBeenCalledWith();
    core.events.emit({ type: 'syncStatusChanged', status: sampleSyncStatus({ polling: false }) });
    await vi.advanceTimersByTimeAsync(200);
    click('Resume polling');
    expect(core.services.sync.startPolling).toHaveBeenCalledWith();
    expect(fake.tooltip).toMatch(/Polling paused$/);
  });

  it('Open and Quit call the shell, and a tray click opens the window (not on macOS)', async () => {
    const { fake, open, quit, click } = await setup('linux');
    click('Open Frontdesk');
    click('Quit Frontdesk');
    expect(open).toHaveBeenCalledTimes(1);
    expect(quit).toHaveBeenCalledTimes(1);
    fake.handlers.get('click')!();
    expect(open).toHaveBeenCalledTimes(2);
    const mac = await setup('darwin');
    expect(mac.fake.handlers.has('click')).toBe(false);
  });

  it('follows new messages and account changes, up to 9+', async () => {
    const { core, fake } = await setup();
    core.setUnread(27);
    core.events.emit(messagesAddedEvent([sampleConversation()], { count: 24 }));
    core.events.emit({ type: 'accountChanged', account: sampleAccount({ mode: 'signed_in', username: 'frontdesk' }) });
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.image.buffer.equals(drawTrayIcon('9+', 16))).toBe(true);
    expect(fake.tooltip.split('\n')[0]).toBe('Frontdesk');
    expect(setBadgeCount).toHaveBeenLastCalledWith(27);
    core.setUnread(0);
    core.events.emit(conversationUpdatedEvent(core.services.conversations.get(1)));
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.image.buffer.equals(drawTrayIcon('none', 16))).toBe(true);
    expect(setBadgeCount).toHaveBeenLastCalledWith(0);
  });

  it('stops updating and removes the icon when destroyed', async () => {
    const { core, tray, fake } = await setup();
    tray.destroy();
    expect(fake.destroyed).toBe(true);
    const calls = setBadgeCount.mock.calls.length;
    core.events.emit(messagesAddedEvent([sampleConversation()], { count: 1 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(setBadgeCount.mock.calls.length).toBe(calls);
  });
});
