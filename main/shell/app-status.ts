// The few facts the tray, the app menu and the badge show (unread total, sync status, demo or
// signed in), kept current from core events. Bursts of events (a first import touches hundreds of
// conversations) are coalesced into one update.
import type { Account, SyncStatus } from '../../common/contract';
import type { Core } from '../core/core';
import type { Logger } from '../../common/log/logger';
import type { TimerHandle, Timers } from '../../common/time/timers';

export interface AppStatusSnapshot {
  unread: number;
  sync: SyncStatus | null;
  account: Account | null;
}

export interface AppStatus {
  current(): AppStatusSnapshot;
  subscribe(listener: (snapshot: AppStatusSnapshot) => void): () => void;
  /** Reads sync status and account from the services and notifies at once. */
  refresh(): Promise<void>;
  dispose(): void;
}

export interface AppStatusOptions {
  core: Pick<Core, 'events' | 'services' | 'unreadTotal'>;
  timers: Timers;
  logger: Logger;
  coalesceMs?: number;
}

export function watchAppStatus({ core, timers, logger, coalesceMs = 150 }: AppStatusOptions): AppStatus {
  const listeners = new Set<(snapshot: AppStatusSnapshot) => void>();
  let snapshot: AppStatusSnapshot = { unread: 0, sync: null, account: null };
  let timer: TimerHandle | null = null;

  const publish = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    try {
      snapshot = { ...snapshot, unread: core.unreadTotal() };
    } catch (error) {
      logger.warn('could not count unread messages', { error });
    }
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        logger.error('a status listener failed', { error });
      }
    }
  };
  const schedule = (): void => {
    timer ??= timers.setTimeout(publish, coalesceMs);
  };

  const unsubscribe = core.events.subscribe((event) => {
    switch (event.type) {
      case 'syncStatusChanged':
        snapshot = { ...snapshot, sync: event.status };
        schedule();
        return;
      case 'accountChanged':
        snapshot = { ...snapshot, account: event.account };
        schedule();
        return;
      case 'messagesAdded':
      case 'conversationUpdated':
        schedule();
        return;
      case 'uiCommand':
        return;
    }
  });

  return {
    current: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    refresh() {
      snapshot = { ...snapshot, sync: core.services.sync.status(), account: core.services.account.account() };
      publish();
      return Promise.resolve();
    },
    dispose() {
      unsubscribe();
      listeners.clear();
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
