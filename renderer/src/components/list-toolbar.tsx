// Above the list: which view this is (and, in a narrow window, the way back to the filters), the
// order (newest or longest waiting first) and the density.
import { tagLabel } from '../format/tag-label';
import { FILTER_LABELS } from '../store/filters';
import { useAppStore } from '../store/store-context';

export function ListToolbar() {
  const filter = useAppStore((s) => s.list.filter);
  const tag = useAppStore((s) => s.list.tag);
  const sort = useAppStore((s) => s.list.sort);
  const density = useAppStore((s) => s.list.density);
  const searching = useAppStore((s) => s.search.submitted);
  const setSort = useAppStore((s) => s.setSort);
  const setDensity = useAppStore((s) => s.setDensity);
  const setNavOpen = useAppStore((s) => s.setNavOpen);
  const title = searching !== null ? `Search: ${searching}` : tag !== null ? `${FILTER_LABELS[filter]} · ${tagLabel(tag)}` : FILTER_LABELS[filter];

  return (
    <div className={`list-toolbar${searching !== null ? ' list-toolbar--search' : ''}`}>
      <button type="button" className="button button--small views-button" onClick={() => setNavOpen(true)}>
        <span aria-hidden="true">‹ </span>Views
      </button>
      <h2 className="pane-title list-title" dir="auto">
        {title}
      </h2>
      {searching === null ? (
        <div className="list-tools">
          <button
            type="button"
            className="button button--small"
            aria-pressed={sort === 'longest_waiting'}
            title={sort === 'longest_waiting' ? 'Showing members waiting longest first' : 'Showing the newest first'}
            onClick={() => setSort(sort === 'newest' ? 'longest_waiting' : 'newest')}
          >
            Longest waiting first
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={density === 'compact'}
            onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
          >
            Compact
          </button>
        </div>
      ) : null}
    </div>
  );
}
