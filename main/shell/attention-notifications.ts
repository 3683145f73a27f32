// One desktop notification per "needs attention" event from outreach; a click opens the conversation.
import type { BrowserWindow } from 'electron';
import type { Core } from '../core/core';
import type { Logger } from '../../common/log/logger';
import { composeAttentionNotification } from '../notifications/attention-notification';
import { openNotifiedConversation } from '../notifications/notification-click';
import { focusWindow } from './focus-window';
import type { Notifier } from './notifier';

export function setupAttentionNotifications({ core, notifier, window, logger }: { core: Pick<Core, 'events' | 'services'>; notifier: Notifier; window: () => BrowserWindow | null; logger: Logger }): () => void {
  return core.events.subscribe((event) => {
    if (event.type !== 'attentionRaised') return;
    const conversationId = event.conversationId;
    try {
      let memberName: string | null = null;
      try {
        memberName = core.services.conversations.get(conversationId).memberName;
      } catch {
        // The conversation went (account switched): the notification still says what is waiting.
      }
      const content = composeAttentionNotification(event, memberName, core.services.settings.get().notifications);
      if (content) notifier.show(content, () => openNotifiedConversation({ conversationId }, { focusWindow: () => focusWindow(window()), events: core.events }));
    } catch (error) {
      logger.warn('an attention notification failed', { error });
    }
  });
}
