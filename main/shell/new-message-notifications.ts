// Wires the notification policy to the core (events, conversation names, the privacy setting),
// the window (focus) and the notifier; a click opens the conversation.
import type { BrowserWindow } from 'electron';
import type { Core } from '../core/core';
import type { Logger } from '../../common/log/logger';
import type { ConversationSummary } from '../notifications/compose-notification';
import { openNotifiedConversation } from '../notifications/notification-click';
import { createNotificationPolicy } from '../notifications/notification-policy';
import type { Timers } from '../../common/time/timers';
import { focusWindow } from './focus-window';
import type { Notifier } from './notifier';

export interface NewMessageNotificationOptions {
  core: Pick<Core, 'events' | 'handlers'>;
  notifier: Notifier;
  window: () => BrowserWindow | null;
  timers: Timers;
  logger: Logger;
}

export function setupNewMessageNotifications({ core, notifier, window, timers, logger }: NewMessageNotificationOptions): () => void {
  const describe = async (ids: readonly number[]): Promise<ConversationSummary[]> => {
    const found = await Promise.all(
      ids.map((conversationId) =>
        core.handlers.getConversation({ conversationId }).then(
          (c) => ({ id: c.id, memberName: c.memberName, preview: c.lastMessagePreview, unreadCount: c.unreadCount }),
          // Gone since (merged, removed with its owner): nothing to notify about.
          () => null,
        ),
      ),
    );
    return found.filter((c): c is ConversationSummary => c !== null);
  };
  const policy = createNotificationPolicy({
    privacy: async () => (await core.handlers.getSettings({})).notifications,
    isWindowFocused: () => {
      const win = window();
      return win !== null && !win.isDestroyed() && win.isVisible() && win.isFocused();
    },
    describe,
    show: (content) =>
      notifier.show(content, () => openNotifiedConversation(content, { focusWindow: () => focusWindow(window()), events: core.events })),
    logger,
    timers,
  });
  const unsubscribe = core.events.subscribe((event) => policy.handle(event));
  return () => {
    unsubscribe();
    policy.dispose();
    notifier.close();
  };
}
