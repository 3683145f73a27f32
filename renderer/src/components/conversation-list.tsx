// The middle pane: the conversation list, virtualized, loading the next page as the user nears
// the end. A listbox: arrow keys move the selection, j/k work from anywhere.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { tagLabel } from '../format/tag-label';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useNow } from '../hooks/use-now';
import { FILTER_EMPTY, FILTER_LABELS } from '../store/filters';
import { LOAD_MORE_THRESHOLD } from '../store/list-slice';
import { useTimeOptions, useAppStore } from '../store/store-context';
import { ConversationRow, rowDomId } from './conversation-row';
import { EmptyState, ErrorState, Loading } from './state-views';

/** Row heights: compact fits 12+ rows in a 1280×800 window; comfortable shows tags on a third line. */
export const ROW_HEIGHTS = { compact: 52, comfortable: 76 } as const;
/** Scrolled less than this from the top, the list follows new rows instead of holding its place. */
const TOP_SLACK = 4;

interface Anchor {
  id: number;
  /** Where the row's top is, in pixels from the top of the viewport (negative: partly scrolled off). */
  top: number;
}

export function ConversationList() {
  const { items, status, error, nextCursor, loadingMore, loadMoreError, selectedId, filter, tag, counts, density } = useAppStore(
    useShallow((s) => ({
      items: s.list.items,
      status: s.list.status,
      error: s.list.error,
      nextCursor: s.list.nextCursor,
      loadingMore: s.list.loadingMore,
      loadMoreError: s.list.loadMoreError,
      selectedId: s.list.selectedId,
      filter: s.list.filter,
      tag: s.list.tag,
      counts: s.list.counts,
      density: s.list.density,
    })),
  );
  const loadList = useAppStore((s) => s.loadList);
  const loadMore = useAppStore((s) => s.loadMore);
  const selectConversation = useAppStore((s) => s.selectConversation);
  const me = useAppStore((s) => s.team.status?.me ?? null);
  const selectRelative = useAppStore((s) => s.selectRelative);
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(30_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  useFocusRequest('list', scrollRef);
  const rowHeight = ROW_HEIGHTS[density];
  // The row at the top of the viewport while the user is scrolled down: new rows arriving above
  // must not move it (a click would land on another member), so a pill counts them instead.
  const anchor = useRef<Anchor | null>(null);
  const [newAbove, setNewAbove] = useState(0);

  // The virtualizer hands back fresh functions each render, so the compiler must not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  const selectedIndex = selectedId === null ? -1 : items.findIndex((c) => c.id === selectedId);

  useEffect(() => {
    if (nextCursor !== null && lastIndex >= items.length - LOAD_MORE_THRESHOLD) void loadMore();
  }, [lastIndex, items.length, nextCursor, loadMore]);

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const held = anchor.current;
    if (!element || !held) return;
    const index = items.findIndex((c) => c.id === held.id);
    if (index < 0) return;
    const scrollTop = index * rowHeight - held.top;
    if (Math.abs(element.scrollTop - scrollTop) >= 1) {
      const moved = Math.round((scrollTop - element.scrollTop) / rowHeight);
      element.scrollTop = scrollTop;
      if (moved > 0) setNewAbove((n) => n + moved);
    }
  }, [items, rowHeight]);

  // Held while the user is scrolled down, or while the pointer is over the list (even at the
  // top): the row under the pointer if there is one, else the top row.
  const pointerY = useRef<number | null>(null);
  const captureAnchor = (): void => {
    const element = scrollRef.current;
    if (!element) return;
    const atTop = element.scrollTop <= TOP_SLACK;
    if (atTop && newAbove !== 0) setNewAbove(0);
    if (atTop && pointerY.current === null) {
      anchor.current = null;
      return;
    }
    const index = Math.floor((element.scrollTop + (pointerY.current ?? 0)) / rowHeight);
    const row = items[index];
    anchor.current = row ? { id: row.id, top: index * rowHeight - element.scrollTop } : null;
  };
  const trackPointer = (event: PointerEvent<HTMLDivElement>): void => {
    pointerY.current = event.clientY - event.currentTarget.getBoundingClientRect().top;
    captureAnchor();
  };

  const scrollToTop = (): void => {
    anchor.current = null;
    setNewAbove(0);
    scrollRef.current?.scrollTo({ top: 0 });
  };

  // Follows the selection when the user moves it (j/k, a click), not when rows arriving above
  // shift its index: that would undo the scroll anchoring.
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || followed.current === selectedId) return;
    followed.current = selectedId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedId, selectedIndex, virtualizer]);

  const listName = tag !== null ? `${FILTER_LABELS[filter]} conversations tagged ${tagLabel(tag)}` : `${FILTER_LABELS[filter]} conversations`;

  if (items.length === 0) {
    if (status === 'loading' || status === 'idle') return <Loading label="Loading conversations…" />;
    if (status === 'error' && error) return <ErrorState title="Conversations could not be loaded" message={error.message} onRetry={() => void loadList()} />;
    return (
      <EmptyState title={tag !== null ? `Nothing tagged ${tagLabel(tag)} here.` : FILTER_EMPTY[filter]}>
        {filter !== 'all' || tag !== null ? <p>Choose All to see every conversation.</p> : null}
      </EmptyState>
    );
  }

  // The total is known only while no tag narrows the list; -1 tells assistive technology "unknown".
  const setSize = nextCursor === null ? items.length : tag === null && counts ? counts.filters[filter] : -1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const first = items[0];
    const last = items.at(-1);
    switch (event.key) {
      case 'ArrowDown':
        selectRelative(1);
        break;
      case 'ArrowUp':
        selectRelative(-1);
        break;
      case 'Home':
        if (first) selectConversation(first.id);
        break;
      case 'End':
        if (last) selectConversation(last.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className={`list-body list-body--${density}`}>
      {newAbove > 0 ? (
        <button type="button" className="new-pill" onClick={scrollToTop}>
          <span aria-hidden="true">↑ </span>
          {newAbove} new
        </button>
      ) : null}
      <div
        ref={scrollRef}
        onScroll={captureAnchor}
        onPointerEnter={trackPointer}
        onPointerMove={trackPointer}
        onPointerLeave={() => {
          pointerY.current = null;
          captureAnchor();
        }}
        className="list-scroll"
        role="listbox"
        aria-label={listName}
        aria-activedescendant={selectedId !== null && selectedIndex >= 0 ? rowDomId(selectedId) : undefined}
        aria-busy={loadingMore}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((row) => {
            const conversation = items[row.index];
            if (!conversation) return null;
            return (
              <ConversationRow
                key={row.key}
                conversation={conversation}
                selected={conversation.id === selectedId}
                position={row.index + 1}
                setSize={setSize}
                now={now}
                localeOptions={{ locale, timeZone }}
                top={row.start}
                height={row.size}
                compact={density === 'compact'}
                me={me}
                onSelect={selectConversation}
              />
            );
          })}
        </div>
      </div>
      {loadMoreError ? (
        <div className="list-footer" role="alert">
          <span>More conversations could not be loaded: {loadMoreError.message}</span>
          <button type="button" className="link-button" onClick={() => void loadMore()}>
            Try again
          </button>
        </div>
      ) : loadingMore ? (
        <div className="list-footer muted" role="status">
          Loading more…
        </div>
      ) : null}
    </div>
  );
}
