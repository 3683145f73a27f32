// The Electron entry point, read top to bottom: lifecycle first, then one setup step per concern.
// Everything here is wiring; the behaviour lives in the modules it calls.
import { join, resolve } from 'node:path';
import { app, crashReporter, dialog, ipcMain, net, powerMonitor, safeStorage, screen, shell, type BrowserWindow } from 'electron';
import type { Core } from './core/core';
import { createCore } from './core/create-core';
import { launchUtilitySyncProcess } from './shell/utility-sync-process';
import { createStartupFailureCore } from './core/startup-failure-core';
import { noticeForStartupFailure } from './services/startup-notice';
import { createCrashPolicy } from './crash/crash-policy';
import { pushEvents } from './ipc/push-events';
import { registerHandlers } from './ipc/register-handlers';
import { createSenderCheck } from './ipc/sender-check';
import type { Logger } from '../common/log/logger';
import { systemTimers } from '../common/time/timers';
import { setupAppMenu, type UpdateMenuSource } from './shell/app-menu';
import { setupAutoUpdate } from './shell/auto-update';
import { enableContextMenu } from './shell/context-menu';
import { setupDeepLinks, type DeepLinks } from './shell/deep-links';
import { resyncOnWake } from './shell/wake-resync';
import { enableCloseToTray } from './shell/close-to-tray';
import { focusWindow } from './shell/focus-window';
import { runGymBotImportDialog } from './shell/gym-bot-import-dialog';
import { applyLaunchAtLogin } from './shell/launch-at-login';
import { setupLogging } from './shell/logging';
import { handleUncaughtErrors, recoverRendererCrashes } from './shell/crash-recovery';
import { crashUploadUrl, startCrashReporter } from './shell/crash-reporter';
import { appPageUrl, createMainWindow, loadRenderer } from './shell/main-window';
import { setupNewMessageNotifications } from './shell/new-message-notifications';
import { setupAttentionNotifications } from './shell/attention-notifications';
import { createNotifier, type Notifier } from './shell/notifier';
import { safeStorageCredentialStore } from './shell/safe-storage-credentials';
import { safeStorageSecretStore } from './shell/safe-storage-secret';
import { setupTray } from './shell/tray/tray';
import { initialBounds, readWindowState, trackWindowState, type WindowStateTracker } from './shell/window-state';
import { systemClock } from '../common/time/clock';
import { watchAppStatus, type AppStatus } from './shell/app-status';
import { createSyncActions } from './shell/sync-actions';
import { syncTimeFormatter } from './shell/tray/sync-time-format';

const APP_ID = 'com.frontdesk.inbox';
const CLOSE_TIMEOUT_MS = 5000;

let win: BrowserWindow | null = null;
let quitting = false;
let startupLog: Logger | null = null;
let deepLinks: DeepLinks | null = null;
let crashUpload: string | null = null;

