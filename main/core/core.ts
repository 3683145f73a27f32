// What the shell, the browser test bridge and the benchmarks get from `createCore`.
import type { Handlers } from '../../common/contract';
import type { HistoryRefreshOptions } from '../services/waiting-service';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { DemoOptions } from '../services/account-session';
import type { CredentialStore } from '../services/credential-store';
import type { Services } from '../services/services';
import type { EventBus } from '../../common/event-bus';
import type { Timers } from '../../common/time/timers';
import type { GymBotImporter } from '../import/gym-bot-importer';
import type { SecretStore } from '../services/secret-store';
import type { LaunchWorkerProcess, WorkerProcess } from '../sync-worker/worker-process';
import type { TeamLinkFactory } from '../team/team-link';

export interface CoreOptions {
  /** Folder for the database (and its backups); created if missing. */
  dataDir: string;
  clock: Clock;
  logger: Logger;
  credentials: CredentialStore;
  /** The model API key (Settings → Assistant); in memory when not given. */
  modelKey?: SecretStore;
  /** The team's PostgreSQL connection string (Settings → Team); in memory when not given. */
  teamSecret?: SecretStore;
  /** Builds the link to a team store; default PostgreSQL (main/team/pg-link.ts). */
  teamLink?: TeamLinkFactory;
  /** Shown by appInfo; the shell passes app.getVersion(). */
  appVersion?: string;
  /** Demo mode (no stored credentials): the built-in simulator's settings. */
  demo?: DemoOptions;
  /** Where Settings → Account signs in when no address is typed; default ClubOS. Tests point it at a simulator. */
  clubosBaseUrl?: string;
  /** Timers for the outreach loop (tests pass fake ones). */
  timers?: Timers;
  /** Outreach tuning for tests and the crash soak: how old an unknown send must be to call it lost, the idle pass interval. */
  outreach?: { settleAfterMs?: number; idleMs?: number };
  /** The background history reads that close conversations staff answered in ClubOS; false turns them off. */
  historyRefresh?: Partial<HistoryRefreshOptions> | false;
  /**
   * Where polls run: 'worker' (the default, what the app runs) is the sync worker, a process of
   * its own with its own database connection and the system clock; 'main' is this thread, on
   * `clock` (tests that drive sync with a manual clock).
   */
  syncIn?: 'worker' | 'main';
  /** Starts the sync worker's process; default a Node child process. The shell passes Electron's utility process. */
  launchSyncWorker?: LaunchWorkerProcess;
  /** Sees each sync worker as it starts (tests kill one to prove a crash loses nothing). */
  onSyncWorker?: (worker: WorkerProcess) => void;
}

export interface Core {
  /** One service per feature: what the shell, the tray and notifications use. */
  readonly services: Services;
  /** The same services behind the IPC contract: what the window (through IPC or the test bridge) uses. */
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** File → Import from gym bot: preview, then write, into the current account. */
  readonly gymBot: GymBotImporter;
  /** Unread messages over every owner: the tray icon and the app badge. */
  unreadTotal(): number;
  /** Starts polling every enabled owner (in demo mode against the built-in simulator). */
  start(): Promise<void>;
  /** Stops polling, waits for in-flight work, closes the database and the simulator. */
  close(): Promise<void>;
}
