// Left pane: whose inbox, which filter, which tag, each with its count.
import { useShallow } from 'zustand/react/shallow';
import { tagLabel } from '../format/tag-label';
import { FILTER_LABELS, FILTER_ORDER } from '../store/filters';
import { useAppStore } from '../store/store-context';

function Count({ value, noun = 'conversation' }: { value: number | undefined; noun?: string }) {
  if (value === undefined || value === 0) return null;
  return (
    <span className="nav-count">
      <span aria-hidden="true">{value > 9999 ? '9999+' : value}</span>
      <span className="sr-only">({value === 1 ? `1 ${noun}` : `${value > 9999 ? 'over 9999' : value} ${noun}s`})</span>
    </span>
  );
}

export function Sidebar() {
  const { ownerId, filter, tag, counts } = useAppStore(
    useShallow((s) => ({ ownerId: s.list.ownerId, filter: s.list.filter, tag: s.list.tag, counts: s.list.counts })),
  );
  const owners = useAppStore((s) => s.session.owners);
  const setInbox = useAppStore((s) => s.setInbox);
  const setFilter = useAppStore((s) => s.setFilter);
  const setTag = useAppStore((s) => s.setTag);
  const pending = useAppStore((s) => s.assistant.pending);
  const openDialog = useAppStore((s) => s.openDialog);
  const searching = useAppStore((s) => s.search.submitted);
  const searchTotal = useAppStore((s) => s.search.total);
  const clearSearch = useAppStore((s) => s.clearSearch);
  const requestFocus = useAppStore((s) => s.requestFocus);
  /** Choosing a filter while search results show leaves the search: the filter is the new view. */
  const leaveSearch = (): void => {
    if (searching !== null) clearSearch();
  };
  const enabledOwners = owners.filter((o) => o.enabled);
  const tags = [...(counts?.tags ?? [])].filter((t) => t.count > 0).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));

  return (
    <nav className="sidebar" aria-label="Inboxes and filters">
      {enabledOwners.length > 1 ? (
        <section className="nav-section" aria-labelledby="nav-inboxes">
          <h2 id="nav-inboxes" className="nav-heading">
            Inboxes
          </h2>
          <ul className="nav-list">
            <li>
              <button type="button" className="nav-item" aria-current={ownerId === null ? 'page' : undefined} onClick={() => setInbox(null)}>
                <span className="nav-label">All inboxes</span>
              </button>
            </li>
            {enabledOwners.map((owner) => (
              <li key={owner.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={ownerId === owner.id ? 'page' : undefined}
                  onClick={() => setInbox(owner.id)}
                >
                  <span className="nav-label">{owner.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="nav-section" aria-labelledby="nav-filters">
        <h2 id="nav-filters" className="nav-heading">
          Conversations
        </h2>
        <ul className="nav-list">
          {searching !== null ? (
            <li>
              <button type="button" className="nav-item nav-item--search" aria-current="page" onClick={() => requestFocus('search')}>
                <span className="nav-label" dir="auto">
                  Search: “{searching}”
                </span>
                <Count value={searchTotal ?? undefined} noun="message" />
              </button>
            </li>
          ) : null}
          {FILTER_ORDER.map((f) => (
            <li key={f}>
              <button
                type="button"
                className="nav-item"
                aria-current={searching === null && filter === f && tag === null ? 'page' : undefined}
                onClick={() => {
                  leaveSearch();
                  setFilter(f);
                }}
              >
                <span className="nav-label">{FILTER_LABELS[f]}</span>
                <Count value={counts?.filters[f]} />
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="nav-section" aria-labelledby="nav-assistant">
        {/* Not just "Assistant": Settings has an "Assistant" section, and two landmarks must not share a name. */}
        <h2 id="nav-assistant" className="nav-heading">
          Assistant drafts
        </h2>
        <ul className="nav-list">
          <li>
            <button type="button" className="nav-item" onClick={() => openDialog('queue')}>
              <span className="nav-label">Approval queue</span>
              {pending > 0 ? (
                <span className="nav-count">
                  <span aria-hidden="true">{pending > 9999 ? '9999+' : pending}</span>
                  <span className="sr-only">({pending === 1 ? '1 draft waiting' : `${pending} drafts waiting`})</span>
                </span>
              ) : null}
            </button>
          </li>
        </ul>
      </section>
      {tags.length > 0 ? (
        <section className="nav-section" aria-labelledby="nav-tags">
          <h2 id="nav-tags" className="nav-heading">
            Tags
          </h2>
          <ul className="nav-list">
            {tags.map((t) => (
              <li key={t.tag}>
                <button
                  type="button"
                  className="nav-item nav-item--tag"
                  aria-pressed={searching === null && tag === t.tag}
                  onClick={() => {
                    leaveSearch();
                    setTag(tag === t.tag ? null : t.tag);
                  }}
                >
                  <span className="nav-label">{tagLabel(t.tag)}</span>
                  <Count value={t.count} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </nav>
  );
}
