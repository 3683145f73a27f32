// The core Frontdesk runs when the real one could not be built (its database cannot be opened or
// written): the window still opens and says why, instead of a raw error box. Every request but
// the notice and the app's name is refused with the same plain message.
import { channelNames, type Handlers, type StartupNotice } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import { createEventBus } from '../../common/event-bus';
import { GymBotImportError } from '../import/gym-bot-source';
import type { Core } from './core';

/** Only what the window needs: there are no services to use without a database. */
export type StartupFailureCore = Omit<Core, 'services'>;

export function createStartupFailureCore(notice: StartupNotice, appVersion = '0.0.0-dev'): StartupFailureCore {
  const refuse = (): Promise<never> => Promise.reject(new AppError('unavailable', notice.message));
  const handlers = Object.fromEntries(channelNames.map((name) => [name, refuse])) as unknown as Handlers;
  handlers.getStartupNotice = () => Promise.resolve({ notice });
  handlers.appInfo = () => Promise.resolve({ name: 'Frontdesk', version: appVersion, platform: process.platform });
  return {
    handlers,
    events: createEventBus(),
    gymBot: {
      preview: () => Promise.reject(new GymBotImportError('unavailable', notice.message)),
      run: () => Promise.reject(new GymBotImportError('unavailable', notice.message)),
    },
    unreadTotal: () => 0,
    start: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
