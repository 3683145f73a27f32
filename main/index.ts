// The Electron entry point: lifecycle first, then one setup call per concern.
import type { BrowserWindow } from 'electron';
import { app } from 'electron';
import { createMainWindow } from './shell/main-window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    win = createMainWindow({ width: 1200, height: 800 });
  });
}
