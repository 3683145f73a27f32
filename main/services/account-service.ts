// The signed-in account: which session runs (demo or a ClubOS login), signing in and out, and
// the account as the window shows it. Every other service reaches the current session's
// database, client and sync engine through `current()`, so a switch of account reaches them all.
import type { Account } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import { isClubOSError } from '../../common/errors/clubos-error';
import type { EventBus } from '../../common/event-bus';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { createClubOSClient } from '../clubos/client';
import { CLUBOS_BASE_URL, openAccountSession, openDemoSession, type Session, type SessionDeps } from './account-session';
import type { CredentialStore } from './credential-store';

export interface DemoOptions {
  seed?: number;
  liveIntervalMs?: number;
  historyDays?: number;
}

export interface AccountService {
  /** The running session; replaced on sign-in and sign-out. */
  current(): Session;
  account(): Account;
  signIn(input: { username: string; password: string; baseUrl?: string | undefined }): Promise<Account>;
  signOut(): Promise<Account>;
  /** Polling was asked for: a session opened later (after a sign-in) starts polling too. */
  wantPolling(): void;
  /** Makes sure the own inbox is synced and starts polling. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface AccountServiceDeps {
  session: Omit<SessionDeps, 'events'>;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  credentials: CredentialStore;
  demo: DemoOptions;
}

export async function createAccountService(deps: AccountServiceDeps): Promise<AccountService> {
  const { credentials, events, clock, logger } = deps;
  const sessionDeps: SessionDeps = { ...deps.session, events };

  const open = async (): Promise<Session> => {
    const saved = credentials.load();
    if (saved) return openAccountSession(sessionDeps, saved);
    return openDemoSession(sessionDeps, deps.demo);
  };

  let session = await open();
  let started = false;

  const account = (): Account => ({
    mode: session.mode,
    username: session.username,
    baseUrl: session.baseUrl,
    secretStorage: credentials.level(),
    clubTimeZone: session.knownContext()?.timeZone ?? null,
  });

  /** Once ClubOS has told us the club's zone, the window shows times on the club's clock. */
  const announceClubContext = (current: Session): void => {
    current.clubContext().then(
      () => {
        if (current === session) events.emit({ type: 'accountChanged', account: account() });
      },
      () => undefined, // the sync status reports why ClubOS could not be reached
    );
  };

  async function switchSession(): Promise<void> {
    const wasStarted = started;
    await session.close();
    session = await open();
    events.emit({ type: 'accountChanged', account: account() });
    events.emit({ type: 'syncStatusChanged', status: session.engine.status() });
    if (wasStarted) await session.start();
    announceClubContext(session);
  }

  return {
    current: () => session,
    account,

    async signIn({ username, password, baseUrl }) {
      if (credentials.level() === 'unavailable') {
        throw new AppError('insecure_storage', 'This computer offers no secure storage for the ClubOS password, so Frontdesk cannot keep you signed in.');
      }
      const target = baseUrl ?? CLUBOS_BASE_URL;
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

    wantPolling() {
      started = true;
    },

    async start() {
      started = true;
      await session.start();
      announceClubContext(session);
    },

    close: () => session.close(),
  };
}
