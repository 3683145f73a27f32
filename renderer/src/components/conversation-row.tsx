// One row of the conversation list: who, what they said last, when, how long they have waited,
// unread count, tags and who has it (team mode).
import type { Conversation, StaffMember } from '../../../common/contract';
import { formatFullTime, formatListTime } from '../format/list-time';
import type { LocaleOptions } from '../format/locale';
import { tagLabel } from '../format/tag-label';
import { waitingTime } from '../format/waiting-time';
import { staffLabel } from '../store/team-slice';

const STATUS_LABELS: Partial<Record<Conversation['status'], string>> = {
  snoozed: 'Snoozed',
  resolved: 'Resolved',
  archived: 'Archived',
  pending: 'Pending',
};

const OPTED_OUT = 'Opted out';
const ATTENTION: Record<NonNullable<Conversation['attention']>['reason'], { label: string; title: string }> = {
  waiting: { label: 'Overdue', title: 'Waited longer than the waiting-time rule allows' },
  no_reply: { label: 'No reply yet', title: 'The reminder you set came due and the member has not replied' },
};

export function rowDomId(conversationId: number): string {
  return `conversation-${conversationId}`;
}

export interface ConversationRowProps {
  conversation: Conversation;
  selected: boolean;
  position: number;
  setSize: number;
  now: number;
  localeOptions: LocaleOptions;
  top: number;
  height: number;
  /** One line less: waiting next to the time, tags left out. */
  compact?: boolean;
  /** This desk's staff member: their own assignments read "You". */
  me?: StaffMember | null;
  onSelect: (id: number) => void;
}

export function ConversationRow({
  conversation: c,
  selected,
  position,
  setSize,
  now,
  localeOptions,
  top,
  height,
  compact = false,
  me = null,
  onSelect,
}: ConversationRowProps) {
  const unread = c.unreadCount > 0;
  const waiting = c.requiresResponse && c.waitingSince !== null ? waitingTime(c.waitingSince, now, localeOptions.locale) : null;
  const status = STATUS_LABELS[c.status];
  // One chip per label: an opt-out intent says the same as the opted-out flag.
  const shown = new Set<string>([...(status ? [status] : []), ...(c.optedOut ? [OPTED_OUT] : [])]);
  const tags = [...(c.intent !== null ? [c.intent] : []), ...c.tags].filter((t) => {
    const label = tagLabel(t);
    if (shown.has(label)) return false;
    shown.add(label);
    return true;
  });
  const waitingChip = waiting ? (
    <span className={`waiting waiting--${waiting.level}`} title={`Waiting for a reply for ${waiting.long}`}>
      <span aria-hidden="true">Waiting {waiting.short}</span>
      <span className="sr-only">(waiting {waiting.long})</span>
    </span>
  ) : null;
  const attentionChip = c.attention ? (
    <span className="chip chip--attention" title={ATTENTION[c.attention.reason].title}>
      {ATTENTION[c.attention.reason].label}
    </span>
  ) : null;
  // Who has it, on the name line in both densities: short to see, whole for a screen reader.
  const assignee = c.assignee ? staffLabel(c.assignee, me) : null;
  const assigneeChip =
    assignee !== null ? (
      <span className="chip chip--assignee row-assignee" title={assignee === 'You' ? 'Assigned to you' : `Assigned to ${assignee}`}>
        <span aria-hidden="true">{assignee}</span>
        <span className="sr-only">(assigned to {assignee === 'You' ? 'you' : assignee})</span>
      </span>
    ) : null;
  return (
    <div
      id={rowDomId(c.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`row${compact ? ' row--compact' : ''}${selected ? ' row--selected' : ''}${unread ? ' row--unread' : ''}${c.attention ? ' row--attention' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(c.id)}
    >
      <div className="row-line">
        <span className="row-name" dir="auto">
          {c.memberName || 'Unknown member'}
        </span>
        {assigneeChip}
        {compact && attentionChip}
        {compact && waitingChip}
        {c.lastMessageAt !== null ? (
          <time className="row-time" dateTime={c.lastMessageAt} title={formatFullTime(c.lastMessageAt, localeOptions)}>
            {formatListTime(c.lastMessageAt, now, localeOptions)}
          </time>
        ) : null}
      </div>
      <div className="row-line">
        <span className="row-preview" dir="auto">
          {c.lastMessagePreview}
        </span>
        {compact && status ? <span className={`chip chip--status chip--${c.status}`}>{status}</span> : null}
        {unread ? (
          <span className="unread-badge">
            <span aria-hidden="true">{c.unreadCount > 99 ? '99+' : c.unreadCount}</span>
            <span className="sr-only">({c.unreadCount} unread)</span>
          </span>
        ) : null}
      </div>
      {compact ? null : (
        <div className="row-line row-meta">
          {attentionChip}
          {waitingChip}
          {status ? <span className={`chip chip--status chip--${c.status}`}>{status}</span> : null}
          {c.optedOut ? <span className="chip chip--warn">{OPTED_OUT}</span> : null}
          {tags.map((t) => (
            <span key={t} className="chip">
              {tagLabel(t)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
