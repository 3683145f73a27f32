// The words of a grouped new-message notification, for each privacy level.
import type { NotificationPrivacy } from '../../common/contract';

export interface ConversationSummary {
  id: number;
  memberName: string;
  /** The latest message's text. Shown only at privacy `name_and_text`. */
  preview: string;
  unreadCount: number;
}

export interface NotificationContent {
  title: string;
  body: string;
  /** The conversation a click opens: the most recent one in the group. */
  conversationId: number;
}

const MAX_NAMES = 3;
const MAX_PREVIEW_LINES = 3;
const MAX_PREVIEW_CHARS = 140;

const messagesPhrase = (count: number): string => (count === 1 ? 'New message' : `${count} new messages`);

function namesPhrase(conversations: readonly ConversationSummary[]): string {
  const names = [...new Set(conversations.map((c) => c.memberName.trim() || 'Unknown member'))];
  const shown = names.slice(0, MAX_NAMES).join(', ');
  const rest = names.length - MAX_NAMES;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_PREVIEW_CHARS ? `${flat.slice(0, MAX_PREVIEW_CHARS - 1)}…` : flat;
}

/**
 * `conversations` come most recent first and are non-empty; `count` is the number of new
 * messages across them. Returns null when the privacy level is `off`.
 */
export function composeNotification(
  privacy: NotificationPrivacy,
  count: number,
  conversations: readonly [ConversationSummary, ...ConversationSummary[]],
): NotificationContent | null {
  const conversationId = conversations[0].id;
  switch (privacy) {
    case 'off':
      return null;
    case 'count_only':
      return { title: messagesPhrase(count), body: '', conversationId };
    case 'name_only':
      return { title: `${messagesPhrase(count)} from ${namesPhrase(conversations)}`, body: '', conversationId };
    case 'name_and_text': {
      const body =
        conversations.length === 1
          ? clip(conversations[0].preview)
          : conversations
              .slice(0, MAX_PREVIEW_LINES)
              .map((c) => `${c.memberName}: ${clip(c.preview)}`)
              .join('\n');
      return { title: `${messagesPhrase(count)} from ${namesPhrase(conversations)}`, body, conversationId };
    }
  }
}
