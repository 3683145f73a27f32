// One message. The body is React text, never markup: whatever a member types is shown as typed.
import type { Message } from '../../../common/contract';
import { formatClubClock } from '../format/message-time';

const DIRECTION_LABEL: Readonly<Record<Message['direction'], string>> = {
  inbound: 'From member',
  outbound: 'Sent',
  system: 'ClubOS',
};

export function messageDomId(messageId: number): string {
  return `message-${messageId}`;
}

export function MessageItem({ message: m, target, locale }: { message: Message; target: boolean; locale: string | undefined }) {
  const time = m.localTime !== null ? formatClubClock(m.localTime, locale) : null;
  return (
    <li
      id={messageDomId(m.id)}
      className={`message message--${m.direction}${target ? ' message--target' : ''}${m.direction === 'inbound' && m.readAt === null ? ' message--unread' : ''}`}
      aria-current={target ? 'true' : undefined}
    >
      <div className="message-bubble">
        {m.subject ? (
          <p className="message-subject" dir="auto">
            <span className="sr-only">Subject: </span>
            {m.subject}
          </p>
        ) : null}
        {/* dir="auto": an Arabic or Hebrew text reads right to left in its own bubble. */}
        <p className="message-body" dir="auto">
          {m.body}
        </p>
      </div>
      <p className="message-meta">
        <span className="sr-only">{DIRECTION_LABEL[m.direction]}: </span>
        {m.senderName ? <span className="message-sender">{m.senderName}</span> : null}
        {time !== null ? <span className="message-time">{time}</span> : null}
        {m.channel === 'email' ? <span className="chip chip--small">Email</span> : null}
      </p>
    </li>
  );
}