/** Lines logged before logging is set up go to the log once it is (and are dropped before). */
const lateLog: Logger = {
  debug: (message, fields) => startupLog?.debug(message, fields),
  info: (message, fields) => startupLog?.info(message, fields),
  warn: (message, fields) => startupLog?.warn(message, fields),
  error: (message, fields) => startupLog?.error(message, fields),
  scope: () => lateLog,
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows shows notifications only for an app with an AppUserModelID.
  app.setAppUserModelId(APP_ID);
  const links = setupDeepLinks({
    app,
    defaultApp: process.defaultApp === true,
    execPath: process.execPath,
    entry: process.argv[1] === undefined ? undefined : resolve(process.argv[1]),
    logger: lateLog,
  });
  deepLinks = links;
  // As early as possible, so a crash during start-up leaves a dump too.
  crashUpload = crashUploadUrl(app.getPath('userData'), process.env, lateLog);
  startCrashReporter(crashReporter, crashUpload, lateLog);
  links.fromArgv(process.argv);
  // A second launch (perhaps with a frontdesk:// link) brings this instance's window forward.
  app.on('second-instance', (_event, argv) => {
    focusWindow(win);
    links.fromArgv(argv);
  });
  app.on('activate', () => focusWindow(win));
  // The tray keeps Frontdesk running with its window closed; quitting is explicit.
  app.on('window-all-closed', () => {});
  app.whenReady().then(start).catch(failToStart);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const { logger, logDir } = setupLogging({ logDir: app.getPath('logs'), verbose: !app.isPackaged });
  const log = logger.scope('shell');
  startupLog = log;
  log.info('starting', { version: app.getVersion(), packaged: app.isPackaged, platform: process.platform });
  log.info('crash reporter', { upload: crashUpload === null ? 'off (local dumps only)' : new URL(crashUpload).origin });

  const credentials = safeStorageCredentialStore({ file: join(userData, 'credentials.json'), safeStorage, platform: process.platform, logger: log });
  const modelKey = safeStorageSecretStore({
    file: join(userData, 'model-key.json'),
    label: 'model API key',
    safeStorage,
    platform: process.platform,
    logger: log,
  });
  // The team's PostgreSQL connection string carries its password: kept like the ClubOS password.
  const teamSecret = safeStorageSecretStore({
    file: join(userData, 'team-connection.json'),
    label: 'team connection string',
    safeStorage,
    platform: process.platform,
    logger: log,
  });
  let core: Core;
  try {
    core = await createCore({
      dataDir: userData,
      clock: systemClock,
      logger,
      credentials,
      modelKey,
      teamSecret,
      appVersion: app.getVersion(),
      launchSyncWorker: launchUtilitySyncProcess,
      // With no ClubOS account the app shows a simulated club, with a new member text now and then.
      demo: { liveIntervalMs: 45_000, historyDays: 120 },
    });
  } catch (error) {
    log.error('could not start', { error });
    showStartupFailure(createStartupFailureCore(noticeForStartupFailure(error, logDir), app.getVersion()), join(userData, 'window-state.json'), logger);
    return;
  }
  // Undone in reverse order on quit, after the core has closed.
  const teardown: Array<() => void> = [];
  setupGracefulQuit(core, log, () => {
    for (const undo of teardown.reverse()) undo();
  });

  const notifier = createNotifier({ logger: log });
  const { window, tracker } = openWindow(join(userData, 'window-state.json'), notifier, log);
  teardown.push(() => tracker.save());
  teardown.push(setupCrashRecovery(core, window, log));
  teardown.push(enableContextMenu(window));
  teardown.push(registerIpc(core, logger));
  teardown.push(pushEvents(core.events, window.webContents));

  const status = watchAppStatus({ core, timers: systemTimers, logger: log });
  teardown.push(() => status.dispose());
  await status.refresh();
  const sync = createSyncActions({ sync: core.services.sync, isPolling: () => status.current().sync?.polling ?? false, logger: log });
  const tray = setupTray({
    status,
    platform: process.platform,
    formatTime: syncTimeFormatter(() => systemClock.now()),
    actions: { open: () => focusWindow(win), syncNow: sync.syncNow, togglePolling: sync.togglePolling, quit: () => app.quit() },
  });
  teardown.push(() => tray.destroy());
  const updates = setupAutoUpdate({ packaged: app.isPackaged, core, timers: systemTimers, logger: log });
  teardown.push(() => updates.dispose());
  teardown.push(
    setupMenu(core, status, sync, logDir, log, updates.menu, (action) => {
      if (action === 'restart') updates.controller.restartToUpdate();
      else updates.controller.checkNow();
    }),
  );
  teardown.push(setupNewMessageNotifications({ core, notifier, window: () => win, timers: systemTimers, logger: log }));
  teardown.push(setupAttentionNotifications({ core, notifier, window: () => win, logger: log }));
  teardown.push(core.services.settings.onSaved((saved) => applyLoginItem(saved.launchAtLogin, log)));
  applyLoginItem(core.services.settings.get().launchAtLogin, log);

  teardown.push(
    resyncOnWake({ powerMonitor, net, syncNow: () => core.services.sync.syncNow(), isPolling: () => status.current().sync?.polling ?? false, timers: systemTimers, logger: log }),
  );

  await core.start();
  deepLinks?.ready((link) => openLinkedConversation(core, link.conversationId, log));
  log.info('started');
}

/**
 * The core could not be built (its database cannot be opened or written): the window opens anyway
 * and says why in plain words. No tray and no sync; closing the window quits.
 */
function showStartupFailure(core: Pick<Core, 'handlers'>, windowStateFile: string, logger: Logger): void {
  const log = logger.scope('shell');
  const window = createMainWindow(initialBounds(readWindowState(windowStateFile, log), screen.getAllDisplays().map((d) => d.workArea)));
  win = window;
  const unregister = registerIpc(core, logger);
  window.on('closed', () => {
    unregister();
    app.quit();
  });
}

function openWindow(file: string, notifier: Notifier, log: Logger): { window: BrowserWindow; tracker: WindowStateTracker } {
  const saved = readWindowState(file, log);
  const window = createMainWindow(initialBounds(saved, screen.getAllDisplays().map((d) => d.workArea)));
  if (saved.maximized) window.maximize();
  win = window;
  const tracker = trackWindowState(window, file, saved, { timers: systemTimers, logger: log });
  enableCloseToTray(window, {
    isQuitting: () => quitting,
    trayNoticeShown: () => tracker.state.trayNoticeShown,
    showTrayNotice: () => {
      notifier.show(
        { title: 'Frontdesk is still running', body: 'It keeps checking for new messages from the tray. Quit from the tray menu.' },
        () => focusWindow(win),
      );
      tracker.markTrayNoticeShown();
    },
  });
  return { window, tracker };
}

