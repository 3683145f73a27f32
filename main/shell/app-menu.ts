// Installs the application menu and rebuilds it when polling is paused or resumed, or the update
// item changes (its label follows the state and the download's progress).
import { Menu } from 'electron';
import type { UpdateMenuItem } from '../update/update-state';
import type { AppStatus } from './app-status';
import { buildAppMenuTemplate, type AppMenuActions, type AppMenuState } from './app-menu-template';

export interface UpdateMenuSource {
  current(): UpdateMenuItem | null;
  subscribe(listener: () => void): () => void;
}

export function setupAppMenu(
  status: AppStatus,
  state: Omit<AppMenuState, 'polling' | 'update'>,
  actions: AppMenuActions,
  updates?: UpdateMenuSource,
): () => void {
  let installed: string | null = null;
  const install = (): void => {
    const polling = status.current().sync?.polling ?? false;
    const update = updates?.current() ?? null;
    const key = JSON.stringify([polling, update]);
    if (key === installed) return;
    installed = key;
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate({ ...state, polling, update }, actions)));
  };
  install();
  const stopStatus = status.subscribe(() => install());
  const stopUpdates = updates?.subscribe(() => install());
  return () => {
    stopStatus();
    stopUpdates?.();
  };
}
