// Closing the window hides it: the app keeps polling and notifying from the tray. The first
// time, a notice says so. Quitting (tray, menu, app.quit) really closes it.
import type { BrowserWindow } from 'electron';

export interface CloseToTrayOptions {
  isQuitting: () => boolean;
  trayNoticeShown: () => boolean;
  /** Shows the one-time notice and records that it was shown. */
  showTrayNotice: () => void;
}

export function enableCloseToTray(win: BrowserWindow, options: CloseToTrayOptions): void {
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
    if (!options.trayNoticeShown()) options.showTrayNotice();
  });
}
