// Quietly re-reads ClubOS history for members who seem to be waiting, so a reply staff sent from
// ClubOS itself (which never shows in the inbox list) closes the conversation here too. Throttled:
// one history request per tick, each conversation at most once per `recheckMs`, and a failing
// ClubOS slows the ticks down (doubling, up to `maxBackoffMs`) instead of hammering it.
import type { Conversation } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';

export interface HistoryRefreshOptions {
  /** Time between two history requests. */
  intervalMs: number;
  /** A conversation is re-read at most this often. */
  recheckMs: number;
  /** Only members whose newest text is at most this old are re-read. */
  recentMs: number;
  maxBackoffMs: number;
}

const DAY_MS = 24 * 3600_000;

export const DEFAULT_HISTORY_REFRESH: HistoryRefreshOptions = {
  intervalMs: 4_000,
  recheckMs: 10 * 60_000,
  recentMs: 3 * 24 * 3600_000,
  maxBackoffMs: 5 * 60_000,
};

export interface HistoryRefreshDeps {
  clock: Clock;
  logger: Logger;
  /** Conversations that need a reply now, most recent first. */
  waiting(): Conversation[];
  /** Fetches and stores one conversation's history. */
  refresh(conversation: Conversation): Promise<void>;
  /** When given, read at every tick instead of `recentMs` (it follows a setting). */
  recentMs?: () => number;
}

export interface HistoryRefresher {
  start(): void;
  stop(): Promise<void>;
  /** Forgets when conversations were last read (a new account, or the threshold changed). */
  reset(): void;
  /** The conversation the next tick would read, if any (for tests and logs). */
  next(): Conversation | null;
}

export function createHistoryRefresher(deps: HistoryRefreshDeps, options: Partial<HistoryRefreshOptions> = {}): HistoryRefresher {
  const opts = { ...DEFAULT_HISTORY_REFRESH, ...options };
  const log = deps.logger.scope('history-refresh');
  const lastRead = new Map<number, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let inFlight: Promise<void> | null = null;
  let delay = opts.intervalMs;

  const next = (): Conversation | null => {
    const now = deps.clock.now();
    const recentMs = deps.recentMs?.() ?? opts.recentMs;
    for (const c of deps.waiting()) {
      // A day-only text carries its day's midnight: allow for it having come as late as 23:59.
      if (c.lastMessageAt === null || now - Date.parse(c.lastMessageAt) > recentMs + DAY_MS) continue;
      const read = lastRead.get(c.id);
      if (read !== undefined && now - read < opts.recheckMs) continue;
      return c;
    }
    return null;
  };

  const schedule = (): void => {
    if (!running) return;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };

  const tick = (): void => {
    timer = null;
    let candidate: Conversation | null;
    try {
      candidate = next();
    } catch (error) {
      log.warn('could not list waiting conversations', { error });
      candidate = null;
    }
    if (!candidate) {
      delay = opts.intervalMs;
      schedule();
      return;
    }
    lastRead.set(candidate.id, deps.clock.now());
    inFlight = deps.refresh(candidate).then(
      () => {
        delay = opts.intervalMs;
      },
      (error: unknown) => {
        delay = Math.min(delay * 2, opts.maxBackoffMs);
        log.info('background history read failed; slowing down', { error, nextInMs: delay });
      },
    );
    void inFlight.finally(() => {
      inFlight = null;
      schedule();
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      delay = opts.intervalMs;
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => undefined);
    },
    reset() {
      lastRead.clear();
    },
    next,
  };
}
