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

/** The core stops counting past this many matches. */
const MESSAGE_COUNT_CAP = 10_000;

/** The member's name with each query word it contains marked, as text (never markup). */
function NameMatch({ name, query }: { name: string; query: string }) {
  const words = query
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '');
  const lower = name.toLowerCase();
  const marked = new Array<boolean>(name.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) marked.fill(true, at, at + word.length);
  }
  const parts: Array<{ text: string; match: boolean }> = [];
  for (let i = 0; i < name.length; i++) {
    const last = parts.at(-1);
    if (last && last.match === marked[i]) last.text += name[i];
    else parts.push({ text: name[i] ?? '', match: marked[i] ?? false });
  }
  return <Snippet parts={parts} />;
}

export function SearchResults() {
  const { submitted, hits, people, total, nextCursor, status, error, loadingMore } = useAppStore(
    useShallow((s) => ({
      submitted: s.search.submitted,
      hits: s.search.hits,
      people: s.search.people,
      total: s.search.total,
      nextCursor: s.search.nextCursor,
      status: s.search.status,
      error: s.search.error,
      loadingMore: s.search.loadingMore,
    })),
  );
  const openedMessageId = useAppStore((s) => s.thread.targetMessageId);
  const openedConversationId = useAppStore((s) => s.thread.conversationId);
  const selectConversation = useAppStore((s) => s.selectConversation);
  const openSearchHit = useAppStore((s) => s.openSearchHit);
  const loadMoreHits = useAppStore((s) => s.loadMoreHits);
  const runSearch = useAppStore((s) => s.runSearch);
  const clearSearch = useAppStore((s) => s.clearSearch);
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(60_000);

  let body;
  if (status === 'loading') body = <Loading label="Searching…" />;
  else if (status === 'error' && error && hits.length === 0) body = <ErrorState title="Search failed" message={error.message} onRetry={() => void runSearch()} />;
  else if (hits.length === 0 && people.length === 0) {
    body = (
      <EmptyState title="Nothing found.">
        <p>Try fewer words, or part of a name.</p>
      </EmptyState>
    );
  } else {
    const count = total ?? hits.length;
    const countText = total !== null && total > MESSAGE_COUNT_CAP ? `${MESSAGE_COUNT_CAP.toLocaleString(locale)}+` : count.toLocaleString(locale);
    body = (
      <>
        {people.length > 0 ? (
          <section aria-labelledby="search-people-title">
            <h3 id="search-people-title" className="search-section-title">
              People <span className="search-count">{people.length}</span>
            </h3>
            <ul className="search-hits">
              {people.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`search-hit search-person${c.id === openedConversationId && openedMessageId === null ? ' search-hit--open' : ''}`}
                    onClick={() => selectConversation(c.id)}
                  >
                    <span className="row-line">
                      <span className="row-name" dir="auto">
                        <NameMatch name={c.memberName || 'Unknown member'} query={submitted ?? ''} />
                      </span>
                      {c.lastMessageAt !== null ? (
                        <time className="row-time" dateTime={c.lastMessageAt} title={formatFullTime(c.lastMessageAt, { locale, timeZone })}>
                          {formatListTime(c.lastMessageAt, now, { locale, timeZone })}
                        </time>
                      ) : null}
                    </span>
                    <span className="search-hit-text" dir="auto">
                      {c.lastMessagePreview}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <h3 className="search-section-title" id="search-messages-title">
          Messages <span className="search-count">{countText}</span>
        </h3>
        {hits.length === 0 ? <p className="muted search-none">No message says that.</p> : null}
        <ul className="search-hits" aria-labelledby="search-messages-title">
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
                <span className="search-hit-text" dir="auto">
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
