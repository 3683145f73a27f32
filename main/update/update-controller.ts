// Runs the auto-updater: checks at start and every 6 hours, downloads in the background
// (electron-updater verifies the download against the sha512 in the feed's latest*.yml), and
// installs on quit or when the user picks "Restart to update". Off in development and in demo
// mode. The updater is injected: the shell passes electron-updater's, tests a fake or a real one
// against a local feed.
import type { Logger } from '../../common/log/logger';
import type { TimerHandle, Timers } from '../../common/time/timers';
import { initialUpdateState, nextUpdateState, type UpdateOffReason, type UpdateState, type UpdaterEvent } from './update-state';

export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** What the controller uses of electron-updater's AppUpdater. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateController {
  state(): UpdateState;
  subscribe(listener: (state: UpdateState) => void): () => void;
  /** Turns updates on (checking now, then every 6 hours) or off for a reason. */
  setOff(reason: UpdateOffReason | null): void;
  checkNow(): void;
  restartToUpdate(): void;
  dispose(): void;
}

export function createUpdateController(deps: {
  updater: UpdaterLike;
  timers: Timers;
  now: () => number;
  logger: Logger;
  intervalMs?: number;
}): UpdateController {
  const { updater, timers, logger } = deps;
  const intervalMs = deps.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  let state: UpdateState = { kind: 'off', reason: 'development' };
  let timer: TimerHandle | null = null;
  const listeners = new Set<(state: UpdateState) => void>();

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;

  const set = (next: UpdateState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener(state);
  };
  const apply = (event: UpdaterEvent): void => set(nextUpdateState(state, event, deps.now()));

  updater.on('checking-for-update', () => apply({ type: 'checking' }));
  updater.on('update-available', (info) => {
    logger.info('update available', { version: info.version });
    apply({ type: 'available', version: info.version });
  });
  updater.on('update-not-available', () => apply({ type: 'not-available' }));
  updater.on('download-progress', (progress) => apply({ type: 'progress', percent: progress.percent }));
  updater.on('update-downloaded', (info) => {
    logger.info('update downloaded and verified; it installs on quit', { version: info.version });
    apply({ type: 'downloaded', version: info.version });
  });
  updater.on('error', (error) => {
    logger.warn('update failed', { error });
    apply({ type: 'error', message: error.message });
  });

  const clear = (): void => {
    if (timer) timers.clearTimeout(timer);
    timer = null;
  };
  const check = (): void => {
    if (state.kind === 'off' || state.kind === 'checking' || state.kind === 'downloading') return;
    // electron-updater also emits `error` for both; these only keep the rejections (a failed
    // check, a download that failed its sha512) from going unhandled.
    updater.checkForUpdates().then(
      (result) => {
        result?.downloadPromise?.catch((error: unknown) => logger.debug('update download rejected', { error }));
      },
      (error: unknown) => logger.debug('update check rejected', { error }),
    );
  };
  const scheduleNext = (): void => {
    clear();
    timer = timers.setTimeout(() => {
      timer = null;
      check();
      scheduleNext();
    }, intervalMs);
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setOff(reason) {
      if (reason !== null) {
        clear();
        if (state.kind !== 'off' || state.reason !== reason) logger.info('updates off', { reason });
        // A downloaded update still installs on quit; only new checks stop.
        set({ kind: 'off', reason });
        return;
      }
      if (state.kind !== 'off') return;
      set(initialUpdateState);
      check();
      scheduleNext();
    },
    checkNow: check,
    restartToUpdate() {
      if (state.kind !== 'ready') return;
      logger.info('restarting to install the update', { version: state.version });
      updater.quitAndInstall(false, true);
    },
    dispose: clear,
  };
}
