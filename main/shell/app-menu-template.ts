// The application menu as a template: Sync now takes CmdOrCtrl+R (so there is no reload in
// it), polling can be paused, Settings and Keyboard shortcuts are renderer views opened by
// command, and packaged builds have no reload or developer tools.
import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateMenuItem } from '../update/update-state';

export interface AppMenuActions {
  syncNow: () => void;
  togglePolling: () => void;
  openSettings: () => void;
  focusSearch: () => void;
  showHelp: () => void;
  openLogFolder: () => void;
  importGymBot: () => void;
  /** "Check for updates…" or "Restart to update". */
  update?: (action: 'check' | 'restart') => void;
}

export interface AppMenuState {
  platform: NodeJS.Platform;
  packaged: boolean;
  polling: boolean;
  appName: string;
  /** The auto-update item (with download progress); absent while updates are off. */
  update?: UpdateMenuItem | null;
}

export function buildAppMenuTemplate(state: AppMenuState, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const settings: MenuItemConstructorOptions = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() };
  const sync: MenuItemConstructorOptions[] = [
    { label: 'Sync now', accelerator: 'CmdOrCtrl+R', click: () => actions.syncNow() },
    { label: state.polling ? 'Pause polling' : 'Resume polling', click: () => actions.togglePolling() },
  ];

  const updateItems: MenuItemConstructorOptions[] = [];
  const update = state.update;
  if (update) {
    const action = update.action;
    updateItems.push({
      label: update.label,
      enabled: update.enabled,
      ...(action ? { click: () => actions.update?.(action) } : {}),
    });
  }
  const appMenu: MenuItemConstructorOptions = {
    label: state.appName,
    submenu: [
      { role: 'about' },
      ...updateItems,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const importItem: MenuItemConstructorOptions = { label: 'Import from gym bot…', click: () => actions.importGymBot() };
  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? 'Inbox' : 'File',
    submenu: mac
      ? [...sync, { type: 'separator' }, importItem, { type: 'separator' }, { role: 'close' }]
      : [...sync, { type: 'separator' }, importItem, { type: 'separator' }, settings, { type: 'separator' }, { role: 'quit' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? ([{ role: 'pasteAndMatchStyle' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.focusSearch() },
    ],
  };
  const developer: MenuItemConstructorOptions[] = state.packaged
    ? []
    : [{ role: 'forceReload', accelerator: 'CmdOrCtrl+Shift+R' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', click: () => actions.showHelp() },
      { label: 'Open log folder', click: () => actions.openLogFolder() },
      ...(mac || updateItems.length === 0 ? [] : [{ type: 'separator' } as const, ...updateItems]),
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
