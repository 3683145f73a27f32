// Installs the application menu and rebuilds it when polling is paused or resumed (the item's
// label follows the state).
import { Menu } from 'electron';
import type { AppStatus } from './app-status';
import { buildAppMenuTemplate, type AppMenuActions, type AppMenuState } from './app-menu-template';

export function setupAppMenu(status: AppStatus, state: Omit<AppMenuState, 'polling'>, actions: AppMenuActions): () => void {
  let polling: boolean | null = null;
  const install = (next: boolean): void => {
    if (next === polling) return;
    polling = next;
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate({ ...state, polling: next }, actions)));
  };
  install(status.current().sync?.polling ?? false);
  return status.subscribe((snapshot) => install(snapshot.sync?.polling ?? false));
}
