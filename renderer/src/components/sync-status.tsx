// The header's sync state: a live "Synced 12s ago", Syncing…, Paused, or the error with its reason
// and Retry.
import { formatFullTime } from '../format/list-time';
import { formatAgo } from '../format/relative-time';
import { summarizeSync } from '../format/sync-summary';
import { useNow } from '../hooks/use-now';
import { useTimeOptions, useAppStore } from '../store/store-context';

function SyncedAgo({ lastSuccessAt }: { lastSuccessAt: string }) {
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(1000);
  return (
    <span className="sync-text" title={`Last synced ${formatFullTime(lastSuccessAt, { locale, timeZone })}`}>
      Synced {formatAgo(Date.parse(lastSuccessAt), now, locale)}
    </span>
  );
}

export function SyncStatusView() {
  const status = useAppStore((s) => s.sync.status);
  const pending = useAppStore((s) => s.sync.pending);
  const syncNow = useAppStore((s) => s.syncNow);
  const openDialog = useAppStore((s) => s.openDialog);
  const summary = pending === 'sync' ? ({ kind: 'syncing' } as const) : summarizeSync(status);

  switch (summary.kind) {
    case 'loading':
      return <div className="sync-status">Checking sync…</div>;
    case 'no_inboxes':
      return (
        <div className="sync-status">
          <span className="sync-text">No inbox is being synced.</span>
          <button type="button" className="link-button" onClick={() => openDialog('settings')}>
            Choose inboxes
          </button>
        </div>
      );
    case 'syncing':
      return (
        <div className="sync-status sync-status--busy">
          <span className="spinner spinner--small" aria-hidden="true" />
          <span className="sync-text">Syncing…</span>
        </div>
      );
    case 'paused':
      return (
        <div className="sync-status sync-status--paused">
          <span className="dot dot--paused" aria-hidden="true" />
          <span className="sync-text">Sync paused</span>
        </div>
      );
    case 'error':
      return (
        <div className="sync-status sync-status--error">
          <span className="dot dot--error" aria-hidden="true" />
          <span className="sync-text" title={summary.reason}>
            Sync failed: {summary.reason}
          </span>
          {summary.needsSignIn ? (
            <button type="button" className="link-button" onClick={() => openDialog('settings')}>
              Sign in
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small"
            onClick={() => void syncNow(summary.ownerId ?? undefined)}
          >
            Retry
          </button>
        </div>
      );
    case 'synced':
      return (
        <div className="sync-status sync-status--ok">
          <span className="dot dot--ok" aria-hidden="true" />
          {summary.lastSuccessAt === null ? <span className="sync-text">Not synced yet</span> : <SyncedAgo lastSuccessAt={summary.lastSuccessAt} />}
        </div>
      );
  }
}
