import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

const created: Array<{ options: Record<string, unknown>; win: FakeWindow }> = [];
const openExternal = vi.fn(() => Promise.resolve());

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  getURL() {
    return 'file:///app/out/renderer/index.html';
  }
}
class FakeWindow {
  webContents = new FakeContents();
  once = vi.fn();
  loadFile = vi.fn(() => Promise.resolve());
  loadURL = vi.fn(() => Promise.resolve());
  constructor(options: Record<string, unknown>) {
    created.push({ options, win: this });
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow, shell: { openExternal } }));

const { createMainWindow, loadRenderer } = await import('../../main/shell/main-window');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('has every security preference on', () => {
    createMainWindow({ width: 800, height: 600 });
    const prefs = created[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['contextIsolation']).toBe(true);
    expect(prefs['sandbox']).toBe(true);
    expect(prefs['nodeIntegration']).toBe(false);
    expect(prefs['nodeIntegrationInWorker']).toBe(false);
    expect(prefs['nodeIntegrationInSubFrames']).toBe(false);
    expect(prefs['webviewTag']).toBe(false);
    // webSecurity must be left to Electron's default (on): never set, never false.
    expect('webSecurity' in prefs).toBe(false);
    expect('allowRunningInsecureContent' in prefs).toBe(false);
    expect(String(prefs['preload'])).toMatch(/preload[/\\]index\.js$/);
  });

  it('denies window.open and opens only https links externally', () => {
    createMainWindow({ width: 800, height: 600 });
    const contents = created[0]!.win.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    openExternal.mockClear();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/x', 'not a url']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents every navigation and webview attachment', () => {
    createMainWindow({ width: 800, height: 600 });
    const contents = created[0]!.win.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      const handler = contents.handlers.get(event);
      expect(handler, event).toBeTypeOf('function');
      handler!({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
  });

  it('grants only the notifications permission', () => {
    createMainWindow({ width: 800, height: 600 });
    const session = created[0]!.win.webContents.session;
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (c: unknown, p: string) => boolean;
    const answers: Record<string, boolean> = {};
    for (const p of ['notifications', 'media', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen']) {
      request(null, p, (ok) => (answers[p] = ok));
    }
    expect(answers).toEqual({
      notifications: true,
      media: false,
      geolocation: false,
      openExternal: false,
      'clipboard-read': false,
      fullscreen: false,
    });
    expect(check(null, 'notifications')).toBe(true);
    expect(check(null, 'media')).toBe(false);
  });

  it('loads the packaged renderer from a file, not a remote URL', () => {
    createMainWindow({ width: 800, height: 600 });
    const win = created[0]!.win;
    expect(win.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[/\\]index\.html$/));
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('reloads after a crash with #recovered, so the window can say so', () => {
    createMainWindow({ width: 800, height: 600 });
    const win = created[0]!.win;
    loadRenderer(win as unknown as BrowserWindow, 'recovered');
    expect(win.loadFile).toHaveBeenLastCalledWith(expect.stringMatching(/renderer[/\\]index\.html$/), { hash: 'recovered' });
  });
});
