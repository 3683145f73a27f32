// Wires the notification policy to the core (events, conversation names, the privacy setting),
// the window (focus) and the notifier; a click opens the conversation.
import type { BrowserWindow } from 'electron';
import type { Conversation } from '../../common/contract';
import type { Core } from '../core/core';
import type { Logger } from '../../common/log/logger';
import type { ConversationSummary } from '../notifications/compose-notification';
import { openNotifiedConversation } from '../notifications/notification-click';
import { createNotificationPolicy } from '../notifications/notification-policy';
import type { Timers } from '../../common/time/timers';
import { focusWindow } from './focus-window';
import type { Notifier } from './notifier';

export interface NewMessageNotificationOptions {
  core: Pick<Core, 'events' | 'services'>;
  notifier: Notifier;
  window: () => BrowserWindow | null;
  timers: Timers;
  logger: Logger;
}

export function setupNewMessageNotifications({ core, notifier, window, timers, logger }: NewMessageNotificationOptions): () => void {
  // Every change event carries the conversations it changed: keep the latest copy of each, so a
  // notification names its members without asking the database again.
  const latest = new Map<number, ConversationSummary>();
  const remember = (c: Conversation): void => {
    latest.set(c.id, { id: c.id, memberName: c.memberName, preview: c.lastMessagePreview, unreadCount: c.unreadCount });
  };
  const describe = (ids: readonly number[]): Promise<ConversationSummary[]> => {
    // Gone since (merged, removed with its owner) or never announced: nothing to notify about.
    const found = ids.flatMap((id) => latest.get(id) ?? []);
    for (const id of ids) latest.delete(id);
    return Promise.resolve(found);
  };
  const policy = createNotificationPolicy({
    privacy: () => Promise.resolve(core.services.settings.get().notifications),
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
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'messagesAdded' && !event.quiet) event.conversations.forEach(remember);
    // Read or changed before the burst is shown: show it as it is now.
    if (event.type === 'conversationUpdated' && latest.has(event.conversation.id)) remember(event.conversation);
    policy.handle(event);
  });
  return () => {
    unsubscribe();
    policy.dispose();
    notifier.close();
  };
}
