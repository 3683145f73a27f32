// The tray icon (with the unread badge), its tooltip and menu, and the app badge, redrawn from
// the app status whenever it changes.
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { AppStatus, AppStatusSnapshot } from '../app-status';
import { drawTrayIcon } from './tray-icon-pixels';
import { buildTrayModel, type TrayAction, type TrayBadge, type TrayMenuEntry } from './tray-model';

export interface TrayOptions {
  status: AppStatus;
  actions: Record<TrayAction, () => void>;
  formatTime: (iso: string) => string;
  platform: NodeJS.Platform;
}

export interface AppTray {
  destroy(): void;
}

const icons = new Map<TrayBadge, NativeImage>();

/** The icon for a badge at 16 px, with a 32 px representation for HiDPI trays. */
export function trayIcon(badge: TrayBadge): NativeImage {
  let image = icons.get(badge);
  if (!image) {
    image = nativeImage.createFromBitmap(drawTrayIcon(badge, 16), { width: 16, height: 16, scaleFactor: 1 });
    image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: drawTrayIcon(badge, 32) });
    icons.set(badge, image);
  }
  return image;
}

function menuItem(entry: TrayMenuEntry, actions: Record<TrayAction, () => void>): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'info':
      return { label: entry.label, enabled: false };
    case 'action':
      return { label: entry.label, enabled: entry.enabled, click: () => actions[entry.action]() };
  }
}

export function setupTray({ status, actions, formatTime, platform }: TrayOptions): AppTray {
  const tray = new Tray(trayIcon('none'));
  const render = (snapshot: AppStatusSnapshot): void => {
    const model = buildTrayModel({
      unread: snapshot.unread,
      sync: snapshot.sync,
      demo: snapshot.account?.mode === 'demo',
      formatTime,
    });
    tray.setImage(trayIcon(model.badge));
    tray.setToolTip(model.tooltip);
    // Linux app indicators pick up menu changes only through a new setContextMenu call.
    tray.setContextMenu(Menu.buildFromTemplate(model.menu.map((entry) => menuItem(entry, actions))));
    app.setBadgeCount(snapshot.unread);
  };
  // Windows and Linux trays open the app on a click, the menu on right-click; macOS shows the
  // menu on any click, so opening the window as well would be one thing too many.
  if (platform !== 'darwin') tray.on('click', () => actions.open());
  render(status.current());
  const unsubscribe = status.subscribe(render);
  return {
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
