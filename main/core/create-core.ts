// The core: database, ClubOS client, sync engine and the services, built from a data folder and
// a few injected dependencies. The Electron shell, the browser test bridge and the benchmarks all
// build this same core; only the shell knows about Electron. This is the composition root: it
// wires, it decides nothing.
import { join } from 'node:path';
import { createEventBus } from '../../common/event-bus';
import { createHandlers } from '../ipc/handlers';
import { createOutreachService } from '../outreach/outreach-service';
import { systemTimers } from '../../common/time/timers';
import { createGymBotImporter } from '../import/gym-bot-importer';
import { GymBotImportError } from '../import/gym-bot-source';
import { createAccountService, type AccountService } from '../services/account-service';
import { createAssistantService, type AssistantService } from '../services/assistant/assistant-service';
import { runWarmUp, warmUpSteps } from '../services/assistant/warm-up';
import { warmUpRowReaders } from '../../db';
import { currentKnowledge, knowledgeBusinessHours } from '../services/assistant/outreach-hours';
import { memorySecretStore } from '../services/secret-store';
import { openAppDatabase } from '../services/app-database';
import { conversationEvents } from '../services/change-feed';
import { createConversationService } from '../services/conversation-service';
import { createReplyService } from '../services/reply-service';
import { createSearchService } from '../services/search-service';
import type { Services } from '../services/services';
import { settingsService } from '../services/settings-service';
import { createSyncControl } from '../services/sync-control';
import { sendReply } from '../services/send-reply';
import { createWaitingService } from '../services/waiting-service';
import type { SyncEngineFactory } from '../services/account-session';
import { startSyncWorker } from '../sync-worker/sync-worker-host';
import { createReportService } from '../services/reports/report-service';
import { localReportSource } from '../services/reports/report-source';
import { teamReportSource } from '../services/reports/team-report-source';
import { hostTimeZone } from '../services/club-time-zone';
import { createTeamService, type TeamService } from '../services/team-service';
import { pgTeamLink } from '../team/pg-link';
import type { Core, CoreOptions } from './core';

