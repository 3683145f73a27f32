// Under the thread: one "why" line for every automatic action the assistant took in this
// conversation (and the draft waiting for approval), from the action log.
import type { ActionLogEntry } from '../../../common/contract';
import { INTENT_LABELS } from '../../../common/intent-catalog';
import { formatFullTime } from '../format/list-time';
import type { LocaleOptions } from '../format/locale';
import { useAppStore, useTimeOptions } from '../store/store-context';

const AUTOMATIC = new Set(['auto_sent', 'after_hours_ack']);

function whyLine(e: ActionLogEntry, options: LocaleOptions): string {
  const when = formatFullTime(e.at, options);
  if (e.kind === 'after_hours_ack') return `${when}: sent automatically because the front desk was closed (once per closed period).`;
  const intent = e.intent ? INTENT_LABELS[e.intent] : 'message';
  const sure = e.confidence !== null ? `${Math.round(e.confidence * 100)}% sure it was ${intent}` : intent;
  const used = Array.isArray(e.detail.facts) ? e.detail.facts.filter((f): f is string => typeof f === 'string') : [];
  const facts = used.length > 0 ? `; used ${used.join(', ')}` : '';
  return `${when}: sent automatically (${sure}; policy "send by itself"${facts}).`;
}

export function AssistantWhy({ conversationId }: { conversationId: number }) {
  const actions = useAppStore((s) => (s.assistant.actions.conversationId === conversationId ? s.assistant.actions.items : null));
  const openDialog = useAppStore((s) => s.openDialog);
  const timeOptions = useTimeOptions();
  if (!actions) return null;
  const automatic = actions.filter((a) => AUTOMATIC.has(a.kind)).slice(0, 5);
  const queued = actions.find((a) => a.kind === 'queued');
  const decided = queued ? actions.some((a) => a.draftId === queued.draftId && (a.kind === 'sent' || a.kind === 'rejected')) : true;
  if (automatic.length === 0 && decided) return null;
  return (
    <div className="assistant-why" role="note" aria-label="What the assistant did">
      {automatic.map((a) => (
        <p key={a.id} className="why-line">
          <span aria-hidden="true">⚙ </span>
          {whyLine(a, timeOptions)}
        </p>
      ))}
      {!decided ? (
        <p className="why-line">
          A drafted reply waits for approval{queued?.reason ? ` (${queued.reason.replaceAll('_', ' ')})` : ''}.{' '}
          <button type="button" className="link-button" onClick={() => openDialog('queue')}>
            Open the approval queue
          </button>
        </p>
      ) : null}
    </div>
  );
}
