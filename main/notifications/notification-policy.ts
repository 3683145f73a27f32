// When to notify about new messages, and with what: one notification per burst (debounced, with
// a ceiling so a steady trickle still notifies), none for an owner's quiet first import, none
// while the window is focused, worded by the privacy setting. Showing it is the shell's job.
import type { AppEvent, NotificationPrivacy } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import { composeNotification, type ConversationSummary, type NotificationContent } from './compose-notification';
import type { TimerHandle, Timers } from '../../common/time/timers';

export interface NotificationPolicyOptions {
  /** The current privacy setting (read when a burst is shown, so a change applies at once). */
  privacy: () => Promise<NotificationPrivacy>;
  isWindowFocused: () => boolean;
  /** The conversations' current state, in the order asked; unknown ids are left out. */
  describe: (conversationIds: readonly number[]) => Promise<ConversationSummary[]>;
  show: (content: NotificationContent) => void;
  logger: Logger;
  timers: Timers;
  /** Quiet time after the last event before the burst is shown. */
  debounceMs?: number;
  /** Longest a burst waits after its first event, however busy the inbox. */
  maxWaitMs?: number;
}

export interface NotificationPolicy {
  /** Feed every core event; only non-quiet `messagesAdded` count. */
  handle(event: AppEvent): void;
  /** Shows the pending burst now instead of waiting. */
  flush(): Promise<void>;
  /** Drops the pending burst and its timers. */
  dispose(): void;
}

interface Burst {
  count: number;
  /** Conversation ids, least recently touched first. */
  conversationIds: number[];
}

const emptyBurst = (): Burst => ({ count: 0, conversationIds: [] });

export function createNotificationPolicy(options: NotificationPolicyOptions): NotificationPolicy {
  const { timers, logger, debounceMs = 1000, maxWaitMs = 5000 } = options;
  let burst = emptyBurst();
  let debounceTimer: TimerHandle | null = null;
  let maxWaitTimer: TimerHandle | null = null;

  const clearTimers = (): void => {
    if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
    if (maxWaitTimer !== null) timers.clearTimeout(maxWaitTimer);
    debounceTimer = null;
    maxWaitTimer = null;
  };

  const showBurst = async (taken: Burst): Promise<void> => {
    if (options.isWindowFocused()) {
      logger.debug('new messages while the window is focused: no notification', { count: taken.count });
      return;
    }
    const privacy = await options.privacy();
    if (privacy === 'off') return;
    const mostRecentFirst = [...taken.conversationIds].reverse();
    const described = await options.describe(mostRecentFirst);
    // A conversation read (or answered) since the messages arrived needs no notification.
    const unread = described.filter((c) => c.unreadCount > 0);
    const [first, ...rest] = unread;
    if (!first) return;
    // The event count may include messages of conversations that are read by now; the unread
    // counts bound it from above, the number of conversations from below.
    const unreadTotal = unread.reduce((sum, c) => sum + c.unreadCount, 0);
    const count = Math.max(unread.length, Math.min(taken.count, unreadTotal));
    const content = composeNotification(privacy, count, [first, ...rest]);
    if (content && !options.isWindowFocused()) options.show(content);
  };

  const flush = async (): Promise<void> => {
    clearTimers();
    const taken = burst;
    burst = emptyBurst();
    if (taken.count === 0) return;
    try {
      await showBurst(taken);
    } catch (error) {
      logger.warn('could not show a new-message notification', { error });
    }
  };

  return {
    handle(event) {
      if (event.type !== 'messagesAdded' || event.quiet || event.count <= 0) return;
      burst.count += event.count;
      for (const id of event.conversationIds) {
        const at = burst.conversationIds.indexOf(id);
        if (at >= 0) burst.conversationIds.splice(at, 1);
        burst.conversationIds.push(id);
      }
      if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
      debounceTimer = timers.setTimeout(() => void flush(), debounceMs);
      maxWaitTimer ??= timers.setTimeout(() => void flush(), maxWaitMs);
    },
    flush,
    dispose() {
      clearTimers();
      burst = emptyBurst();
    },
  };
}
