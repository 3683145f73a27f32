// Search hits in place of the list. Snippets arrive as plain and matched parts; matches become
// <mark> elements and every part stays text.
import { useShallow } from 'zustand/react/shallow';
import type { SearchHit } from '../../../common/contract';
import { formatFullTime, formatListTime } from '../format/list-time';
import { useNow } from '../hooks/use-now';
import { useTimeOptions, useAppStore } from '../store/store-context';
import { EmptyState, ErrorState, Loading } from './state-views';

export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}

export function SearchResults() {
  const { submitted, hits, nextCursor, status, error, loadingMore } = useAppStore(
    useShallow((s) => ({
      submitted: s.search.submitted,
      hits: s.search.hits,
      nextCursor: s.search.nextCursor,
      status: s.search.status,
      error: s.search.error,
      loadingMore: s.search.loadingMore,
    })),
  );
  const openedMessageId = useAppStore((s) => s.thread.targetMessageId);
  const openSearchHit = useAppStore((s) => s.openSearchHit);
  const loadMoreHits = useAppStore((s) => s.loadMoreHits);
  const runSearch = useAppStore((s) => s.runSearch);
  const clearSearch = useAppStore((s) => s.clearSearch);
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(60_000);

  let body;
  if (status === 'loading') body = <Loading label="Searching…" />;
  else if (status === 'error' && error && hits.length === 0) body = <ErrorState title="Search failed" message={error.message} onRetry={() => void runSearch()} />;
  else if (hits.length === 0) {
    body = (
      <EmptyState title="No messages found.">
        <p>Try fewer words, or part of a name.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ul className="search-hits">
          {hits.map((hit) => (
            <li key={hit.messageId}>
              <button
                type="button"
                className={`search-hit${hit.messageId === openedMessageId ? ' search-hit--open' : ''}`}
                aria-current={hit.messageId === openedMessageId ? 'true' : undefined}
                onClick={() => openSearchHit(hit)}
              >
                <span className="row-line">
                  <span className="row-name">{hit.memberName || 'Unknown member'}</span>
                  <time className="row-time" dateTime={hit.sentAt} title={formatFullTime(hit.sentAt, { locale, timeZone })}>
                    {formatListTime(hit.sentAt, now, { locale, timeZone })}
                  </time>
                </span>
                <span className="search-hit-text">
                  {hit.direction === 'outbound' ? <span className="muted">You: </span> : null}
                  <Snippet parts={hit.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ul>
        {nextCursor !== null ? (
          <div className="list-footer">
            <button type="button" className="button button--small" disabled={loadingMore} onClick={() => void loadMoreHits()}>
              {loadingMore ? 'Loading…' : 'More results'}
            </button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section className="search-results" aria-labelledby="search-results-title">
      <div className="pane-header">
        <h2 id="search-results-title" className="pane-title">
          Results for “{submitted}”
        </h2>
        <button type="button" className="link-button" onClick={clearSearch}>
          Close search
        </button>
      </div>
      <div className="search-scroll">{body}</div>
    </section>
  );
}
