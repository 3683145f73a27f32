// Sync at once when the machine wakes, the screen unlocks or the network comes back, instead of
// waiting out the poll interval (or a backoff that grew while the laptop slept). Such events come
// in bunches (resume, then unlock, then online), and the network needs a moment after a wake:
// one sync follows the last of a bunch after a short settle. A user's pause is respected.
import type { Logger } from '../../common/log/logger';
import type { TimerHandle, Timers } from '../../common/time/timers';

export type ResyncReason = 'resume' | 'unlock' | 'online';

export interface ResyncTrigger {
  trigger(reason: ResyncReason): void;
  dispose(): void;
}

export const RESYNC_SETTLE_MS = 2_000;

export function createResyncTrigger(deps: {
  syncNow: () => Promise<unknown>;
  isPolling: () => boolean;
  timers: Timers;
  logger: Logger;
  settleMs?: number;
}): ResyncTrigger {
  let timer: TimerHandle | null = null;
  const reasons = new Set<ResyncReason>();
  return {
    trigger(reason) {
      reasons.add(reason);
      if (timer) deps.timers.clearTimeout(timer);
      timer = deps.timers.setTimeout(() => {
        timer = null;
        const why = [...reasons];
        reasons.clear();
        if (!deps.isPolling()) return;
        deps.logger.info('resync', { reasons: why });
        deps.syncNow().catch((error: unknown) => deps.logger.warn('resync failed', { error }));
      }, deps.settleMs ?? RESYNC_SETTLE_MS);
    },
    dispose() {
      if (timer) deps.timers.clearTimeout(timer);
      timer = null;
    },
  };
}

/** Turns repeated readings of "is the network up" into `online` edges. */
export function onlineEdges(isOnline: () => boolean, onOnline: () => void): () => void {
  let last = isOnline();
  return () => {
    const now = isOnline();
    if (now && !last) onOnline();
    last = now;
  };
}
