// Above the thread: who, the conversation's state, and what staff can do with it.
import type { Conversation } from '../../../common/contract';
import { snoozeOptions } from '../format/snooze-options';
import { tagLabel } from '../format/tag-label';
import { formatFullTime } from '../format/list-time';
import { useNow } from '../hooks/use-now';
import { useTimeOptions, useAppStore } from '../store/store-context';
import { TagEditor } from './tag-editor';
import { AssignControl, AssigneeChip } from './team/assign-control';
import { PresenceLine } from './team/presence-line';

const STATUS_TEXT: Readonly<Record<Conversation['status'], string>> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
  archived: 'Archived',
};

export function ThreadHeader({ conversation: c, titleId }: { conversation: Conversation; titleId: string }) {
  const setConversationStatus = useAppStore((s) => s.setConversationStatus);
  const markConversationUnread = useAppStore((s) => s.markConversationUnread);
  const markConversationHandled = useAppStore((s) => s.markConversationHandled);
  const markThreadRead = useAppStore((s) => s.markThreadRead);
  const showPane = useAppStore((s) => s.showPane);
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(60_000);
  const snoozes = snoozeOptions(now, locale);
  const closed = c.status === 'resolved' || c.status === 'archived';

  return (
    <div className="thread-header">
      <div className="thread-title-row">
        <button type="button" className="button button--small back-button" onClick={() => showPane('list')}>
          <span aria-hidden="true">‹ </span>Back<span className="sr-only"> to the list</span>
        </button>
        <h2 id={titleId} className="thread-title" dir="auto">
          {c.memberName || 'Unknown member'}
        </h2>
        <span className={`chip chip--status chip--${c.status}`}>
          {STATUS_TEXT[c.status]}
          {c.status === 'snoozed' && c.snoozedUntil !== null ? ` until ${formatFullTime(c.snoozedUntil, { locale, timeZone })}` : ''}
        </span>
        {c.intent !== null ? <span className="chip">{tagLabel(c.intent)}</span> : null}
        {c.optedOut ? <span className="chip chip--warn">Opted out of texts</span> : null}
        <AssigneeChip conversation={c} />
      </div>
      <PresenceLine conversationId={c.id} />
      <div className="thread-actions" role="group" aria-label="Conversation actions">
        {c.requiresResponse ? (
          <button
            type="button"
            className="button button--small"
            title="Nothing to answer: leaves Needs reply until the member texts again (h)"
            onClick={() => void markConversationHandled(c.id)}
          >
            Mark handled
          </button>
        ) : null}
        {closed ? (
          <button type="button" className="button button--small" onClick={() => void setConversationStatus(c.id, 'open')}>
            Reopen
          </button>
        ) : (
          <button type="button" className="button button--small" title="Resolve (e)" onClick={() => void setConversationStatus(c.id, 'resolved')}>
            Resolve
          </button>
        )}
        <label className="sr-only" htmlFor={`snooze-${c.id}`}>
          Snooze (s)
        </label>
        <select
          id={`snooze-${c.id}`}
          className="select select--small"
          value=""
          onChange={(event) => {
            const option = snoozes.find((o) => o.id === event.target.value);
            if (option) void setConversationStatus(c.id, 'snoozed', option.until);
          }}
        >
          <option value="" disabled>
            Snooze…
          </option>
          {snoozes.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <AssignControl conversation={c} />
        {c.status !== 'archived' ? (
          <button type="button" className="button button--small" title="Archive (a)" onClick={() => void setConversationStatus(c.id, 'archived')}>
            Archive
          </button>
        ) : null}
        {c.unreadCount > 0 ? (
          <button type="button" className="button button--small" title="Mark read (Shift+I)" onClick={() => void markThreadRead()}>
            Mark read
          </button>
        ) : (
          <button type="button" className="button button--small" title="Mark unread (u)" onClick={() => void markConversationUnread(c.id)}>
            Mark unread
          </button>
        )}
      </div>
      <TagEditor conversation={c} />
    </div>
  );
}
