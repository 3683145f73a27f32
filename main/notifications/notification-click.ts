// A click on a new-message notification brings the window forward on that conversation. The
// renderer learns which one through a `uiCommand` event, like any other command from main.
import type { EventBus } from '../../common/event-bus';
import type { NotificationContent } from './compose-notification';

export function openNotifiedConversation(
  content: Pick<NotificationContent, 'conversationId'>,
  deps: { focusWindow: () => void; events: Pick<EventBus, 'emit'> },
): void {
  deps.focusWindow();
  deps.events.emit({ type: 'uiCommand', command: 'openConversation', conversationId: content.conversationId });
}
