// The entry point's wiring with Electron and the core mocked: what runs at launch, in which
// order, and how quitting closes the core first.
import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelNames, requestChannel } from '../../common/contract';
import type { CoreOptions } from '../../main/core/core';
import { fakeCore, type FakeCore } from './fake-core';

const READ_ONLY_MESSAGE =
  'Frontdesk cannot save in its data folder /home/desk/.config/Frontdesk: the folder is read-only. Make it writable, then start Frontdesk again. Nothing was deleted.';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-index-'));
afterAll(async () => {
  (await import('electron-log/node')).default.errorHandler.stopCatching();
  rmSync(dir, { recursive: true, force: true });
});

const h = await vi.hoisted(async () => {
  // Shared with the electron mock factory below, which vitest hoists above the imports.
  const { EventEmitter: Emitter } = await import('node:events');
  class App extends Emitter {
    isPackaged = true;
    lock = true;
    quit = vi.fn(() => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.quitted = true;
    });
    quitted = false;
    paths: Record<string, string> = {};
    readyResolve: () => void = () => {};
    ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
    requestSingleInstanceLock = () => this.lock;
    setAppUserModelId = vi.fn();
    whenReady = () => this.ready;
    getPath = (name: string) => this.paths[name] ?? '/nonexistent';
    getVersion = () => '0.1.0';
    getName = () => 'Frontdesk';
    setBadgeCount = vi.fn();
    setLoginItemSettings = vi.fn();
    setAsDefaultProtocolClient = vi.fn(() => true);
    exit = vi.fn();
  }
  return { app: new App(), windows: [] as unknown[], handled: new Map<string, unknown>(), menus: [] as unknown[], trays: [] as unknown[] };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), {
      id: 41,
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
      setWindowOpenHandler: vi.fn(),
      isDestroyed: () => false,
      send: vi.fn(),
    });
    visible = true;
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      h.windows.push(this);
    }
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = () => false;
    isMinimized = () => false;
    isVisible = () => this.visible;
    isFocused = () => this.focused;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    maximize = vi.fn();
    restore = vi.fn();
    show = vi.fn(() => (this.visible = true));
    hide = vi.fn(() => (this.visible = false));
    focus = vi.fn();
  }
  class Tray {
    constructor() {
      h.trays.push(this);
    }
    setImage = vi.fn();
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    on = vi.fn();
    destroy = vi.fn();
  }
  class Notification extends Emitter {
    static isSupported = () => true;
    show = vi.fn();
    close = vi.fn();
  }
  const image = { addRepresentation: vi.fn() };
  return {
    app: h.app,
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => h.menus.push(m) },
    nativeImage: { createFromBitmap: () => image },
    ipcMain: { handle: (channel: string, listener: unknown) => h.handled.set(channel, listener), removeHandler: (c: string) => h.handled.delete(c) },
    safeStorage: { isAsyncEncryptionAvailable: () => Promise.resolve(true), getSelectedStorageBackend: () => 'gnome_libsecret', encryptStringAsync: vi.fn(), decryptStringAsync: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn(), openPath: vi.fn(() => Promise.resolve('')) },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    crashReporter: { start: vi.fn() },
    powerMonitor: new Emitter(),
    net: { isOnline: () => true },
    utilityProcess: { fork: vi.fn() },
  };
});
vi.mock('electron-log/main', async () => ({ default: (await import('electron-log/node')).default }));
vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: vi.fn(() => Promise.resolve(null)),
    quitAndInstall: vi.fn(),
  });
  return { autoUpdater };
});

const created: { options: CoreOptions | null; core: FakeCore | null; failWith: Error | null } = { options: null, core: null, failWith: null };
vi.mock('../../main/core/create-core', () => ({
  createCore: (options: CoreOptions) => {
    if (created.failWith) return Promise.reject(created.failWith);
    created.options = options;
    created.core = fakeCore();
    return Promise.resolve(created.core);
  },
}));

