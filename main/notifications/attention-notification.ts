// What a "needs attention" notification says (a conversation waited too long, a no-reply reminder
// came due, a late scheduled text waits for confirmation), within the user's privacy setting.
import type { AppEvent, NotificationPrivacy } from '../../common/contract';
import type { NotifierMessageLike } from './notifier-message';

type AttentionEvent = Extract<AppEvent, { type: 'attentionRaised' }>;

const TITLES: Record<AttentionEvent['reason'], string> = {
  waiting: 'Waiting too long',
  no_reply: 'No reply yet',
  confirm_late: 'Scheduled text needs you',
};

export function composeAttentionNotification(event: AttentionEvent, memberName: string | null, privacy: NotificationPrivacy): NotifierMessageLike | null {
  if (privacy === 'off') return null;
  const title = TITLES[event.reason];
  if (privacy === 'count_only' || memberName === null) return { title, body: 'A conversation needs your attention.' };
  if (privacy === 'name_only') return { title, body: memberName };
  return { title, body: event.detail };
}
