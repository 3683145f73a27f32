// Settings → Activity: the app's one action log, newest first: what the assistant did and every
// text outreach sent, sent late, skipped (and why), blocked or failed, with reminders and
// overdue alerts. Rows are read from the log (listActions); "Show older" pages back.
import { useCallback, useEffect, useState } from 'react';
import { actionKindLabel, ASSISTANT_ACTION_KINDS, OUTREACH_ACTION_KINDS } from '../../../common/action-kinds';
import type { ActionLogEntry, ApiError } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import { formatFullTime } from '../format/list-time';
import { useAppDeps, useTimeOptions } from '../store/store-context';
import { ErrorLine } from './error-line';

const PAGE = 50;
const VIEWS = {
  all: { label: 'Everything', kinds: undefined },
  outreach: { label: 'Texts, schedules, reminders and campaigns', kinds: [...OUTREACH_ACTION_KINDS] },
  assistant: { label: 'The assistant', kinds: [...ASSISTANT_ACTION_KINDS] },
} as const;
type View = keyof typeof VIEWS;

/** The sentence a row says: outreach writes one (`summary`); the assistant's steps are told by their label. */
function summaryOf(e: ActionLogEntry): string | null {
  const summary = e.detail.summary;
  return typeof summary === 'string' ? summary : null;
}

export function ActivitySection() {
  const { api } = useAppDeps();
  const timeOptions = useTimeOptions();
  const [view, setView] = useState<View>('all');
  const [items, setItems] = useState<ActionLogEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    (beforeId?: number) => {
      const kinds = VIEWS[view].kinds;
      unwrap(api.listActions({ limit: PAGE, ...(beforeId === undefined ? {} : { beforeId }), ...(kinds ? { kinds: [...kinds] } : {}) })).then(
        ({ items: page }) => {
          setError(null);
          setItems((current) => (beforeId === undefined ? page : [...(current ?? []), ...page]));
          setMore(page.length === PAGE);
        },
        (e: unknown) => setError(toApiError(e)),
      );
    },
    [api, view],
  );
  useEffect(() => load(), [load]);

  return (
    <section className="settings-section" aria-labelledby="settings-activity">
      <h3 id="settings-activity">Activity</h3>
      <p className="muted">Everything Frontdesk sent or chose not to send, and why, newest first. It cannot be changed or deleted.</p>
      <div className="form-actions">
        <label>
          Show{' '}
          <select className="input" value={view} onChange={(e) => setView(e.target.value as View)}>
            {Object.entries(VIEWS).map(([key, v]) => (
              <option key={key} value={key}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small" onClick={() => load()}>
          Refresh
        </button>
      </div>
      <ErrorLine message={error?.message} />
      {items === null ? (
        error ? null : <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="activity-list" aria-label="Activity, newest first">
          {items.map((e) => {
            const summary = summaryOf(e);
            return (
              <li key={e.id} className="activity-row">
                <span className="muted">{formatFullTime(e.at, timeOptions)}</span> <strong>{actionKindLabel(e.kind)}</strong>
                {e.memberName && !summary?.includes(e.memberName) ? ` · ${e.memberName}` : ''}
                {summary ? ` · ${summary}` : ''}
                {e.reason ? <span className="activity-reason"> · why: {e.reason.replaceAll('_', ' ')}</span> : null}
                <span className="muted"> · by {e.actor}</span>
              </li>
            );
          })}
        </ol>
      )}
      {more && items ? (
        <button type="button" className="button button--small" onClick={() => load(items[items.length - 1]?.id)}>
          Show older
        </button>
      ) : null}
    </section>
  );
}
