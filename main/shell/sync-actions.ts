// "Sync now" and "Pause / Resume polling" as the tray and the app menu offer them: fire and
// forget from a click, with failures logged (the sync status event tells the user the rest).
import type { Logger } from '../../common/log/logger';
import type { SyncControl } from '../services/sync-control';

export interface SyncActions {
  syncNow: () => void;
  togglePolling: () => void;
}

export function createSyncActions({
  sync,
  isPolling,
  logger,
}: {
  sync: Pick<SyncControl, 'syncNow' | 'startPolling' | 'stopPolling'>;
  isPolling: () => boolean;
  logger: Logger;
}): SyncActions {
  const run = (what: string, work: () => unknown): void => {
    const failed = (error: unknown): void => logger.warn(`${what} failed`, { error });
    try {
      Promise.resolve(work()).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  return {
    syncNow: () => run('sync now', () => sync.syncNow()),
    togglePolling: () => (isPolling() ? run('pause polling', () => sync.stopPolling()) : run('resume polling', () => sync.startPolling())),
  };
}
