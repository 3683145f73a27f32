// The core: database, ClubOS client, sync engine and conversations, built from a data folder and
// a few injected dependencies. The Electron shell, the browser test bridge and the benchmarks all
// build this same core; only the shell knows about Electron.
import { join } from 'node:path';
import type { Account, Conversation, Handlers } from '../../common/contract';
import { createClubOSClient } from '../clubos/client';
import { isClubOSError } from '../../common/errors/clubos-error';
import { fetchConversationHistory } from '../ingest/fetch-history';
import { createHistoryRefresher } from '../ingest/history-refresh';
import { sendReply } from '../services/send-reply';
import { replyTemplateOverridesSchema, suggestReplies, type ReplyTemplateOverrides } from '../intents/suggest-replies';
import { suggestionSituation } from '../intents/suggestion-situation';
import { isTemplateId, templateCatalog, withTemplateText } from '../intents/template-catalog';
import { AppError } from '../../common/errors/app-error';
import { CLUBOS_BASE_URL, openAccountSession, openDemoSession, type Session, type SessionDeps } from '../services/account-session';
import { clubTimeZoneStore } from '../services/club-time-zone';
import type { Core, CoreOptions } from './core';
import { createEventBus } from '../../common/event-bus';
import { settingsService } from '../services/settings-service';
import { openAppDatabase } from '../services/app-database';

