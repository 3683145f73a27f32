import type { BrowserWindow } from 'electron';

/** Brings the window forward from wherever it is: minimized, hidden in the tray or behind others. */
export function focusWindow(win: BrowserWindow | null): void {
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
