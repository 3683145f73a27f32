import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import { lockDownWebContents, restrictPermissions } from './web-security';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

const rendererFile = (): string => join(__dirname, '../renderer/index.html');

/** The URL of the app's own page: the IPC sender check compares every caller with it. */
export function appPageUrl(): string {
  return process.env['ELECTRON_RENDERER_URL'] ?? pathToFileURL(rendererFile()).href;
}

/** Creates the inbox window with every security default on and loads the renderer. */
export function createMainWindow(bounds: WindowBounds): BrowserWindow {
  // The preferences are written out literally (not spread from a constant) so that both the
  // unit test and Electronegativity's static scan see exactly what the window gets.
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Frontdesk',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  restrictPermissions(win.webContents.session);
  lockDownWebContents(win.webContents, shell);
  win.once('ready-to-show', () => win.show());
  loadRenderer(win);
  return win;
}

/** Loads (or reloads) the window's page; `hash` tells the renderer why (`recovered` after a crash). */
export function loadRenderer(win: BrowserWindow, hash?: string): void {
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devServerUrl) void win.loadURL(hash ? `${devServerUrl}#${hash}` : devServerUrl);
  else if (hash) void win.loadFile(rendererFile(), { hash });
  else void win.loadFile(rendererFile());
}