/** A frontdesk:// link: the window comes forward on the conversation, if it exists. */
function openLinkedConversation(core: Core, conversationId: number, log: Logger): void {
  focusWindow(win);
  try {
    core.services.conversations.get(conversationId);
    core.events.emit({ type: 'uiCommand', command: 'openConversation', conversationId });
  } catch {
    log.warn('a frontdesk:// link named a conversation that does not exist', { conversationId });
  }
}

function setupCrashRecovery(core: Core, window: BrowserWindow, log: Logger): () => void {
  const tell = (message: string): void => {
    void dialog.showMessageBox({ type: 'error', title: 'Frontdesk', message: 'Frontdesk stopped restarting after repeated crashes.', detail: message });
  };
  const undoRenderer = recoverRendererCrashes({
    window,
    policy: createCrashPolicy(() => Date.now()),
    reload: () => loadRenderer(window, 'recovered'),
    gaveUp: tell,
    logger: log,
  });
  const undoCore = handleUncaughtErrors({
    process,
    policy: createCrashPolicy(() => Date.now()),
    restartSync: () => {
      void (async () => {
        // Restart only what was running: a user's pause stays a pause.
        if (!core.services.sync.status().polling) return;
        await core.services.sync.stopPolling();
        core.services.sync.startPolling();
      })().catch((error: unknown) => log.error('restarting sync after an uncaught error failed', { error }));
    },
    gaveUp: (message) => {
      void core.services.sync.stopPolling().catch((error: unknown) => log.error('stopping sync failed', { error }));
      tell(message);
    },
    logger: log,
  });
  return () => {
    undoRenderer();
    undoCore();
  };
}

function registerIpc(core: Pick<Core, 'handlers'>, logger: Logger): () => void {
  const log = logger.scope('ipc');
  const isTrustedSender = createSenderCheck({
    isOwnContents: (id) => win !== null && !win.isDestroyed() && win.webContents.id === id,
    appPageUrl: appPageUrl(),
  });
  return registerHandlers(ipcMain, core.handlers, { isTrustedSender, logger: log });
}

function setupMenu(
  core: Core,
  status: AppStatus,
  sync: ReturnType<typeof createSyncActions>,
  logDir: string,
  log: Logger,
  updates: UpdateMenuSource,
  update: (action: 'check' | 'restart') => void,
): () => void {
  const command = (name: 'openSettings' | 'focusSearch' | 'showHelp') => () => {
    focusWindow(win);
    core.events.emit({ type: 'uiCommand', command: name });
  };
  return setupAppMenu(
    status,
    { platform: process.platform, packaged: app.isPackaged, appName: app.getName() },
    {
      ...sync,
      openSettings: command('openSettings'),
      focusSearch: command('focusSearch'),
      showHelp: command('showHelp'),
      update,
      importGymBot: () => {
        if (!win || win.isDestroyed()) return;
        focusWindow(win);
        void runGymBotImportDialog({ window: win, dialog, importer: core.gymBot, logger: log });
      },
      openLogFolder: () => {
        void shell.openPath(logDir).then((error) => {
          if (error) log.warn('could not open the log folder', { error });
        });
      },
    },
    updates,
  );
}

function applyLoginItem(enabled: boolean, log: Logger): void {
  applyLaunchAtLogin(enabled, {
    app,
    platform: process.platform,
    packaged: app.isPackaged,
    autostartDir: join(app.getPath('appData'), 'autostart'),
    executable: process.env['APPIMAGE'] ?? process.execPath,
    logger: log,
  });
}

/** Quitting stops sync and closes the database first; a stuck close gives up after a few seconds. */
function setupGracefulQuit(core: Core, log: Logger, cleanup: () => void): void {
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (closed) return;
    event.preventDefault();
    closing ??= Promise.race([
      core.close(),
      new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref()),
    ])
      .catch((error: unknown) => log.error('closing the core failed', { error }))
      .finally(() => {
        closed = true;
        try {
          cleanup();
        } catch (error) {
          log.error('cleaning up before quit failed', { error });
        }
        log.info('quit');
        app.quit();
      });
  });
}

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (startupLog) startupLog.error('could not start', { error });
  else console.error('Frontdesk could not start', error);
  dialog.showErrorBox('Frontdesk could not start', `${message}\n\nThe log folder has the details.`);
  quitting = true;
  app.exit(1);
}
