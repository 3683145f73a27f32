// Crash recovery in the shell. A renderer that dies (render-process-gone) is reloaded with a
// banner saying so; the reply being typed survives in the window's session storage. An
// uncaught error in the main process is logged with its context and sync restarts. Either kind,
// five times within five minutes (Mailspring's policy), stops the restarts and says so.
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { CrashPolicy } from '../crash/crash-policy';
import type { Logger } from '../../common/log/logger';

export interface RendererRecoveryDeps {
  window: BrowserWindow;
  policy: CrashPolicy;
  /** Loads the renderer again, telling it that it recovers from a crash. */
  reload: () => void;
  /** Restarts were given up: tell the user. */
  gaveUp: (message: string) => void;
  logger: Logger;
}

export const RENDERER_GAVE_UP =
  "Frontdesk's window crashed 5 times within 5 minutes, so it is not reloaded again. Sync keeps running in the tray; quit and reopen Frontdesk to get the window back. The log folder has the details.";

export function recoverRendererCrashes({ window, policy, reload, gaveUp, logger }: RendererRecoveryDeps): () => void {
  const onGone = (_event: unknown, details: RenderProcessGoneDetails): void => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const verdict = policy.record();
    logger.error('the window renderer is gone', { reason: details.reason, exitCode: details.exitCode, crashesInWindow: policy.recent, verdict });
    if (verdict === 'restart') reload();
    else gaveUp(RENDERER_GAVE_UP);
  };
  window.webContents.on('render-process-gone', onGone);
  return () => {
    if (!window.isDestroyed()) window.webContents.off('render-process-gone', onGone);
  };
}

export interface UncaughtErrorDeps {
  process: Pick<NodeJS.Process, 'on' | 'off'>;
  policy: CrashPolicy;
  /** Restarts sync after an error nobody caught. */
  restartSync: () => void;
  /** Restarts were given up (sync is stopped): tell the user. */
  gaveUp: (message: string) => void;
  logger: Logger;
}

export const CORE_GAVE_UP =
  'Frontdesk hit 5 unexpected errors within 5 minutes, so sync was stopped instead of restarted again. Resume polling from the tray or the menu to try again; the log folder has the details.';

export function handleUncaughtErrors({ process, policy, restartSync, gaveUp, logger }: UncaughtErrorDeps): () => void {
  const handle = (kind: 'uncaughtException' | 'unhandledRejection', error: unknown, origin?: string): void => {
    const verdict = policy.record();
    const stack = error instanceof Error ? error.stack?.split('\n').slice(0, 8).join('\n') : undefined;
    logger.error('an error escaped the core', { kind, origin, error, stack, crashesInWindow: policy.recent, verdict });
    if (verdict === 'restart') restartSync();
    else gaveUp(CORE_GAVE_UP);
  };
  const onException = (error: Error, origin: string): void => handle('uncaughtException', error, origin);
  const onRejection = (reason: unknown): void => handle('unhandledRejection', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
