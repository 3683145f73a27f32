// A memo across polls of an inbox that lists mostly the same rows every time: what was worked
// out for the last page is found again for this one, and what this page no longer lists is let
// go with the last page, so the memo never holds more than two pages' entries.

export interface TwoPageMemo<V> {
  /**
   * The value for `key` on this page or the last. One found from the last page is kept for this
   * one under the key just looked up, not the old one: a key is often a slice of the page it was
   * read from, and would keep that page's text alive.
   */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** A new page begins: entries not looked up or set since the last call are let go. */
  nextPage(): void;
}

export function createTwoPageMemo<V>(): TwoPageMemo<V> {
  let previous = new Map<string, V>();
  let current = new Map<string, V>();
  return {
    get(key) {
      let value = current.get(key);
      if (value === undefined) {
        value = previous.get(key);
        if (value !== undefined) current.set(key, value);
      }
      return value;
    },
    set(key, value) {
      current.set(key, value);
    },
    nextPage() {
      previous = current;
      current = new Map();
    },
  };
}