const DAY_MS = 86_400_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  const { clock, credentials, logger } = options;
  const log = logger.scope('core');
  // Creates the data folder if needed; a file it cannot use is reported in plain words (DbError).
  // Built after the account (it needs the session); the session and outreach reach it later.
  // eslint-disable-next-line prefer-const
  let team: TeamService;
  const { db: appDb, notice: startupNotice } = openAppDatabase(join(options.dataDir, 'frontdesk.sqlite'), { logger, clock });
  const events = createEventBus((error) => log.error('an event subscriber failed', { error }));
  const settings = settingsService(appDb, log);
  // Polls (reading the inbox page, reconciling, writing) run in the sync worker, a process of its
  // own at a lower priority with its own connection, so the window's IPC, the tray and the menu
  // never wait on them, nor for a core while they run (ARCHITECTURE.md).
  const syncInWorker: SyncEngineFactory = (parts) =>
    startSyncWorker({
      db: parts.db,
      pages: parts.client,
      pollContext: async () => ({
        context: await parts.clubContext(),
        historyAsRead: settings.get().historyAsRead,
        staleImportMs: settings.get().waitingIgnoresImportedAfterDays * DAY_MS,
      }),
      events,
      logger,
      clock,
      intervalSeconds: settings.get().pollIntervalSeconds,
      ...(options.launchSyncWorker ? { launch: options.launchSyncWorker } : {}),
      ...(options.onSyncWorker ? { onWorker: options.onSyncWorker } : {}),
    });

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
      ...(options.syncIn === 'main' ? {} : { syncEngine: syncInWorker }),
      // Team mode picks one desk per inbox to poll; `team` exists by the time a session starts.
      teamDrivesPolling: () => team.drivesPolling(),
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
  // Scheduled texts, reminders, campaigns and the outbox every text (replies too) goes through.
  const outreach = createOutreachService({
    db: () => session().db,
    appDb,
    client: () => session().client,
    clubContext: () => session().clubContext(),
    // Waiting is counted, and {todayHours} filled, from Knowledge's hours on the club's clock.
    businessHours: knowledgeBusinessHours({
      knowledge: currentKnowledge(appDb),
      timeZone: () => session().knownContext()?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
    clock,
    timers: options.timers ?? systemTimers,
    logger,
    conversationTouched: (id) => {
      const current = session();
      const c = current.db.conversations.get(id);
      if (c) changes.updated(current.db, c);
    },
    scheduledChanged: (change) => events.emit({ type: 'scheduledChanged', ...change }),
    campaignChanged: (change) => {
      events.emit({ type: 'campaignUpdated', ...change });
      team.campaignChanged(change.campaign);
    },
    notify: (notice) => events.emit({ type: 'attentionRaised', ...notice }),
    ...(options.outreach ?? {}),
  });
  account.attach(outreach);
  const assistant: AssistantService = createAssistantService({
    appDb,
    session: () => {
      const current = session();
      return {
        db: current.db,
        clubContext: () => current.clubContext(),
        // The assistant's sends go through the same outbox as every other text. In a team they count
        // as this desk's staff member's (approved here, or sent by this desk's assistant), so the
        // collision check does not stop the same person a moment later.
        send: async (args, actor) => {
          const sent = await sendReply(current.db, current.client, await current.clubContext(), outreach.outbox, args, actor);
          if (session() === current) team.recordAuthor(sent.id);
          return sent;
        },
      };
    },
    clock,
    logger,
    events,
    changes,
    modelKey: options.modelKey ?? memorySecretStore(),
  });
  // Its patterns are compiled now, before the window and any sync, not when the first live text arrives (warm-up.ts).
  runWarmUp(warmUpSteps(hostTimeZone(), () => clock.now()), (error) => log.warn('warming up the assistant failed', { error }));
  try {
    warmUpRowReaders();
  } catch (error) {
    log.warn('warming up the row readers failed', { error });
  }
  // Every new member text (not a quiet import, not our own reply) is read by the assistant.
  const stopAssistant = events.subscribe((event) => {
    // Texts another desk polled are that desk's to answer automatically: never here too.
    if (event.type === 'messagesAdded' && !event.quiet && event.remote !== true) void assistant.onMessagesAdded(event.conversationIds);
  });
  team = createTeamService({
    session,
    appDb,
    changes,
    events,
    clock,
    logger,
    secret: options.teamSecret ?? memorySecretStore(),
    link: options.teamLink ?? pgTeamLink,
    intervalSeconds: () => settings.get().pollIntervalSeconds,
  });
  const services: Services = {
    account,
    team,
    conversations,
    outreach,
    // A reply a person sends goes through the outbox, then closes the assistant draft it came from
    // and lands in the action log.
    replies: createReplyService({
      appDb,
      session,
      conversations,
      changes,
      outbox: outreach.outbox,
      onSent: (args, message) => assistant.recordStaffSend(args, message),
      team,
    }),
    assistant,
    search: createSearchService({ session }),
    // Alone, reports read this desk's database; online in a team, the team store's events
    // (every desk's replies and resolves), falling back to the local data when it is not.
    reports: createReportService({
      source: () => {
        const db = () => session().db;
        return teamReportSource({ team, db, local: localReportSource(db), now: () => clock.now() });
      },
      timeZone: async () => {
        const current = session();
        const context = await current.clubContext().catch(() => current.knownContext());
        return context?.timeZone ?? hostTimeZone();
      },
      clock,
    }),
    settings,
    sync: createSyncControl({ account, settings, team: () => team }),
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
    progress: (report) => events.emit({ type: 'importProgress', ...report }),
    clock,
    logger,
  });

  return {
    services,
    handlers: createHandlers(services, {
      appInfo: { name: 'Frontdesk', version: options.appVersion ?? '0.0.0-dev', platform: process.platform },
      startupNotice,
      inWriteTurn: (work) => session().db.inWriteTurn(work),
    }),
    events,
    gymBot,
    unreadTotal: () => conversations.unreadTotal(),
    async start() {
      // The team first: in team mode it, not the session, decides which inboxes this desk polls.
      await team.start();
      await account.start();
      waiting.start();
    },
    async close() {
      await team.close();
      stopSnoozeWatch();
      stopAssistant();
      await assistant.idle();
      await waiting.close();
      await account.close();
      appDb.close();
    },
  };
}
