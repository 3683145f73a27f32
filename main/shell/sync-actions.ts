// "Sync now" and "Pause / Resume polling" as the tray and the app menu offer them: fire and
// forget from a click, with failures logged (the sync status event tells the user the rest).
import type { Handlers } from '../../common/contract';
import type { Logger } from '../../common/log/logger';

export interface SyncActions {
  syncNow: () => void;
  togglePolling: () => void;
}

export function createSyncActions({
  handlers,
  isPolling,
  logger,
}: {
  handlers: Pick<Handlers, 'syncNow' | 'startPolling' | 'stopPolling'>;
  isPolling: () => boolean;
  logger: Logger;
}): SyncActions {
  const run = (what: string, work: () => Promise<unknown>): void => {
    work().catch((error: unknown) => logger.warn(`${what} failed`, { error }));
  };
  return {
    syncNow: () => run('sync now', () => handlers.syncNow({})),
    togglePolling: () =>
      isPolling() ? run('pause polling', () => handlers.stopPolling({})) : run('resume polling', () => handlers.startPolling({})),
  };
}
