// electron-updater in the shell: the feed is the generic HTTPS URL in electron-builder.yml's
// `publish` (packed into the app as app-update.yml). Updates are off in development and while
// the app shows the demo club; the account events turn them on and off.
import { autoUpdater } from 'electron-updater';
import type { Core } from '../core/core';
import type { Logger } from '../../common/log/logger';
import type { Timers } from '../../common/time/timers';
import { createUpdateController, type UpdateController, type UpdaterLike } from '../update/update-controller';
import { updateMenuItem } from '../update/update-state';
import type { UpdateMenuSource } from './app-menu';

/** electron-updater's log lines, through ours (it logs text only: no secrets, no bodies). */
function updaterLog(logger: Logger) {
  const text = (message: unknown): string => (message instanceof Error ? message.message : String(message));
  return {
    info: (message?: unknown) => logger.info(text(message)),
    warn: (message?: unknown) => logger.warn(text(message)),
    error: (message?: unknown) => logger.error(text(message)),
    debug: (message: string) => logger.debug(message),
  };
}

export interface AutoUpdate {
  controller: UpdateController;
  menu: UpdateMenuSource;
  dispose(): void;
}

export function setupAutoUpdate(deps: {
  packaged: boolean;
  core: Pick<Core, 'events' | 'handlers'>;
  timers: Timers;
  logger: Logger;
  /** Tests pass a fake; the app, electron-updater's. */
  updater?: UpdaterLike & { logger?: unknown };
}): AutoUpdate {
  const log = deps.logger.scope('update');
  const updater = deps.updater ?? autoUpdater;
  if (!deps.updater) autoUpdater.logger = updaterLog(log);
  const controller = createUpdateController({ updater, timers: deps.timers, now: () => Date.now(), logger: log });
  let stop: () => void = () => {};
  if (!deps.packaged) {
    controller.setOff('development');
  } else {
    const apply = (mode: 'demo' | 'signed_in'): void => controller.setOff(mode === 'demo' ? 'demo' : null);
    stop = deps.core.events.subscribe((event) => {
      if (event.type === 'accountChanged') apply(event.account.mode);
    });
    deps.core.handlers.getAccount({}).then(
      (account) => apply(account.mode),
      (error: unknown) => log.warn('could not read the account; updates stay off', { error }),
    );
  }
  return {
    controller,
    menu: {
      current: () => updateMenuItem(controller.state()),
      subscribe: (listener) => controller.subscribe(() => listener()),
    },
    dispose() {
      stop();
      controller.dispose();
    },
  };
}
