// Owns the ClubOS session: signs in lazily, shares one sign-in between every caller that needs
// it, spaces sign-in attempts at least `minIntervalMs` apart, and after ClubOS refuses the
// credentials refuses every further attempt, so nobody hammers ClubOS with a wrong password.
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { ClubOSError, isClubOSError } from '../../common/errors/clubos-error';
import type { ClubPageContext } from './types';

export interface LiveSession {
  readonly context: ClubPageContext;
}

export interface SessionKeeper {
  /** The live session, signing in first when there is none. */
  current(signal?: AbortSignal): Promise<LiveSession>;
  /** Drops `session` if it is still the live one (a caller saw it expire). */
  invalidate(session: LiveSession): void;
  /** Drops whatever session there is (sign-out). */
  forget(): void;
  /** The live session without signing in, or null. */
  peek(): LiveSession | null;
  /** Resolves once no sign-in is under way (whatever its outcome). */
  settled(): Promise<void>;
}

export interface SessionKeeperOptions {
  signIn: () => Promise<ClubPageContext>;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  minIntervalMs: number;
  logger: Logger;
}

export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const { clock, logger } = options;
  let live: LiveSession | null = null;
  let pending: Promise<LiveSession> | null = null;
  let refusedWith: ClubOSError | null = null;
  let lastAttemptAt: number | null = null;

  async function signInOnce(): Promise<LiveSession> {
    if (lastAttemptAt !== null) {
      const wait = lastAttemptAt + options.minIntervalMs - clock.now();
      if (wait > 0) {
        logger.debug('waiting before the next ClubOS sign-in', { waitMs: wait });
        await options.sleep(wait);
      }
    }
    if (refusedWith) throw refusedWith;
    lastAttemptAt = clock.now();
    try {
      const context = await options.signIn();
      const session: LiveSession = { context };
      live = session;
      logger.info('signed in to ClubOS', { loggedInUserId: context.loggedInUserId, timeZone: context.timeZone ?? 'none on the page' });
      return session;
    } catch (error) {
      if (isClubOSError(error) && error.kind === 'credentials') {
        refusedWith = error;
        logger.warn('ClubOS refused the credentials; no further sign-in attempts');
      } else {
        logger.warn('ClubOS sign-in failed', { kind: isClubOSError(error) ? error.kind : 'unexpected' });
      }
      throw error;
    }
  }

  return {
    current(signal) {
      if (live) return Promise.resolve(live);
      if (refusedWith) return Promise.reject(refusedWith);
      if (!pending) {
        pending = signInOnce().finally(() => {
          pending = null;
        });
      }
      return untilAborted(pending, signal);
    },
    invalidate(session) {
      if (live === session) {
        live = null;
        logger.info('ClubOS session expired; signing in again');
      }
    },
    forget() {
      live = null;
    },
    peek: () => live,
    settled: () => (pending ? pending.then(ignore, ignore) : Promise.resolve()),
  };
}

const ignore = (): void => {};

/** The shared sign-in keeps going for the other callers; this caller just stops waiting. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new ClubOSError('timeout', 'cancelled while signing in to ClubOS'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new ClubOSError('timeout', 'cancelled while signing in to ClubOS'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new ClubOSError('session', 'ClubOS sign-in failed'));
      },
    );
  });
}