/** How often snoozed conversations are checked for having come due. */
const SNOOZE_CHECK_MS = 30_000;
const TEMPLATE_OVERRIDES_KEY = 'replyTemplates';
const DAY_MS = 24 * 3600_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  const { clock, credentials } = options;
  const logger = options.logger;
  const log = logger.scope('core');

  // Creates the data folder if needed; a file it cannot use is reported in plain words (DbError).
  const { db: appDb, notice: startupNotice } = openAppDatabase(join(options.dataDir, 'frontdesk.sqlite'), { logger, clock });
  const events = createEventBus((error) => log.error('an event subscriber failed', { error }));
  const settings = settingsService(appDb);

  const deps: SessionDeps = {
    dataDir: options.dataDir,
    appDb,
    clock,
    logger,
    events,
    historyAsRead: () => settings.get().historyAsRead,
    intervalSeconds: () => settings.get().pollIntervalSeconds,
  };

  const openSession = async (): Promise<Session> => {
    const saved = credentials.load();
    if (saved) return openAccountSession(deps, saved);
    return openDemoSession(deps, options.demo ?? {});
  };

  const staleImportMs = (): number => settings.get().waitingIgnoresImportedAfterDays * DAY_MS;
  const applyWaitingPolicy = (current: Session): void => {
    current.db.conversations.setStaleImportThreshold(staleImportMs());
  };

  let session: Session;
  try {
    session = await openSession();
  } catch (error) {
    appDb.close();
    throw error;
  }
  applyWaitingPolicy(session);
  let started = false;

  /** Reads one conversation's history and tells the window what changed. */
  const readHistory = async (conversation: Conversation): Promise<{ added: number }> => {
    const current = session;
    const fetched = await fetchConversationHistory(current.db, current.client, () => current.clubContext(), conversation, () => clock.now());
    if (current !== session) return { added: fetched.added };
    updated(fetched.conversation);
    if (fetched.added > 0) {
      events.emit({ type: 'messagesAdded', ownerId: fetched.conversation.ownerId, conversationIds: [fetched.conversation.id], count: fetched.added, quiet: true });
    }
    return { added: fetched.added };
  };

  const refresher =
    options.historyRefresh === false
      ? null
      : createHistoryRefresher(
          {
            clock,
            logger,
            waiting: () => session.db.conversations.list({ filter: 'needs_reply', limit: 200, now: clock.now() }).items,
            refresh: async (c) => {
              await readHistory(c);
            },
            // "Recent" follows the waiting threshold setting.
            ...(options.historyRefresh?.recentMs === undefined ? { recentMs: staleImportMs } : {}),
          },
          options.historyRefresh ?? {},
        );

  const account = (): Account => ({
    mode: session.mode,
    username: session.username,
    baseUrl: session.baseUrl,
    secretStorage: credentials.level(),
    clubTimeZone: session.knownContext()?.timeZone ?? null,
    clubTimeZoneSource: timeZoneSource(session),
  });

  const clubZones = clubTimeZoneStore(appDb);
  const timeZoneSource = (current: Session): Account['clubTimeZoneSource'] => {
    const context = current.knownContext();
    if (!context) return null;
    if (context.timeZoneSource === 'clubos') return 'clubos';
    return clubZones.confirmed(current.account) !== null ? 'confirmed' : 'assumed';
  };

  /** Once ClubOS has told us the club's zone, the window shows times on the club's clock. */
  const announceClubContext = (current: Session): void => {
    current.clubContext().then(
      () => {
        if (current === session) events.emit({ type: 'accountChanged', account: account() });
      },
      () => undefined, // the sync status reports why ClubOS could not be reached
    );
  };

  /** Staff wording of suggested replies, by template id; app-wide, so kept in the app database. */
  const templateOverrides = (): ReplyTemplateOverrides => appDb.settings.get(TEMPLATE_OVERRIDES_KEY, replyTemplateOverridesSchema) ?? {};

  const conversationOrFail = (id: number): Conversation => {
    const c = session.db.conversations.get(id);
    if (!c) throw new AppError('not_found', `Conversation ${id} does not exist.`);
    return c;
  };

  /** An inbox filter must name an inbox that is synced: an unknown one is refused, not an empty answer. */
  const knownOwner = <T extends { ownerId?: string | undefined }>(args: T): T => {
    if (args.ownerId !== undefined && session.db.owners.get(args.ownerId) === null) {
      throw new AppError('not_found', `Inbox ${args.ownerId} is not synced.`);
    }
    return args;
  };

  const updated = (conversation: Conversation): Conversation => {
    events.emit({ type: 'conversationUpdated', conversation });
    return conversation;
  };

  async function switchSession(): Promise<void> {
    const wasStarted = started;
    await session.close();
    session = await openSession();
    applyWaitingPolicy(session);
    refresher?.reset();
    events.emit({ type: 'accountChanged', account: account() });
    events.emit({ type: 'syncStatusChanged', status: session.engine.status() });
    if (wasStarted) await session.start();
    announceClubContext(session);
  }

  const snoozeTimer = setInterval(() => {
    try {
      for (const c of session.db.conversations.wakeDueSnoozes(clock.now())) updated(c);
    } catch (error) {
      log.error('waking snoozed conversations failed', { error });
    }
  }, SNOOZE_CHECK_MS);
  snoozeTimer.unref?.();

  const handlers: Handlers = {
    appInfo: () => Promise.resolve({ name: 'Frontdesk', version: options.appVersion ?? '0.0.0-dev', platform: process.platform }),
    getStartupNotice: () => Promise.resolve({ notice: startupNotice }),

    listConversations: (args) => Promise.resolve(session.db.conversations.list({ ...knownOwner(args), now: clock.now() })),
    getConversation: ({ conversationId }) => Promise.resolve(conversationOrFail(conversationId)),
    getCounts: (args) => {
      const { ownerId } = knownOwner(args);
      return Promise.resolve(session.db.conversations.counts({ ...(ownerId ? { ownerId } : {}), now: clock.now() }));
    },
    listMessages: ({ conversationId, before, limit }) => {
      conversationOrFail(conversationId);
      return Promise.resolve(session.db.messages.page({ conversationId, before: before ?? null, ...(limit ? { limit } : {}) }));
    },
    markRead: ({ conversationId }) => Promise.resolve(updated(session.db.conversations.markRead(conversationId))),
    markUnread: ({ conversationId, messageId }) =>
      Promise.resolve(updated(session.db.conversations.markUnread(conversationId, messageId))),
    setStatus: ({ conversationId, status, snoozedUntil }) =>
      Promise.resolve(updated(session.db.conversations.setStatus(conversationId, { status, snoozedUntil: snoozedUntil ?? null }))),
    setTags: ({ conversationId, tags }) => Promise.resolve(updated(session.db.conversations.setTags(conversationId, tags))),

    fetchHistory: ({ conversationId }) => readHistory(conversationOrFail(conversationId)),
    markHandled: ({ conversationId }) => {
      conversationOrFail(conversationId);
      return Promise.resolve(updated(session.db.conversations.markHandled(conversationId)));
    },
    restoreHandled: ({ conversationId, handledAt }) => {
      conversationOrFail(conversationId);
      return Promise.resolve(updated(session.db.conversations.restoreHandled(conversationId, handledAt)));
    },

    search: (args) => Promise.resolve(session.db.search(knownOwner(args))),
    searchPeople: (args) => Promise.resolve({ people: session.db.searchPeople(knownOwner(args)) }),

    suggestReplies: ({ conversationId }) => {
      const c = conversationOrFail(conversationId);
      const newest = session.db.messages.page({ conversationId, limit: 20 }).items.filter((m) => m.direction !== 'outbound').at(-1);
      const situation = suggestionSituation(newest?.body);
      return Promise.resolve({
        suggestions: suggestReplies(c.intent ?? 'general_inquiry', c.memberName, templateOverrides(), undefined, situation),
      });
    },
    listReplyTemplates: () => Promise.resolve({ templates: templateCatalog(templateOverrides()) }),
    setReplyTemplate: ({ id, text }) => {
      if (!isTemplateId(id)) throw new AppError('not_found', `There is no reply template ${id}.`);
      const next = withTemplateText(templateOverrides(), id, text);
      appDb.settings.set(TEMPLATE_OVERRIDES_KEY, { ...next });
      return Promise.resolve({ templates: templateCatalog(next) });
    },

    async sendReply(args) {
      const current = session;
      const message = await sendReply(current.db, current.client, await current.clubContext(), args);
      updated(conversationOrFail(message.conversationId));
      return message;
    },

    syncNow: (args) => session.engine.syncNow(knownOwner(args).ownerId),
    getSyncStatus: () => Promise.resolve(session.engine.status()),
    startPolling: () => {
      started = true;
      session.engine.start();
      return Promise.resolve(session.engine.status());
    },
    async stopPolling() {
      await session.engine.stop();
      return session.engine.status();
    },
    setPollInterval: ({ seconds }) => {
      settings.update({ pollIntervalSeconds: seconds });
      return Promise.resolve(session.engine.setIntervalSeconds(seconds));
    },

    listOwners: () =>
      Promise.resolve({
        owners: session.db.owners.list().map((o) => ({ id: o.ownerId, name: o.name, enabled: o.enabled })),
        available: session.knownContext()?.staff.map((s) => ({ id: s.id, name: s.name })) ?? [],
      }),
    async addOwner({ ownerId, name }) {
      // Only an inbox ClubOS lists can be synced: an id it does not know would poll nothing
      // forever. When ClubOS cannot be reached, its error says so.
      const context = await session.clubContext();
      const known = context.staff.find((s) => s.id === ownerId) ?? context.owners.find((o) => o.id === ownerId);
      if (!known) throw new AppError('not_found', `ClubOS lists no staff member or location with id ${ownerId}.`);
      const owner = session.db.owners.upsert({ ownerId, name: name ?? known.name, enabled: true });
      session.engine.refreshOwners();
      return { id: owner.ownerId, name: owner.name, enabled: owner.enabled };
    },
    removeOwner: ({ ownerId }) => {
      if (!session.db.owners.remove(ownerId)) throw new AppError('not_found', `Inbox ${ownerId} is not synced.`);
      session.engine.refreshOwners();
      return Promise.resolve({ ok: true as const });
    },

    getSettings: () => Promise.resolve(settings.get()),
    setSettings: (change) => {
      const next = settings.update(change);
      if (change.pollIntervalSeconds !== undefined) session.engine.setIntervalSeconds(next.pollIntervalSeconds);
      if (change.waitingIgnoresImportedAfterDays !== undefined) applyWaitingPolicy(session);
      return Promise.resolve(next);
    },

    getAccount: () => Promise.resolve(account()),

    async signIn({ username, password, baseUrl }) {
      if (credentials.level() === 'unavailable') {
        throw new AppError('insecure_storage', 'This computer offers no secure storage for the ClubOS password, so Frontdesk cannot keep you signed in.');
      }
      const target = baseUrl ?? options.clubosBaseUrl ?? CLUBOS_BASE_URL;
      // Try the credentials before storing them: a typo must not become a stored password.
      const probe = createClubOSClient({ baseUrl: target, username, password, clock, logger });
      try {
        await probe.signIn();
      } catch (error) {
        if (isClubOSError(error) && error.kind === 'credentials') {
          throw new AppError('clubos_credentials', 'ClubOS did not accept that username and password.');
        }
        throw error;
      } finally {
        await probe.signOut().catch(() => undefined);
      }
      credentials.save({ username, password, baseUrl: target });
      await switchSession();
      return account();
    },

    async signOut() {
      credentials.clear();
      await switchSession();
      return account();
    },

    async setClubTimeZone({ timeZone }) {
      const current = session;
      const context = await current.clubContext();
      if (context.timeZoneSource === 'clubos') {
        throw new AppError('invalid_argument', `ClubOS names this club's time zone (${context.timeZone}); it cannot be changed here.`);
      }
      clubZones.confirm(current.account, timeZone);
      log.info('club time zone confirmed', { timeZone });
      // What is read from now on uses the zone; nothing already stored is re-derived (README).
      current.refreshContext();
      await current.clubContext();
      events.emit({ type: 'accountChanged', account: account() });
      return account();
    },
  };

  return {
    handlers,
    events,
    unreadTotal: () => session.db.conversations.unreadTotals(clock.now()).total,
    async start() {
      started = true;
      await session.start();
      announceClubContext(session);
      refresher?.start();
    },
    async close() {
      clearInterval(snoozeTimer);
      await refresher?.stop();
      await session.close();
      appDb.close();
    },
  };
}
