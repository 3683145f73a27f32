// The search field: searches as the user pauses typing, at once on Enter; Escape clears.
import { useEffect, useRef } from 'react';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useAppStore } from '../store/store-context';

export const SEARCH_DEBOUNCE_MS = 250;

export function SearchBox() {
  const query = useAppStore((s) => s.search.query);
  const setSearchQuery = useAppStore((s) => s.setSearchQuery);
  const runSearch = useAppStore((s) => s.runSearch);
  const clearSearch = useAppStore((s) => s.clearSearch);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useFocusRequest('search', inputRef, true);

  const cancelPending = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelPending, []);

  return (
    <form
      className="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        cancelPending();
        void runSearch();
      }}
    >
      <label htmlFor="search-input" className="sr-only">
        Search messages
      </label>
      <input
        ref={inputRef}
        id="search-input"
        className="search-input"
        type="search"
        placeholder="Search messages  /"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setSearchQuery(event.target.value);
          cancelPending();
          timer.current = setTimeout(() => {
            timer.current = null;
            void runSearch();
          }, SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          cancelPending();
          clearSearch();
          inputRef.current?.blur();
        }}
      />
    </form>
  );
}
