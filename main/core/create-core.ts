// The core: database, ClubOS client, sync engine and the services, built from a data folder and
// a few injected dependencies. The Electron shell, the browser test bridge and the benchmarks all
// build this same core; only the shell knows about Electron. This is the composition root: it
// wires, it decides nothing.
import { join } from 'node:path';
import { createEventBus } from '../../common/event-bus';
import { createHandlers } from '../ipc/handlers';
import { createGymBotImporter } from '../import/gym-bot-importer';
import { GymBotImportError } from '../import/gym-bot-source';
import { createAccountService, type AccountService } from '../services/account-service';
import { openAppDatabase } from '../services/app-database';
import { conversationEvents } from '../services/change-feed';
import { createConversationService } from '../services/conversation-service';
import { createReplyService } from '../services/reply-service';
import { createSearchService } from '../services/search-service';
import type { Services } from '../services/services';
import { settingsService } from '../services/settings-service';
import { createSyncControl } from '../services/sync-control';
import { createWaitingService } from '../services/waiting-service';
import type { Core, CoreOptions } from './core';

export async function createCore(options: CoreOptions): Promise<Core> {
  const { clock, credentials, logger } = options;
  const log = logger.scope('core');
  // Creates the data folder if needed; a file it cannot use is reported in plain words (DbError).
  const { db: appDb, notice: startupNotice } = openAppDatabase(join(options.dataDir, 'frontdesk.sqlite'), { logger, clock });
  const events = createEventBus((error) => log.error('an event subscriber failed', { error }));
  const settings = settingsService(appDb, log);

  let account: AccountService;
  try {
    account = await createAccountService({
    session: {
      dataDir: options.dataDir,
      appDb,
      clock,
      logger,
      historyAsRead: () => settings.get().historyAsRead,
      intervalSeconds: () => settings.get().pollIntervalSeconds,
    },
    events,
    clock,
    logger,
    credentials,
    demo: options.demo ?? {},
    clubosBaseUrl: options.clubosBaseUrl,
  });
  } catch (error) {
    appDb.close();
    throw error;
  }
  const waiting = createWaitingService({
    current: () => account.current(),
    events,
    settings,
    conversations: () => conversations,
    clock,
    logger,
    historyRefresh: options.historyRefresh,
  });
  const session = (): ReturnType<typeof waiting.session> => waiting.session();
  const changes = conversationEvents(events, clock);
  const conversations = createConversationService({ session, changes, clock, logger });
  const services: Services = {
    account,
    conversations,
    replies: createReplyService({ appDb, session, conversations, changes }),
    search: createSearchService({ session }),
    settings,
    sync: createSyncControl({ account, settings }),
  };
  const stopSnoozeWatch = conversations.watchSnoozes();
  session(); // the first account's database learns the waiting threshold before it is read

  const gymBot = createGymBotImporter({
    async target() {
      const current = session();
      const context =
        current.knownContext() ??
        (await current.clubContext().catch((error: unknown) => {
          throw new GymBotImportError(
            'offline',
            "Frontdesk needs to reach ClubOS once (for the club's time zone and staff) before it can import. Check the connection and try again.",
            { cause: error },
          );
        }));
      return { db: current.db, context, historyAsRead: settings.get().historyAsRead, now: clock.now() };
    },
    changes,
    ownersChanged: () => session().engine.refreshOwners(),
    logger,
  });

  return {
    services,
    handlers: createHandlers(services, {
      appInfo: { name: 'Frontdesk', version: options.appVersion ?? '0.0.0-dev', platform: process.platform },
      startupNotice,
    }),
    events,
    gymBot,
    unreadTotal: () => conversations.unreadTotal(),
    async start() {
      await account.start();
      waiting.start();
    },
    async close() {
      stopSnoozeWatch();
      await waiting.close();
      await account.close();
      appDb.close();
    },
  };
}