describe('main/index', () => {
  it('wires the app on ready and closes the core before quitting', async () => {
    h.app.paths = { userData: join(dir, 'userData'), logs: join(dir, 'logs'), appData: join(dir, 'appData') };
    await import('../../main/index');
    expect(h.app.listenerCount('second-instance')).toBe(1);
    expect(h.windows).toHaveLength(0);
    // The crash reporter starts before the app is ready, keeping dumps local unless told otherwise.
    const { crashReporter } = await import('electron');
    expect(crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false, productName: 'Frontdesk' }));

    h.app.readyResolve();
    await vi.waitFor(() => expect(created.core?.start).toHaveBeenCalled());
    const core = created.core!;

    expect(created.options).toMatchObject({ dataDir: join(dir, 'userData') });
    // Polls run in an Electron utility process, not a Node child process.
    const { launchUtilitySyncProcess } = await import('../../main/shell/utility-sync-process');
    expect(created.options?.launchSyncWorker).toBe(launchUtilitySyncProcess);
    expect(await created.options?.credentials.level()).toBe('os');
    expect(h.windows).toHaveLength(1);
    expect([...h.handled.keys()].sort()).toEqual(channelNames.map(requestChannel).sort());
    expect(h.trays).toHaveLength(1);
    expect(h.menus).toHaveLength(1);
    // Packaged and signed in to nothing (the fake core says demo): no update checks.
    const { autoUpdater } = await import('electron-updater');
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();

    // A second launch brings the one window forward, on the conversation its frontdesk:// link names.
    const win = h.windows[0] as EventEmitter & { focus: ReturnType<typeof vi.fn>; hide: ReturnType<typeof vi.fn> };
    expect(h.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('frontdesk');
    const commands: unknown[] = [];
    core.events.subscribe((e) => commands.push(e));
    h.app.emit('second-instance', {}, ['/opt/Frontdesk/frontdesk', '--flag', 'frontdesk://conversation/1']);
    expect(win.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(commands).toContainEqual(expect.objectContaining({ type: 'uiCommand', command: 'openConversation', conversationId: 1 })));
    h.app.emit('second-instance', {}, ['/opt/Frontdesk/frontdesk', 'frontdesk://conversation/1;rm -rf']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(commands.filter((e) => (e as { type: string }).type === 'uiCommand')).toHaveLength(1);

    // Closing the window hides it to the tray.
    const closeEvent = { preventDefault: vi.fn() };
    win.emit('close', closeEvent);
    expect(closeEvent.preventDefault).toHaveBeenCalled();
    expect(win.hide).toHaveBeenCalled();

    // Quit waits for the core to close, then really quits.
    h.app.quit();
    expect(h.app.quitted).toBe(false);
    await vi.waitFor(() => expect(h.app.quitted).toBe(true));
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(h.handled.size).toBe(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules();
    h.app.lock = false;
    h.app.quit.mockClear();
    const listeners = h.app.listenerCount('second-instance');
    await import('../../main/index');
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.app.listenerCount('second-instance')).toBe(listeners);
  });

  it.each([
    [
      'a storage problem, in its own words',
      // Built from the module graph main/index is about to load (vi.resetModules gives it fresh classes).
      async () => new (await import('../../db')).DbError('storage', READ_ONLY_MESSAGE, { problem: 'read_only_folder' }),
      READ_ONLY_MESSAGE,
    ],
    [
      'an unexpected error, without its raw text',
      () => Promise.resolve(Object.assign(new Error('SQLITE_CANTOPEN: unable to open database file'), { code: 'SQLITE_CANTOPEN' })),
      'The log folder',
    ],
  ])('opens the window and says why in it when the core cannot be created: %s', async (_label, makeError, shown) => {
    vi.resetModules();
    const error = await makeError();
    h.app.lock = true;
    h.app.quit.mockClear();
    h.windows.length = 0;
    h.trays.length = 0;
    h.handled.clear();
    created.failWith = error;
    const { dialog } = await import('electron');
    vi.mocked(dialog.showErrorBox).mockClear();
    await import('../../main/index');
    await vi.waitFor(() => expect(h.handled.size).toBeGreaterThan(0));
    expect(h.windows).toHaveLength(1);
    expect(h.trays).toHaveLength(0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    const { appPageUrl } = await import('../../main/shell/main-window');
    const event = { sender: { id: 41 }, senderFrame: { url: appPageUrl(), parent: null } };
    const call = (name: 'getStartupNotice' | 'listConversations') =>
      (h.handled.get(requestChannel(name)) as (e: unknown, args: unknown) => Promise<unknown>)(event, {});
    const answer = (await call('getStartupNotice')) as { ok: true; value: { notice: { level: string; message: string } } };
    expect(answer).toMatchObject({ ok: true, value: { notice: { level: 'error', title: 'Frontdesk could not start' } } });
    expect(answer.value.notice.message).toContain(shown);
    expect(answer.value.notice.message).not.toMatch(/SQLITE|unable to open/);
    expect(await call('listConversations')).toMatchObject({ ok: false, error: { code: 'unavailable', message: answer.value.notice.message } });

    // With no tray, closing the window quits.
    (h.windows[0] as EventEmitter).emit('closed');
    expect(h.app.quit).toHaveBeenCalled();
    expect(h.handled.size).toBe(0);
  });
});
