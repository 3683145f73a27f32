// Under the composer: send the draft later, or be reminded if the member has not replied in N days,
// and what is scheduled for this conversation (with the "sent late" mark, and the confirm step for
// a text that came due while Frontdesk was closed). Keys: Ctrl/Cmd+Shift+L sends later,
// Ctrl/Cmd+Shift+M sets a reminder. The time picked and every time shown are the club's.
// The list follows scheduledChanged events, which carry the items: no refetch after a change.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Conversation, ScheduledItemView } from '../../../../common/contract';
import { toApiError, unwrap } from '../../api';
import { instantOfPicker, pickerValueAt, zoneAbbreviation } from '../../format/club-picker';
import { formatFullTime } from '../../format/list-time';
import { emptyDraft } from '../../store/composer-slice';
import { useAppDeps, useAppStore, useTimeOptions } from '../../store/store-context';
import { useOutreachResync, useScheduledEvents } from './use-outreach-events';
import { ErrorLine } from '../error-line';

const REMIND_DAYS = [1, 2, 3, 7] as const;
const STATE_LABELS: Record<ScheduledItemView['state'], string> = {
  pending: 'Scheduled',
  sending: 'Sending',
  needs_confirmation: 'Waiting for you',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Not sent',
};


function lateText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 90 ? `${minutes} min late` : `${Math.round(minutes / 60)} h late`;
}

export function SchedulePanel({ conversation }: { conversation: Conversation }) {
  const { api, now } = useAppDeps();
  const timeOptions = useTimeOptions();
  // The club's zone (this computer's only while ClubOS has named none and staff confirmed none).
  const zone = timeOptions.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const draft = useAppStore((s) => s.composer.drafts[conversation.id]) ?? emptyDraft(conversation);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const announce = useAppStore((s) => s.announce);
  const [items, setItems] = useState<ScheduledItemView[]>([]);
  const [when, setWhen] = useState(() => pickerValueAt(now() + 3_600_000, zone));
  const hintId = useId();
  const picked = instantOfPicker(when, zone);
  const [days, setDays] = useState<number>(2);
  const [error, setError] = useState<string | null>(null);
  const whenRef = useRef<HTMLInputElement>(null);
  const id = conversation.id;

  const reload = useCallback(() => {
    api.listScheduled({ conversationId: id }).then(
      (outcome) => {
        if (outcome.ok) setItems(outcome.value.items);
      },
      () => undefined,
    );
  }, [api, id]);
  useEffect(reload, [reload]);
  useOutreachResync(reload);
  useScheduledEvents(id, setItems);

  const act = async (what: Promise<unknown>, done: string): Promise<void> => {
    setError(null);
    try {
      await what;
      announce(done);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  const sendLater = (): void => {
    const body = draft.body.trim();
    if (body === '') {
      setError('Write the message first, then choose when to send it.');
      return;
    }
    if (!picked.ok) {
      setError(picked.message);
      return;
    }
    const dueAt = new Date(picked.epochMs);
    void act(
      unwrap(api.scheduleSend({ conversationId: id, channel: conversation.optedOut ? 'email' : draft.channel, body, dueAt: dueAt.toISOString(), ...(draft.subject.trim() ? { subject: draft.subject.trim() } : {}) })).then(() =>
        updateDraft(id, { body: '', suggestionId: null }),
      ),
      'Scheduled.',
    );
  };
  const remind = (): void => {
    void act(unwrap(api.scheduleReminder({ conversationId: id, dueAt: new Date(now() + days * 86_400_000).toISOString() })), `Reminder set for ${days} day${days === 1 ? '' : 's'} from now.`);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        whenRef.current?.focus();
      } else if (key === 'm') {
        event.preventDefault();
        remind();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const open = items.filter((i) => i.state !== 'cancelled');
  return (
    <section className="schedule" aria-label="Send later and reminders">
      <div className="schedule-bar">
        <label>
          Send later at (club time, {zoneAbbreviation(picked.ok ? picked.epochMs : now(), zone, timeOptions.locale)}){' '}
          <input
            ref={whenRef}
            type="datetime-local"
            className="input"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            aria-keyshortcuts="Control+Shift+L"
            aria-describedby={hintId}
          />
        </label>
        <span id={hintId} className="muted">
          {picked.ok ? `Goes out ${formatFullTime(new Date(picked.epochMs).toISOString(), { ...timeOptions, timeZone: zone })}${picked.note ? `. ${picked.note}` : ''}` : ''}
        </span>
        <button type="button" className="button button--small" onClick={sendLater} disabled={draft.body.trim() === ''} title="Ctrl/Cmd+Shift+L">
          Send later
        </button>
        <span className="muted">·</span>
        <label>
          Remind me if no reply in{' '}
          <select className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {REMIND_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} day{d === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small" onClick={remind} title="Ctrl/Cmd+Shift+M" aria-keyshortcuts="Control+Shift+M">
          Set reminder
        </button>
      </div>
      <ErrorLine message={error} className="schedule-bar" />
      {open.length > 0 ? (
        <ul className="scheduled-list" aria-label="Scheduled for this conversation">
          {open.map((item) => (
            <li key={item.id}>
              <span className="chip">{STATE_LABELS[item.state]}</span>
              <span className="scheduled-body" title={item.body ?? undefined}>
                {item.kind === 'send' ? item.body : 'Remind me if no reply'} · {formatFullTime(item.dueAt, timeOptions)}
                {item.outcome ? <span className="muted"> · {item.outcome}</span> : null}
              </span>
              {item.lateByMs !== null && item.state !== 'pending' ? <span className="late-mark">{item.state === 'done' ? `Sent ${lateText(item.lateByMs)}` : lateText(item.lateByMs)}</span> : null}
              {item.state === 'needs_confirmation' ? (
                <>
                  <button type="button" className="button button--small button--primary" onClick={() => void act(unwrap(api.confirmScheduled({ id: item.id, send: true })), 'Sending now.')}>
                    Send now
                  </button>
                  <button type="button" className="button button--small" onClick={() => void act(unwrap(api.confirmScheduled({ id: item.id, send: false })), 'Dropped.')}>
                    Drop
                  </button>
                </>
              ) : null}
              {item.state === 'pending' ? (
                <button type="button" className="button button--small" onClick={() => void act(unwrap(api.cancelScheduled({ id: item.id })), 'Cancelled.')}>
                  Cancel
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
