// The approval queue: each draft the assistant wrote beside the member's text, with why it was
// drafted (intent, confidence, the knowledge it used, what held it back). Keyboard driven: j/k
// move, e edits, a approves (sends), r rejects, x selects, Shift+A approves every selected draft.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AssistantDraft } from '../../../common/contract';
import { INTENT_LABELS } from '../../../common/intent-catalog';
import { formatFullTime } from '../format/list-time';
import { useAppStore, useTimeOptions } from '../store/store-context';
import { Modal } from './modal';
import { ErrorLine } from './error-line';

function Why({ draft }: { draft: AssistantDraft }) {
  return (
    <div className="queue-why">
      <span className="chip chip--small">{draft.intent ? INTENT_LABELS[draft.intent] : 'Unclassified'}</span>
      {draft.confidence !== null ? <span className="muted"> {Math.round(draft.confidence * 100)}% sure</span> : null}
      {draft.facts.length > 0 ? <span className="muted"> · uses {draft.facts.map((f) => f.id).join(', ')}</span> : <span className="muted"> · no facts from Knowledge</span>}
      {draft.notes.length > 0 ? (
        <div className="queue-notes">
          {draft.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function ApprovalQueueDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const queue = useAppStore((s) => s.assistant.queue);
  const status = useAppStore((s) => s.assistant.queueStatus);
  const error = useAppStore((s) => s.assistant.queueError);
  const deciding = useAppStore((s) => s.assistant.deciding);
  const loadQueue = useAppStore((s) => s.loadQueue);
  const decideDraft = useAppStore((s) => s.decideDraft);
  const approveDrafts = useAppStore((s) => s.approveDrafts);
  const timeOptions = useTimeOptions();
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [edits, setEdits] = useState<Record<number, string>>({});
  const itemRefs = useRef(new Map<number, HTMLElement>());
  const textRefs = useRef(new Map<number, HTMLTextAreaElement>());

  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    void loadQueue();
  }, [loadQueue]);

  // A decided draft leaves the list, and focus with it: keep the keyboard in the queue, on the
  // next draft (or the dialog when none is left).
  useEffect(() => {
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body) return;
    const next = queue[Math.min(active, queue.length - 1)];
    const target = next ? itemRefs.current.get(next.id) : listRef.current?.closest<HTMLElement>('[role="dialog"]');
    target?.focus();
  }, [queue, active]);

  const index = Math.min(active, Math.max(queue.length - 1, 0));
  const current = queue[index];
  const focusItem = (i: number): void => {
    const d = queue[i];
    if (!d) return;
    setActive(i);
    itemRefs.current.get(d.id)?.focus();
  };
  const bodyOf = (d: AssistantDraft): string => edits[d.id] ?? d.body;
  const approve = (d: AssistantDraft): void => {
    const body = bodyOf(d).trim();
    void decideDraft(d.id, 'approve', body === d.body ? undefined : body);
  };
  const toggle = (id: number): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectedIds = queue.filter((d) => selected.has(d.id) && !d.optedOut).map((d) => d.id);

  const onListKey = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.target instanceof HTMLTextAreaElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    const handled = ((): boolean => {
      if (key === 'j' || key === 'ArrowDown') return focusItem(Math.min(index + 1, queue.length - 1)), true;
      if (key === 'k' || key === 'ArrowUp') return focusItem(Math.max(index - 1, 0)), true;
      if (!current) return false;
      if (key === 'A' && event.shiftKey) return selectedIds.length > 0 && void approveDrafts(selectedIds), true;
      if (key === 'a') return approve(current), true;
      if (key === 'r') return void decideDraft(current.id, 'reject'), true;
      if (key === 'x' || key === ' ') return toggle(current.id), true;
      if (key === 'e') return textRefs.current.get(current.id)?.focus(), true;
      return false;
    })();
    if (handled) event.preventDefault();
  };

  return (
    <Modal title={`Approval queue${queue.length > 0 ? ` (${queue.length})` : ''}`} onClose={closeDialog} wide>
      <p className="muted">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>e</kbd> edit · <kbd>a</kbd> approve and send · <kbd>r</kbd> reject · <kbd>x</kbd> select ·{' '}
        <kbd>Shift</kbd>+<kbd>A</kbd> approve selected
      </p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={selectedIds.length === 0} onClick={() => void approveDrafts(selectedIds)}>
          Approve selected ({selectedIds.length})
        </button>
      </div>
      <ErrorLine message={error?.message} />
      {status === 'loading' && queue.length === 0 ? <p className="muted">Loading…</p> : null}
      {status === 'ready' && queue.length === 0 ? <p className="muted">Nothing waits for approval.</p> : null}
      <ol ref={listRef} className="queue-list" aria-label="Drafts waiting for approval" onKeyDown={onListKey}>
        {queue.map((d, i) => {
          const busy = deciding.includes(d.id);
          const textId = `queue-text-${d.id}`;
          return (
            <li
              key={d.id}
              ref={(el) => {
                if (el) itemRefs.current.set(d.id, el);
                else itemRefs.current.delete(d.id);
              }}
              className={`queue-item${i === index ? ' queue-item--active' : ''}`}
              tabIndex={i === index ? 0 : -1}
              aria-current={i === index ? 'true' : undefined}
              aria-label={`${d.memberName}: ${d.memberText}`}
              onFocus={() => setActive(i)}
            >
              <div className="queue-member">
                <label className="checkbox">
                  <input type="checkbox" checked={selected.has(d.id)} disabled={d.optedOut} onChange={() => toggle(d.id)} />
                  <strong>{d.memberName}</strong>
                </label>
                <span className="muted"> · {formatFullTime(d.memberTextAt, timeOptions)}</span>
                <p className="queue-member-text">{d.memberText}</p>
              </div>
              <div className="queue-draft">
                <label htmlFor={textId} className="sr-only">
                  Reply to {d.memberName}
                </label>
                <textarea
                  id={textId}
                  ref={(el) => {
                    if (el) textRefs.current.set(d.id, el);
                    else textRefs.current.delete(d.id);
                  }}
                  className="input"
                  rows={3}
                  value={bodyOf(d)}
                  onChange={(e) => setEdits((x) => ({ ...x, [d.id]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      // Back to the item, not out of the queue.
                      e.preventDefault();
                      e.stopPropagation();
                      itemRefs.current.get(d.id)?.focus();
                    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      approve(d);
                    }
                  }}
                />
                <Why draft={d} />
                {d.optedOut ? <p className="warn-text">Opted out of texts: reply by email from the conversation instead.</p> : null}
                <div className="form-actions">
                  <button type="button" className="button button--primary button--small" disabled={busy || d.optedOut || bodyOf(d).trim() === ''} onClick={() => approve(d)}>
                    {edits[d.id] !== undefined && edits[d.id] !== d.body ? 'Send edited' : 'Approve and send'}
                  </button>
                  <button type="button" className="button button--small" disabled={busy} onClick={() => void decideDraft(d.id, 'reject')}>
                    Reject
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </Modal>
  );
}
