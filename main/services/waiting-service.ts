// Who is waiting for a reply, kept true over time: each account's database learns the "texts already
// this old when first stored never wait" setting before anything reads it (and again when the
// setting changes), and the ClubOS history of members who seem to be waiting is re-read in the
// background (ingest/history-refresh.ts), so a reply staff made in ClubOS itself closes the
// conversation here too. What that reading stores is announced by the conversation service.
import type { EventBus } from '../../common/event-bus';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { createHistoryRefresher, type HistoryRefresher, type HistoryRefreshOptions } from '../ingest/history-refresh';
import type { Session } from './account-session';
import type { ConversationService } from './conversation-service';
import type { SettingsService } from './settings-service';

export type { HistoryRefreshOptions } from '../ingest/history-refresh';

const DAY_MS = 24 * 3600_000;

export interface WaitingService {
  /** The account's session, with the waiting threshold applied to its database. */
  session(): Session;
  /** Starts the background history reads. */
  start(): void;
  close(): Promise<void>;
}

export function createWaitingService(deps: {
  current: () => Session;
  events: Pick<EventBus, 'subscribe'>;
  settings: SettingsService;
  /** Lazily: the conversation service is built on top of `session()`. */
  conversations: () => Pick<ConversationService, 'list' | 'fetchHistory'>;
  clock: Clock;
  logger: Logger;
  /** The background reads' pacing; false turns them off. */
  historyRefresh?: Partial<HistoryRefreshOptions> | false | undefined;
}): WaitingService {
  const { settings, historyRefresh } = deps;
  const staleImportMs = (): number => settings.get().waitingIgnoresImportedAfterDays * DAY_MS;

  let refresher: HistoryRefresher | null = null;
  let applied: Session | null = null;
  const session = (): Session => {
    const current = deps.current();
    if (current !== applied) {
      // A new account (sign-in or out): its database gets the threshold, and what was read for
      // the previous account is forgotten.
      applied = current;
      current.db.conversations.setStaleImportThreshold(staleImportMs());
      refresher?.reset();
    }
    return current;
  };

  // A sign-in or out announces the new account before its first poll: apply the threshold then.
  const stopWatchingAccount = deps.events.subscribe((event) => {
    if (event.type === 'accountChanged') session();
  });
  const stopWatchingSettings = settings.onSaved((_saved, change) => {
    if (change.waitingIgnoresImportedAfterDays !== undefined) session().db.conversations.setStaleImportThreshold(staleImportMs());
  });

  refresher =
    historyRefresh === false
      ? null
      : createHistoryRefresher(
          {
            clock: deps.clock,
            logger: deps.logger,
            waiting: () => deps.conversations().list({ filter: 'needs_reply', limit: 200 }).items,
            refresh: async (c) => {
              await deps.conversations().fetchHistory(c.id);
            },
            // "Recent" follows the waiting threshold setting unless the caller fixed it.
            ...(historyRefresh?.recentMs === undefined ? { recentMs: staleImportMs } : {}),
          },
          historyRefresh ?? {},
        );

  return {
    session,
    start: () => refresher?.start(),
    async close() {
      stopWatchingAccount();
      stopWatchingSettings();
      await refresher?.stop();
    },
  };
}
