// The top bar: sync state and controls, search, settings and help.
import { useAppStore } from '../store/store-context';
import { SearchBox } from './search-box';
import { SyncStatusView } from './sync-status';

export function Header() {
  const polling = useAppStore((s) => s.sync.status?.polling ?? null);
  const pending = useAppStore((s) => s.sync.pending);
  const syncNow = useAppStore((s) => s.syncNow);
  const pausePolling = useAppStore((s) => s.pausePolling);
  const resumePolling = useAppStore((s) => s.resumePolling);
  const openDialog = useAppStore((s) => s.openDialog);

  return (
    <header className="header">
      <h1 className="brand">Frontdesk</h1>
      <SearchBox />
      <div className="header-sync">
        <SyncStatusView />
        <button type="button" className="button button--small" disabled={pending !== null} onClick={() => void syncNow()}>
          Sync now
        </button>
        {polling === false ? (
          <button type="button" className="button button--small" disabled={pending !== null} onClick={() => void resumePolling()}>
            Resume
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={pending !== null || polling === null}
            onClick={() => void pausePolling()}
          >
            Pause
          </button>
        )}
      </div>
      <div className="header-tools">
        <button type="button" className="button button--small" title="Campaigns" onClick={() => openDialog('campaigns')}>
          Campaigns
        </button>
        <button type="button" className="button button--small" title="Response times" onClick={() => openDialog('reports')}>
          Reports
        </button>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => openDialog('help')}>
          <span aria-hidden="true">?</span>
        </button>
        <button type="button" className="icon-button" aria-label="Settings" title="Settings" onClick={() => openDialog('settings')}>
          <span aria-hidden="true">⚙</span>
        </button>
      </div>
    </header>
  );
}
