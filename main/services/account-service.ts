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
import { CLUBOS_BASE_URL, openAccountSession, openDemoSession, type DemoOptions, type Session, type SessionDeps } from './account-session';
import { clubTimeZoneStore } from './club-time-zone';
import type { CredentialStore } from './credential-store';

export interface AccountService {
  /** The running session; replaced on sign-in and sign-out. */
  current(): Session;
  account(): Account;
  signIn(input: { username: string; password: string; baseUrl?: string | undefined }): Promise<Account>;
  signOut(): Promise<Account>;
  /** Confirms the club's zone where ClubOS names none; refused when ClubOS names it. */
  setClubTimeZone(timeZone: string): Promise<Account>;
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
  /** Where sign-in goes when no address is typed; default ClubOS. Tests point it at a simulator. */
  clubosBaseUrl?: string | undefined;
}

export async function createAccountService(deps: AccountServiceDeps): Promise<AccountService> {
  const { credentials, events, clock, logger } = deps;
  const log = logger.scope('core');
  const clubZones = clubTimeZoneStore(deps.session.appDb);
  const sessionDeps: SessionDeps = { ...deps.session, events };

  const open = async (): Promise<Session> => {
    const saved = await credentials.load();
    if (saved) return openAccountSession(sessionDeps, saved);
    return openDemoSession(sessionDeps, deps.demo);
  };

  let session = await open();
  let started = false;
  // What account() reports; the keystore answers asynchronously, so it is asked at start and on sign-in/out.
  let secretStorage = await credentials.level();

  const timeZoneSource = (current: Session): Account['clubTimeZoneSource'] => {
    const context = current.knownContext();
    if (!context) return null;
    if (context.timeZoneSource === 'clubos') return 'clubos';
    return clubZones.confirmed(current.account) !== null ? 'confirmed' : 'assumed';
  };

  const account = (): Account => ({
    mode: session.mode,
    username: session.username,
    baseUrl: session.baseUrl,
    secretStorage,
    clubTimeZone: session.knownContext()?.timeZone ?? null,
    clubTimeZoneSource: timeZoneSource(session),
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
      secretStorage = await credentials.level();
      if (secretStorage === 'unavailable') {
        throw new AppError('insecure_storage', 'This computer offers no secure storage for the ClubOS password, so Frontdesk cannot keep you signed in.');
      }
      const target = baseUrl ?? deps.clubosBaseUrl ?? CLUBOS_BASE_URL;
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
      await credentials.save({ username, password, baseUrl: target });
      await switchSession();
      return account();
    },

    async signOut() {
      credentials.clear();
      secretStorage = await credentials.level();
      await switchSession();
      return account();
    },

    async setClubTimeZone(timeZone) {
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
